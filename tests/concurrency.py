"""Races with real concurrent database connections (PostgreSQL).

Each worker runs in its own thread, and Django gives each thread its own connection, closed
when the worker ends. Workers wait at a gate and are released together. PostgreSQL accepts
`max_connections` clients (100 by default) and other clients (other test runs) may hold some,
so at most as many workers as there are free connection slots, less a margin, hold a
connection at once; the others queue for a slot. All of them still race for the same row.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

MARGIN = 4


def require_postgresql() -> None:
    """Row locks and exclusion constraints are PostgreSQL's: skip on SQLite (local runs),
    but never when the suite was pointed at PostgreSQL, and never silently on CI."""
    if connection.vendor == "postgresql":
        return
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("DATABASE_URL names PostgreSQL but the tests run on another database")
    pytest.skip(
        "needs PostgreSQL: SQLite has no row locks or exclusion constraints, and its "
        "in-memory test database refuses concurrent writers instead of queueing them "
        "(CI runs this test on PostgreSQL)"
    )


def _free_connection_slots() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - "
            "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"
        )
        return cursor.fetchone()[0]


def race(worker: Callable[[int], object], count: int = 100) -> tuple[list, list]:
    """Run worker(0) … worker(count - 1) at the same time; return (results, errors)."""
    slots = threading.BoundedSemaphore(max(1, min(count, _free_connection_slots() - MARGIN)))
    # The test's own connection is not needed during the race: give its slot back.
    connection.close()
    gate = threading.Event()
    results, errors = [], []
    lock = threading.Lock()

    def run(n: int) -> None:
        gate.wait()
        with slots:
            try:
                result = worker(n)
            except Exception as error:  # noqa: BLE001 - reported to the test
                with lock:
                    errors.append(error)
            else:
                with lock:
                    results.append(result)
            finally:
                connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker hung"
    return results, errors
