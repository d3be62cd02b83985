"""Whole-page cache for anonymous visitors, with invalidation that is always correct.

Every page carries the *generation* it was rendered under: one random token in the cache,
replaced whenever any content row is saved, deleted or has its many-to-many links changed. A
page of another generation is never served (no key scanning); it is overwritten or expires on
its own. A page is also never kept past the next scheduled change (a go-live, a take-down, an
event starting or ending, midnight in Tokyo), because those change pages without any save;
each app registers where its scheduled times live. Each worker keeps recent pages in memory
too, checked against the generation it read at most LINKJ_PAGE_CACHE_LOCAL_SECONDS ago.

The cache only ever holds what an anonymous visitor gets: a request carrying a session or a
messages cookie bypasses it, and a response is stored only when nothing about it was personal
(no cookie set, no message shown, no CSRF token or CSP nonce used, no private/no-store).
`remember()` keeps values every visitor shares (counts, aggregates) under the same rules;
`shared_fragment()` and `shared_response()` keep HTML and answers every visitor gets alike (for
logged-in members too, who never get whole cached pages), refusing anything personal.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import logging
import math
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    get_max_age,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.functional import empty
from django.utils.http import parse_http_date_safe
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Server-side lifetime of a page when no scheduled change comes sooner. Invalidation does not
# depend on it; it only bounds how long pages of an old generation occupy memory.
TIMEOUT = 10 * 60
# What browsers and a CDN may keep without asking again: a save shows within this time.
MAX_AGE = 60
S_MAXAGE = 120

GENERATION_KEY = "page-cache:generation"
# Part of every page's key: raise it when CachedPage changes shape, so that pages stored by the
# previous release are never unpickled into the new class during a deploy.
PAGE_FORMAT = 2
# Models of these apps never show on a public page; their rows change on every login or
# locked-out attempt, which would otherwise empty the cache all day long.
IGNORED_APPS = frozenset({"admin", "auth", "axes", "contenttypes", "sessions"})
# Nor do enquiries and newsletter subscribers, which visitors create at will.
IGNORED_APPS |= {"contact", "newsletter"}
# A cache that is down must not take the site with it: pages are then simply rendered.
CACHE_ERRORS = (RedisError, OSError)

T = TypeVar("T")
Schedule = Callable[[datetime.datetime], Iterable[datetime.datetime | None]]
_schedules: list[Schedule] = []


def register_schedule(schedule: Schedule) -> Schedule:
    """Register `schedule(now)`, which returns the times after `now` at which the app's public
    pages change by themselves (a few cheap aggregate queries). Use it as a decorator in a
    module the app's `ready()` imports."""
    _schedules.append(schedule)
    return schedule


def is_enabled() -> bool:
    return bool(getattr(settings, "LINKJ_PAGE_CACHE", True))


# --- Generation -----------------------------------------------------------------------------


def generation() -> str:
    current = cache.get(GENERATION_KEY)
    if current is not None:
        return current
    # A random token, not a counter, so that an evicted generation never comes back to a value
    # that old pages were stored under.
    token = uuid.uuid4().hex
    if cache.add(GENERATION_KEY, token, timeout=None):
        return token
    return cache.get(GENERATION_KEY) or token


def invalidate() -> None:
    """Make every cached page stale at once (in this process at once, in other workers within
    LINKJ_PAGE_CACHE_LOCAL_SECONDS)."""
    token = uuid.uuid4().hex
    local_pages.learn_generation(token)
    try:
        cache.set(GENERATION_KEY, token, timeout=None)
    except CACHE_ERRORS:
        logger.exception("Page cache: could not start a new generation")
        local_pages.forget()


# --- The worker's own copy ------------------------------------------------------------------


class LocalPages:
    """The pages (and shared fragments, KeptText) this worker served lately, in its own memory,
    in front of the shared cache.

    A hit then costs no network round trip. The generation they are checked against is the one
    this worker last read from the shared cache, at most `LINKJ_PAGE_CACHE_LOCAL_SECONDS` ago
    (default 1 s): a change made through another worker or process shows here within that time
    (a change made here, at once). Bounded to `LINKJ_PAGE_CACHE_LOCAL_BYTES` of stored bodies
    (default 32 MB), least recently used first out.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        with self._lock:
            self._pages: OrderedDict[str, CachedPage | KeptText] = OrderedDict()
            self._bytes = 0
            self._generation: str | None = None
            self._checked_at = -math.inf

    @staticmethod
    def _seconds() -> float:
        return float(getattr(settings, "LINKJ_PAGE_CACHE_LOCAL_SECONDS", 1.0))

    def known_generation(self) -> str | None:
        """The generation, if read from the shared cache recently enough to trust."""
        if time.monotonic() - self._checked_at < self._seconds():
            return self._generation
        return None

    def learn_generation(self, gen: str) -> None:
        with self._lock:
            if gen != self._generation:
                self._pages.clear()
                self._bytes = 0
            self._generation, self._checked_at = gen, time.monotonic()

    def get(self, key: str) -> CachedPage | KeptText | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: CachedPage | KeptText) -> None:
        if self._seconds() <= 0:
            return
        limit = int(getattr(settings, "LINKJ_PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))
        with self._lock:
            if page.generation != self._generation or len(page.content) > limit // 4:
                return
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old.content)
            self._pages[key] = page
            self._bytes += len(page.content)
            while self._bytes > limit:
                _key, evicted = self._pages.popitem(last=False)
                self._bytes -= len(evicted.content)


local_pages = LocalPages()


def _content_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in IGNORED_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    invalidate()
    # Once more after the commit: a page rendered between the first bump and the commit read
    # the old rows and may have been stored under the new generation.
    transaction.on_commit(invalidate, using=kwargs.get("using"))


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"linkj.cache.{id(signal)}")


# --- Next scheduled change ------------------------------------------------------------------


def next_local_midnight(now: datetime.datetime) -> datetime.datetime:
    """Pages that show "today" (the calendar, upcoming events) change at midnight in Tokyo."""
    tz = timezone.get_default_timezone()
    tomorrow = now.astimezone(tz).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=tz)


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime:
    candidates = [next_local_midnight(now)]
    for schedule in _schedules:
        candidates += [moment for moment in schedule(now) if moment is not None and moment > now]
    return min(candidates)


def _horizon(gen: str, now: datetime.datetime) -> datetime.datetime:
    """The next scheduled change, computed once per generation until that change passes."""
    key = f"page-cache:{gen}:horizon"
    stored = cache.get(key)
    if stored is not None:
        computed_at, horizon = stored
        if computed_at <= now < horizon:
            return horizon
    horizon = next_scheduled_change(now)
    cache.set(key, (now, horizon), timeout=_seconds(horizon - now))
    return horizon


def next_change() -> datetime.datetime:
    """The next scheduled change (a few aggregate queries, then cached for the generation)."""
    return _horizon(generation(), timezone.now())


def _valid_until(gen: str, now: datetime.datetime) -> datetime.datetime:
    """How long something rendered or computed `now` may be used: the next scheduled change,
    and never longer than TIMEOUT."""
    return min(now + datetime.timedelta(seconds=TIMEOUT), _horizon(gen, now))


def _seconds(delta: datetime.timedelta) -> int:
    return max(1, min(TIMEOUT, int(delta.total_seconds()) + 1))


# --- Values derived from public content -----------------------------------------------------


class NotShared(Exception):  # noqa: N818 (a signal to remember(), not an error)
    """Raised by a `remember()` computation whose result turned out to be this visitor's own:
    `value` goes to this request and nothing is kept."""

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value


@dataclass(frozen=True)
class KeptText:
    """A remembered text (or SharedAnswer) in the worker's own memory (LocalPages), as pages
    are; its length bounds that memory."""

    generation: str
    content: str | SharedAnswer
    computed_at: datetime.datetime
    valid_until: datetime.datetime

    def is_current(self, now: datetime.datetime) -> bool:
        return self.computed_at <= now < self.valid_until


MISSING = object()


def _value_key(name: str) -> tuple[str, str]:
    """The current generation and the cache key of the value `name` under it."""
    gen = local_pages.known_generation()
    if gen is None:
        gen = generation()
        local_pages.learn_generation(gen)
    return gen, f"page-cache:value:{gen}:{hashlib.sha256(name.encode()).hexdigest()}"


def _recall(gen: str, key: str, now: datetime.datetime, local: bool):
    """The value kept under `key` if current, else MISSING (may raise CACHE_ERRORS)."""
    kept = local_pages.get(key) if local else None
    if isinstance(kept, KeptText) and kept.is_current(now):
        return kept.content
    stored = cache.get(key)
    if stored is not None:
        computed_at, valid_until, value = stored
        if computed_at <= now < valid_until:
            if local:
                local_pages.put(key, KeptText(gen, value, computed_at, valid_until))
            return value
    return MISSING


def recall(name: str, *, local: bool = False):
    """The value `remember(name, …)` keeps, if it is kept and current; else None."""
    try:
        gen, key = _value_key(name)
        value = _recall(gen, key, timezone.now(), local)
    except CACHE_ERRORS:
        return None
    return None if value is MISSING else value


def remember(name: str, compute: Callable[[], T], *, local: bool = False) -> T:
    """`compute()`, shared by every visitor until the content changes.

    For what is expensive and the same for everyone (a count over 100,000 releases, the
    figures of a sitemap index): kept in the cache under the page-cache generation, so any
    save, delete or scheduled change (go-live, take-down, midnight in Tokyo) makes it stale as
    it does pages. Used whether or not whole pages are cached; `name` must say everything the
    value depends on besides the content (language, filters). A cache that is down only means
    computing it. `local=True` (for text, such as shared fragments, or a SharedAnswer) also
    keeps it in the worker's own memory, like pages: a hit then costs no round trip.
    """
    now = timezone.now()
    try:
        gen, key = _value_key(name)
        value = _recall(gen, key, now, local)
    except CACHE_ERRORS:
        return compute()
    if value is not MISSING:
        return value
    try:
        value = compute()
    except NotShared as personal:
        return personal.value
    try:
        valid_until = _valid_until(gen, now)
        cache.set(key, (now, valid_until, value), timeout=_seconds(valid_until - now))
    except CACHE_ERRORS:
        logger.exception("Page cache unavailable")
    else:
        if local:
            local_pages.put(key, KeptText(gen, value, now, valid_until))
    return value


def _personal_marks(request: HttpRequest) -> tuple:
    """What rendering leaves on the request when it used something of this visitor's: a CSRF
    token, the CSP nonce, the session or user, messages."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    messages = getattr(request, "_messages", None)
    return (
        bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")),
        bool(request.META.get("CSRF_COOKIE_USED")),
        isinstance(getattr(request, "_csp_nonce", None), str),
        session is not None and session.accessed,
        user is not None and getattr(user, "_wrapped", None) is not empty,
        messages is not None and messages.used,
    )


def _personal_guard(request: HttpRequest, name: str, compute: Callable[[], T]) -> Callable[[], T]:
    """`compute`, refusing (NotShared) to keep what turns out to use something personal."""
    before = _personal_marks(request)

    def guarded() -> T:
        value = compute()
        if _personal_marks(request) != before:
            logger.error("%s used something personal: not shared", name)
            raise NotShared(value)
        return value

    return guarded


def address_name(request: HttpRequest) -> str:
    """What an answer depends on besides the content: language, path and query string."""
    query = sorted((key, request.GET.getlist(key)) for key in request.GET)
    return f"{translation.get_language()}:{request.path}:{query}"


def fragment_name(request: HttpRequest, name: str) -> str:
    return f"fragment:{name}:{address_name(request)}"


def kept_fragment(request: HttpRequest, name: str) -> str | None:
    """The fragment `name` of this address if it is kept and current, else None."""
    return recall(fragment_name(request, name), local=True)


def shared_fragment(request: HttpRequest, name: str, render: Callable[[], str]) -> str:
    """Rendered HTML that every visitor of this address gets alike, kept like `remember()`
    values: a page above and below its messages (base.html), rendered once per content change
    for everyone it is shared with, members included, who never get whole cached pages.

    `name` says what the HTML depends on besides the content. A rendering that turns out to
    use something personal (a CSRF token, the nonce, the session or user, messages) is served
    to its own request only, never kept, and logged: that template does not belong in a
    shared fragment.
    """
    name = fragment_name(request, name)
    return remember(name, _personal_guard(request, name, render), local=True)


@dataclass(frozen=True)
class SharedAnswer:
    """A view's 200 as it left the view: body and the view's own headers."""

    content: bytes
    headers: tuple[tuple[str, str], ...]

    def __len__(self) -> int:
        return len(self.content)


def shared_response(view):
    """For views whose answer is the same for every visitor whoever asks (feeds, calendars,
    sitemaps): the body and the view's headers are kept like shared fragments, per language,
    path and query string, until the content changes. The middleware chain still runs for
    each request (its own headers, conditional GET). Only a 200 is kept; an answer that used
    something personal is never kept (as for fragments). LINKJ_SHARED_FRAGMENTS=off renders
    every time.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if not settings.LINKJ_SHARED_FRAGMENTS or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)

        def compute() -> SharedAnswer:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200 or response.streaming or response.cookies:
                raise NotShared(response)
            return SharedAnswer(response.content, tuple(response.items()))

        name = f"response:{address_name(request)}"
        answer = remember(name, _personal_guard(request, name, compute), local=True)
        if not isinstance(answer, SharedAnswer):
            return answer  # this request's own
        response = HttpResponse(answer.content)
        for header, value in answer.headers:
            response[header] = value
        return response

    return wrapper


# --- The middleware -------------------------------------------------------------------------

# Bodies of these types are stored gzipped and served so to clients that accept it; a hit then
# costs one small read from the cache. They are anonymous pages without a secret (no CSRF token,
# no nonce), so compression reveals nothing (no BREACH).
COMPRESSIBLE = re.compile(r"^(text/|application/(?:[\w.+-]*\+)?(?:xml|json))")
MIN_COMPRESSED_BYTES = 200
# Headers that are the request's own or are computed for each answer.
PER_RESPONSE_HEADERS = frozenset(
    {"cache-control", "content-length", "date", "x-page-cache", "x-request-id"}
)
# Conditional headers are kept aside while a page is rendered, so that what is stored is always
# the full page; the answer (200 or 304) is then decided against it.
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


@dataclass(frozen=True)
class CachedPage:
    generation: str
    content: bytes
    gzipped: bool
    headers: list[tuple[str, str]]
    max_age: int
    rendered_at: datetime.datetime
    valid_until: datetime.datetime

    def is_current(self, generation: str | None, now: datetime.datetime) -> bool:
        # The time is checked here, not only through the cache's own expiry: Redis counts real
        # seconds, while pages depend on the application's clock.
        return self.generation == generation and self.rendered_at <= now < self.valid_until

    def response(self, request: HttpRequest, now: datetime.datetime) -> HttpResponseBase:
        content = self.content
        wants_gzip = self.gzipped and accepts_gzip(request)
        if self.gzipped and not wants_gzip:
            content = gzip.decompress(content)
        response = HttpResponse(content)
        for name, value in self.headers:
            response[name] = value
        if wants_gzip:
            response["Content-Encoding"] = "gzip"
            # The bytes differ from the identity body's: a strong validator becomes weak.
            if response.get("ETag", "").startswith('"'):
                response["ETag"] = "W/" + response["ETag"]
        _make_public(response, self.max_age, self.valid_until - now)
        answer = conditional(request, response)
        answer["X-Page-Cache"] = "hit"
        return answer


def accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


SITEMAP_PATH = re.compile(r"^/sitemap[\w./-]*\.xml$")


def in_scope(request: HttpRequest) -> bool:
    """Public pages (under a language prefix, feeds and calendars included) and sitemaps."""
    path = request.path_info
    return path.startswith(_language_prefixes()) or bool(SITEMAP_PATH.match(path))


def _user_is_authenticated(request: HttpRequest) -> bool:
    """Whether an already loaded user is authenticated; never loads it (that costs a query)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return False
    return bool(user.is_authenticated)


def is_anonymous_request(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "Authorization" not in request.headers
        and not _user_is_authenticated(request)
    )


def _cache_control(response: HttpResponseBase) -> set[str]:
    header = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(header) if part}


def is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether `response` is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    if _cache_control(response) & {"private", "no-cache", "no-store"}:
        return False
    if get_max_age(response) == 0 or has_vary_header(response, "*"):
        return False
    if _user_is_authenticated(request):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages.added_new):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page carries a CSRF token
        return False
    # A nonce in the body would not match the header of the next visitor's response.
    return not isinstance(getattr(request, "_csp_nonce", None), str)


def request_language(request: HttpRequest) -> str:
    """The language LocaleMiddleware will choose: the address's prefix, else the visitor's."""
    return translation.get_language_from_request(request, check_path=True)


def page_key(request: HttpRequest, language: str) -> str:
    # Pages contain absolute links, so scheme and host belong to the key with the full path.
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:v{PAGE_FORMAT}:{language}:{url}"


def _make_public(response: HttpResponseBase, max_age: int, remaining: datetime.timedelta) -> None:
    left = max(0, int(remaining.total_seconds()))
    patch_cache_control(
        response, public=True, max_age=min(max_age, left), s_maxage=min(S_MAXAGE, left)
    )
    # What staff and visitors with a message see differs, and cached bodies may be gzipped:
    # shared caches must keep them apart.
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])


def _make_private(response: HttpResponseBase) -> None:
    patch_cache_control(response, private=True)


def _stored_body(response: HttpResponseBase) -> tuple[bytes, bool]:
    content = response.content
    content_type = response.get("Content-Type", "")
    if len(content) < MIN_COMPRESSED_BYTES or not COMPRESSIBLE.match(content_type):
        return content, False
    # mtime=0: the same page always compresses to the same bytes.
    return gzip.compress(content, compresslevel=6, mtime=0), True


class PageCacheMiddleware:
    """Serve and store whole public pages for anonymous visitors.

    It sits first in the chain (after the request id): a hit is answered with one read from
    the cache, before sessions, locale, authentication, CSP and security middleware run. A page
    is therefore stored as the whole chain answered it, CSP and security headers included;
    whether it may be stored is decided afterwards from what that chain recorded on the request
    (session, user, messages, CSRF token, nonce). Pages are keyed by language, scheme, host and
    full address; one read fetches the page and the current generation together.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_enabled() or request.method not in ("GET", "HEAD") or not in_scope(request):
            return self.get_response(request)
        if not is_anonymous_request(request):
            response = self.get_response(request)
            _make_private(response)
            return response

        now = timezone.now()
        try:
            language = request_language(request)
            key = page_key(request, language)
        except DisallowedHost:
            return self.get_response(request)  # the chain answers it with its 400 page
        gen = local_pages.known_generation()
        if gen is not None:
            page = local_pages.get(key)
            if page is not None and page.is_current(gen, now):
                return page.response(request, now)
        try:
            found = cache.get_many([GENERATION_KEY, key])
            gen = found.get(GENERATION_KEY) or generation()
        except CACHE_ERRORS:
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        local_pages.learn_generation(gen)
        page = found.get(key)
        if isinstance(page, CachedPage) and page.is_current(gen, now):
            local_pages.put(key, page)
            return page.response(request, timezone.now())

        conditions = {
            name: request.META.pop(name) for name in CONDITIONAL_HEADERS if name in request.META
        }
        try:
            response = self.get_response(request)
        finally:
            request.META.update(conditions)
        if getattr(request, "LANGUAGE_CODE", language) != language or not is_storable(
            request, response
        ):
            _make_private(response)
            return conditional(request, response)
        self.store(request, response, key, gen, now)
        answer = conditional(request, response)
        answer["X-Page-Cache"] = "miss"
        return answer

    def store(self, request, response, key: str, gen: str, now: datetime.datetime) -> None:
        max_age = get_max_age(response) or MAX_AGE
        try:
            valid_until = _valid_until(gen, now)
        except CACHE_ERRORS:
            logger.exception("Page cache unavailable")
            _make_private(response)
            return
        if not response.has_header("ETag"):
            set_response_etag(response)
        content, gzipped = _stored_body(response)
        page = CachedPage(
            generation=gen,
            content=content,
            gzipped=gzipped,
            headers=[
                (name, value)
                for name, value in response.items()
                if name.lower() not in PER_RESPONSE_HEADERS
            ],
            max_age=max_age,
            rendered_at=now,
            valid_until=valid_until,
        )
        try:
            cache.set(key, page, timeout=_seconds(valid_until - now))
        except CACHE_ERRORS:
            logger.exception("Page cache unavailable")
        else:
            local_pages.put(key, page)
        _make_public(response, max_age, valid_until - timezone.now())


def conditional(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """304 for a 200 whose validator the client already holds (as ConditionalGetMiddleware)."""
    if response.status_code != 200:
        return response
    etag = response.get("ETag")
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if not (etag or last_modified):
        return response
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
