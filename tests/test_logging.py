import json
import logging

import pytest

from linkj.logging import JSONFormatter, RequestContextFilter, request_id_from
from tests.factories import UserFactory
from tests.test_site import PRODUCTION, manage

pytestmark = pytest.mark.django_db


def access_records(caplog):
    return [record for record in caplog.records if record.name == "linkj.access"]


def test_every_response_carries_a_new_request_id(client):
    first = client.get("/ja/")["X-Request-ID"]
    second = client.get("/ja/")["X-Request-ID"]
    assert len(first) == 32 and first.isalnum()
    assert first != second


def test_a_safe_incoming_request_id_is_echoed(client):
    response = client.get("/ja/", headers={"X-Request-ID": "lb-7f3a-0001"})
    assert response["X-Request-ID"] == "lb-7f3a-0001"


@pytest.mark.parametrize(
    "unsafe",
    ["", "a" * 65, "abc def", "abc\r\nSet-Cookie: x=1", '"}{"level":"ERROR', "<script>", "id_1"],
)
def test_an_unsafe_incoming_request_id_is_replaced(unsafe):
    replaced = request_id_from(unsafe)
    assert replaced != unsafe
    assert len(replaced) == 32 and replaced.isalnum()


def test_an_over_long_request_id_header_is_replaced_on_the_response(client):
    response = client.get("/ja/", headers={"X-Request-ID": "x" * 200})
    assert response["X-Request-ID"] != "x" * 200
    assert len(response["X-Request-ID"]) == 32


def test_static_files_and_redirects_carry_a_request_id_too(client):
    assert client.get("/")["X-Request-ID"]  # the language redirect
    assert client.get("/healthz")["X-Request-ID"]


def test_each_request_writes_one_access_line_with_its_id_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="linkj.access")
    response = client.get("/en/partners/", headers={"X-Request-ID": "trace-42"})
    [record] = access_records(caplog)
    assert record.request_id == "trace-42" == response["X-Request-ID"]
    assert (record.method, record.path, record.status) == ("GET", "/en/partners/", 200)
    assert record.duration_ms >= 0
    assert not hasattr(record, "user_id")


def test_the_access_line_of_a_missing_page_carries_its_404(client, caplog):
    caplog.set_level(logging.INFO, logger="linkj.access")
    client.get("/ja/partners/no-such-partner/")
    [record] = access_records(caplog)
    assert record.status == 404


def test_records_about_a_request_carry_its_id(client, caplog):
    caplog.handler.addFilter(RequestContextFilter())
    caplog.set_level(logging.WARNING, logger="django.request")
    client.get("/ja/partners/no-such-partner/", headers={"X-Request-ID": "inner-1"})
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == "inner-1"
    assert record.path == "/ja/partners/no-such-partner/"


def test_the_access_line_names_a_staff_user_by_id(client, caplog):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    caplog.handler.addFilter(RequestContextFilter())
    caplog.set_level(logging.INFO, logger="linkj.access")
    client.get("/admin/")
    [record] = access_records(caplog)
    assert record.user_id == staff.pk


def test_records_outside_a_request_read_a_dash_for_the_id():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    RequestContextFilter().filter(record)
    assert record.request_id == "-"
    assert "request_id" not in json.loads(JSONFormatter().format(record))


def test_json_lines_hold_time_level_logger_message_and_the_request_fields():
    record = logging.LogRecord("linkj.access", logging.INFO, __file__, 1, "GET %s", ("/ja/",), None)
    for key, value in {"request_id": "r-1", "method": "GET", "path": "/ja/", "status": 200}.items():
        setattr(record, key, value)
    record.duration_ms = 12.5
    line = JSONFormatter().format(record)
    assert "\n" not in line
    payload = json.loads(line)
    assert payload["time"].endswith("+00:00")
    assert {key: payload[key] for key in payload if key != "time"} == {
        "level": "INFO",
        "logger": "linkj.access",
        "message": "GET /ja/",
        "request_id": "r-1",
        "method": "GET",
        "path": "/ja/",
        "status": 200,
        "duration_ms": 12.5,
    }


def test_json_lines_keep_a_traceback_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    payload = json.loads(JSONFormatter().format(record))
    assert "ValueError: boom" in payload["exception"]


def test_gunicorn_access_lines_become_the_same_json_fields():
    atoms = {"m": "GET", "U": "/static/x.css", "s": "200", "M": 3, "{x-request-id}o": "abc-1"}
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(m)s", (atoms,), None
    )
    RequestContextFilter().filter(record)
    payload = json.loads(JSONFormatter().format(record))
    assert payload["message"] == "GET /static/x.css"
    assert (payload["status"], payload["duration_ms"], payload["request_id"]) == (200, 3, "abc-1")


def test_production_logs_json_lines_and_development_logs_text():
    snippet = "import logging; logging.getLogger('linkj.probe').warning('probe line')"
    production = manage("shell", "-c", snippet, env_overrides=PRODUCTION)
    [line] = [line for line in production.stderr.splitlines() if "probe line" in line]
    assert json.loads(line)["logger"] == "linkj.probe"
    development = manage("shell", "-c", snippet, env_overrides={"DJANGO_LOG_FORMAT": "text"})
    [line] = [line for line in development.stderr.splitlines() if "probe line" in line]
    assert line.endswith("WARNING linkj.probe [-] probe line")
