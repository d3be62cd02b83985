"""Headless Chromium through Playwright, one browser per session.

Debian's chromium is used directly (no `playwright install`). Locally a missing browser skips
these tests with a reason; on CI (CI=true) it fails the run, so they can never silently skip.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = [
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
]
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"Browser tests must run on CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _playwright():
    # Playwright's sync API runs an event loop in this thread; Django's ORM then refuses
    # synchronous calls unless told this is fine (tests only).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright):
    path = _chromium_path()
    if path is None:
        _unavailable("no Chromium binary found (apt-get install chromium)")
    browser = _playwright.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
    yield browser
    browser.close()


def _new_page(browser, locale: str, base_url: str):
    context = browser.new_context(locale=locale, base_url=base_url, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    # A CSP violation or a script error is a bug: collect them so tests can assert none.
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    return context, page


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time_on_sqlite():
    """On SQLite in memory the live server's threads share the test's one connection, so two
    requests at once (a page framing two previews, say) can interleave their transactions
    ("no such savepoint"). There the live server answers one request at a time; Chromium
    queues the rest. PostgreSQL gives each thread a connection of its own and stays threaded."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    if connection.vendor != "sqlite":
        yield
        return

    class OneAtATime(WSGIServer):
        # The live server thread has already put the shared connection in place.
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = OneAtATime
    yield
    LiveServerThread.server_class = threaded


@pytest.fixture
def page(browser, live_server):
    """A Japanese-speaking visitor's tab (locale ja-JP gives the Japanese admin too)."""
    context, page = _new_page(browser, "ja-JP", live_server.url)
    yield page
    context.close()


@pytest.fixture
def english_page(browser, live_server):
    context, page = _new_page(browser, "en-US", live_server.url)
    yield page
    context.close()


@pytest.fixture
def login(live_server):
    """Log a page in as `user` by planting a session cookie (django-axes-proof, fast)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    def do_login(page, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                }
            ]
        )

    return do_login


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


AXE = Path(__file__).parent / "vendor" / "axe.min.js"  # axe-core 4.14 (MPL-2.0), tests only


@pytest.fixture
def axe(browser, live_server):
    """Run axe-core's WCAG 2.2 A/AA rules on a page and return the violations.

    The audit runs in a context that bypasses the CSP, only so the test can inject axe;
    the pages themselves are served with their normal policy.
    """

    def audit(path: str, locale: str = "ja-JP") -> list[dict]:
        context = browser.new_context(locale=locale, base_url=live_server.url, bypass_csp=True)
        page = context.new_page()
        page.goto(path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
        )
        context.close()
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
            for v in result["violations"]
        ]

    return audit
