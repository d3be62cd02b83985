"""A small per-address rate limit on the cache (Redis in production, shared by every worker).

Fixed windows: the first attempt from an address starts a window of `period` seconds; the
attempts in it are counted with an atomic increment. Addresses come from linkj/client_ip.py,
so that a proxy's address is never what is counted.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from linkj.client_ip import client_ip


def over_limit(request: HttpRequest, scope: str, limit: int, period: int = 3600) -> bool:
    """Count this attempt; True once the address has made more than `limit` in the window."""
    key = f"ratelimit:{scope}:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit
