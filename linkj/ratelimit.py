"""A fixed-window rate limit in the Django cache (Redis in production), per client address.

The address comes from linkj.client_ip, so behind counted proxies it is the visitor's, not
the proxy's. If the cache is down the request is allowed: a form that cannot be sent is
worse than a few extra messages.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from linkj.cache import CACHE_ERRORS
from linkj.client_ip import client_ip

logger = logging.getLogger(__name__)


def allow(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one use of `scope` by `key`; False once more than `limit` fall in one window
    of `window` seconds."""
    bucket = int(timezone.now().timestamp()) // window
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    name = f"ratelimit:{scope}:{digest}:{bucket}"
    try:
        cache.add(name, 0, timeout=window)
        try:
            count = cache.incr(name)
        except ValueError:  # expired between add and incr
            cache.set(name, 1, timeout=window)
            count = 1
    except CACHE_ERRORS:
        logger.exception("Rate limit unavailable for %s", scope)
        return True
    return count <= limit


def allow_client(request: HttpRequest, scope: str, *, limit: int, window: int) -> bool:
    return allow(scope, client_ip(request) or "unknown", limit=limit, window=window)
