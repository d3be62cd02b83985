"""The visitor's IP address, for login throttling (django-axes) and any later rate limit.

Behind reverse proxies REMOTE_ADDR is the nearest proxy's address, shared by every visitor,
so keying a lockout on it lets anyone lock an editor out. X-Forwarded-For names the client,
but its left part is whatever the client sent: only the entries appended by proxies we run
can be trusted. With `DJANGO_TRUSTED_PROXY_COUNT` = N (settings.LINKJ_TRUSTED_PROXY_COUNT),
the client is the address N entries from the right of X-Forwarded-For; with 0 (the default,
no proxy) it is REMOTE_ADDR and X-Forwarded-For is ignored. This holds only while the
application port is reachable through those proxies alone.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote_addr = request.META.get("REMOTE_ADDR")
    trusted = settings.LINKJ_TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = header.split(",") if header else []
    if len(forwarded) < trusted:
        # Fewer hops than proxies we run: the request did not come through all of them
        # (or a proxy is misconfigured). Nothing in the header can be trusted.
        return remote_addr
    return _valid_address(forwarded[-trusted]) or remote_addr
