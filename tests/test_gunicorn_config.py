import gc
import runpy
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from django.conf import settings

from partners.filters import SEARCH_MAX_LENGTH
from tests.test_site import PRODUCTION, ROOT

CONFIG = ROOT / "gunicorn.conf.py"
GUNICORN_VARIABLES = (
    "GUNICORN_BIND",
    "GUNICORN_WORKERS",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_ACCESS_LOG",
    "GUNICORN_CONTROL_SOCKET",
    "FORWARDED_ALLOW_IPS",
    "DJANGO_LOG_FORMAT",
)


@pytest.fixture
def load_config(monkeypatch):
    def load(**environ):
        for name in GUNICORN_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONFIG))

    return load


def test_workers_default_to_twice_the_cores_plus_one_capped_at_twelve(load_config):
    config = load_config()
    assert config["default_workers"](1) == 3
    assert config["default_workers"](2) == 5
    assert config["default_workers"](32) == 12


def test_workers_come_from_gunicorn_workers_before_web_concurrency(load_config):
    assert load_config(WEB_CONCURRENCY="4")["workers"] == 4
    assert load_config(WEB_CONCURRENCY="4", GUNICORN_WORKERS="3")["workers"] == 3


def test_bind_threads_timeout_and_trusted_proxies_come_from_the_environment(load_config):
    config = load_config(
        GUNICORN_BIND="0.0.0.0:8000, unix:/run/linkj.sock",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="20",
        FORWARDED_ALLOW_IPS="10.0.0.0/8",
    )
    assert config["bind"] == ["0.0.0.0:8000", "unix:/run/linkj.sock"]
    assert (config["threads"], config["timeout"]) == (4, 20)
    assert config["forwarded_allow_ips"] == "10.0.0.0/8"


def test_workers_are_recycled_rarely_and_not_all_at_once(load_config):
    # A fresh worker's first requests are its slowest (cold template and fragment caches):
    # at gunicorn's example value of 2,000, a busy worker restarted every few seconds.
    config = load_config()
    assert config["max_requests"] >= 20_000
    assert config["max_requests_jitter"] == config["max_requests"] // 10
    config = load_config(GUNICORN_MAX_REQUESTS="5000")
    assert (config["max_requests"], config["max_requests_jitter"]) == (5000, 500)


def test_the_master_freezes_what_the_application_allocated_before_forking(load_config):
    when_ready = load_config()["when_ready"]
    gc.unfreeze()
    try:
        when_ready(server=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_only_the_local_proxy_is_trusted_by_default(load_config):
    config = load_config()
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert config["control_socket_disable"] is True


def test_gunicorn_logs_through_the_application_formatter(load_config):
    assert load_config()["logconfig_dict"]["handlers"]["console"]["formatter"] == "json"
    config = load_config(DJANGO_LOG_FORMAT="text")
    assert config["logconfig_dict"]["handlers"]["console"]["formatter"] == "text"


def test_gunicorn_access_lines_only_when_asked_for_as_django_writes_its_own(load_config):
    assert load_config()["logconfig_dict"]["loggers"]["gunicorn.access"]["level"] == "WARNING"
    config = load_config(GUNICORN_ACCESS_LOG="-")
    assert config["logconfig_dict"]["loggers"]["gunicorn.access"]["level"] == "INFO"


def test_the_longest_partner_search_fits_in_the_request_line(load_config):
    # A full-length Japanese search (9 bytes per character once encoded) with every filter set,
    # kept through the admin's preserved filters, which encode it a second time.
    query = urlencode(
        {
            "q": "東" * SEARCH_MAX_LENGTH,
            "country": "US",
            "region": "overseas",
            "kind": "university",
            "year": "2026",
            "scope": "x" * 50,
            "sort": "-signed",
            "page": "9999",
        }
    )
    admin_path = "/admin/partners/partner/12345/change/?" + urlencode(
        {"_changelist_filters": query}
    )
    request_line = f"GET {admin_path} HTTP/1.1"
    assert len(request_line.encode()) <= load_config()["limit_request_line"]
    # Django serves it too, rather than its 414 page.
    assert len(admin_path.encode()) <= settings.ADDRESS_MAX_BYTES


def test_django_refuses_long_addresses_before_gunicorn_does(load_config):
    # Every address Django refuses reaches it: the visitor sees the styled 414 page, not
    # gunicorn's bare one, for anything up to gunicorn's own limit.
    longest_django_line = len("GET ") + settings.ADDRESS_MAX_BYTES + 1 + len(" HTTP/1.1")
    assert longest_django_line <= load_config()["limit_request_line"]


def test_gunicorn_accepts_the_config_and_loads_the_application():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", str(CONFIG)],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
