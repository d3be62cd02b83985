"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py` from the checkout.

Everything a deployment varies comes from the environment (see .env.example):
GUNICORN_BIND, GUNICORN_WORKERS (or WEB_CONCURRENCY), GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_MAX_REQUESTS, FORWARDED_ALLOW_IPS, GUNICORN_ACCESS_LOG, DJANGO_LOG_FORMAT.
"""

import gc
import os
import sys
from pathlib import Path

# gunicorn reads this file before it imports the application: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkj.logging import logging_config  # noqa: E402


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def default_workers(cores: int | None = None) -> int:
    # The usual 2 x cores + 1, capped: each worker holds its own database connection and
    # memory, and beyond a dozen the database, not gunicorn, sets the pace.
    cores = cores or os.cpu_count() or 1
    return min(2 * cores + 1, 12)


wsgi_app = "linkj.wsgi:application"
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")]
workers = _env_int("GUNICORN_WORKERS", _env_int("WEB_CONCURRENCY", default_workers()))
# Threads > 1 switch gunicorn to its gthread worker; connections = workers x threads.
threads = _env_int("GUNICORN_THREADS", 1)

# A request that takes longer than this is a bug or an attack: the worker is restarted.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 5
# Workers signal they are alive through a file: on tmpfs that cannot stall on a slow disk.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"
# Recycle workers now and then so that a slow leak can never take a worker down, but rarely:
# a new worker starts with cold template and fragment caches, and its first requests are the
# slowest of all. At 2,000 (gunicorn's usual example) a busy worker serving 1,000 cached pages
# a second restarted every two seconds; with restarts rare (and gc.freeze below), the
# benchmark's p99 at 50 connections fell from 100-143 ms to under 65 ms (docs/benchmarks.md).
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = max_requests // 10

# Load the application once in the master: workers fork with it already imported (less
# memory, faster restarts) and a broken deploy fails at start instead of in every worker.
# The price: `kill -HUP` does not pick up new code; restart the service after a deploy.
preload_app = True


def when_ready(server):
    # Runs in the master once the application is loaded, before the first worker forks. What
    # importing it allocated lives as long as the process: moved out of the collector's reach,
    # it is never scanned again by a worker's full collections (shorter pauses) nor touched by
    # them (its memory stays shared with the master instead of being copied on write).
    gc.collect()
    gc.freeze()


def pre_fork(server, worker):
    # Runs in the master: a database connection opened while importing must be closed before
    # a fork, or two processes would talk over one socket.
    from django.db import connections

    connections.close_all()


# Security: the request line ("GET <path?query> HTTP/1.1") may be at most gunicorn's maximum,
# 8190 bytes. The longest address the site makes (an admin change page keeping a full partner
# search in its preserved filters, about 2,900 bytes) fits with room to spare. Django answers
# addresses past settings.ADDRESS_MAX_BYTES (4096) with its styled, bilingual 414 page; only a
# line past 8190 bytes meets gunicorn's own bare 414 (tests/test_gunicorn_config.py).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Only these addresses may tell gunicorn the request came over HTTPS (X-Forwarded-Proto):
# the reverse proxy's. Django trusts the header only after gunicorn has.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The control socket (gunicorn >= 25) defaults to one path per user: two instances on one
# machine would fight over it. Opt in with GUNICORN_CONTROL_SOCKET=/run/linkj/gunicorn.ctl.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# Logs: the same lines as the application (JSON in production). Django writes one access line
# per request with its request id and staff user (linkj.access); gunicorn's own access log
# would repeat it, so it is off unless GUNICORN_ACCESS_LOG=- asks for it.
logconfig_dict = logging_config(os.environ.get("DJANGO_LOG_FORMAT", "json"))
logconfig_dict["loggers"]["gunicorn.error"] = {"level": "INFO", "propagate": True}
logconfig_dict["loggers"]["gunicorn.access"] = {
    "level": "INFO" if os.environ.get("GUNICORN_ACCESS_LOG") else "WARNING",
    "propagate": True,
}
errorlog = "-"
