"""Structured logs: a request id on every request, JSON lines in production, text in development.

`RequestIDMiddleware` (first in MIDDLEWARE) keeps a safe incoming `X-Request-ID` or makes one,
returns it on the response and writes one access line per request. `RequestContextFilter` puts
the id, method, path and staff user id on every record logged while the request runs, so an
error logged deep in a view can be found from the id a visitor or the proxy reports.

This module is imported by the settings and by gunicorn.conf.py: it must not touch settings or
models at import time.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

REQUEST_ID_HEADER = "X-Request-ID"
# Only short ids of letters, digits and hyphens are echoed: anything else could forge log lines
# or smuggle markup into whatever displays the logs.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# Fields a record may carry, in the order the JSON line shows them.
CONTEXT_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "user_id")

_current_request: ContextVar[HttpRequest | None] = ContextVar("linkj_request", default=None)
access_logger = logging.getLogger("linkj.access")


def request_id_from(value: str | None) -> str:
    """The incoming id when it is safe to repeat, otherwise a new one."""
    if value and _SAFE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def staff_user_id(request: HttpRequest) -> int | None:
    """The staff user's id, if the request already looked at its user.

    The user is read only when something else has loaded it (the admin, a preview): forcing it
    here would cost a session query on public pages that never needed one.
    """
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    if getattr(user, "is_staff", False):
        return user.pk
    return None


class RequestIDMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request.request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            status = response.status_code
            access_logger.log(
                logging.ERROR if status >= 500 else logging.INFO,
                "%s %s %s %sms",
                request.method,
                request.path,
                status,
                duration_ms,
                extra={"status": status, "duration_ms": duration_ms},
            )
        finally:
            _current_request.reset(token)
        return response


def _gunicorn_access_fields(atoms: Mapping[str, Any]) -> dict[str, Any]:
    """Gunicorn logs its access lines with a dict of "atoms" as the record's arguments."""
    fields = {
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else None,
        "duration_ms": atoms.get("M"),
    }
    request_id = atoms.get("{x-request-id}o")
    if request_id and request_id != "-":
        fields["request_id"] = request_id
    return fields


class RequestContextFilter(logging.Filter):
    """Adds the current request's context to each record (attach it to handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields: dict[str, Any] = {}
        # django.request logs 4xx responses after the middleware chain has returned; its
        # records carry the request itself.
        request = _current_request.get() or getattr(record, "request", None)
        if hasattr(request, "request_id"):
            fields = {
                "request_id": request.request_id,
                "method": request.method,
                "path": request.path,
                "user_id": staff_user_id(request),
            }
        elif record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            fields = _gunicorn_access_fields(record.args)
        for key, value in fields.items():
            if value is not None and not hasattr(record, key):
                setattr(record, key, value)
        if not hasattr(record, "request_id"):
            # The text format names the field; outside a request it reads "-".
            record.request_id = "-"
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object per line: what log collectors (Loki, CloudWatch, journald) index."""

    def format(self, record: logging.LogRecord) -> str:
        created = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
        payload: dict[str, Any] = {
            "time": created.isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access":
            # Gunicorn's formatted line repeats the fields below; keep the request line only.
            payload["message"] = f"{getattr(record, 'method', '')} {getattr(record, 'path', '')}"
        for key in CONTEXT_FIELDS:
            value = getattr(record, key, None)
            if value is not None and value != "-":
                payload[key] = value
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return json.dumps(payload, ensure_ascii=False, default=str)


def logging_config(log_format: str = "text", level: str = "INFO") -> dict[str, Any]:
    """The LOGGING dict for Django (and gunicorn's logconfig_dict): `json` or `text` lines."""
    if log_format not in ("json", "text"):
        raise ValueError(f"DJANGO_LOG_FORMAT must be json or text, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_context": {"()": "linkj.logging.RequestContextFilter"}},
        "formatters": {
            "json": {"()": "linkj.logging.JSONFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_context"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Each 404 already has its access line; django.request keeps the 500 tracebacks.
            "django.request": {"level": "ERROR"},
            # runserver's own request lines would repeat linkj.access; its 4xx/5xx stay.
            "django.server": {"level": "WARNING"},
        },
    }
