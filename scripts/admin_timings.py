"""How long the admin's change lists take for an editor, at whatever scale the database holds:
what `make bench` reports under "Admin" (issue 7: under 300 ms at 100,000 rows).

Run inside the site (manage.py shell), with the settings being measured: each address is
fetched once to warm up, then `repeat` times, by a logged-in superuser through Django's test
client (the whole middleware chain, no network), and the median, the slowest and the number
of SQL queries are reported.
"""

from __future__ import annotations

import statistics
import time
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

USERNAME = "bench-admin"

# Label -> address: each model's list, a search and a filter editors use.
ADDRESSES = {
    "releases": "/admin/news/release/",
    "releases, search (Japanese)": f"/admin/news/release/?q={quote('横浜')}",
    "releases, search (English)": "/admin/news/release/?q=partnership",
    "releases, published in 2020": "/admin/news/release/?status__exact=published&date__year=2020",
    "releases, page 200": "/admin/news/release/?p=200",
    "partners": "/admin/partners/partner/",
    "partners, search": "/admin/partners/partner/?q=university",
    "partners, in the US": "/admin/partners/partner/?country__exact=US",
    "agreements": "/admin/partners/agreement/",
    "events": "/admin/events/event/",
    "events, search": f"/admin/events/event/?q={quote('セミナー')}",
}


def admin_timings(repeat: int = 5) -> list[dict]:
    user, _created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    if not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    rows = []
    for label, address in ADDRESSES.items():
        status = client.get(address).status_code
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(address)
                times.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "label": label,
                "path": address,
                "status": status,
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
                "queries": len(queries.captured_queries),
            }
        )
    return rows
