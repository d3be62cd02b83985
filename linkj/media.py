"""Uploaded files, served through one permission check, from whatever storage holds them.

A file is public exactly when the thing it belongs to is public (a partner's logo, a
release's photos and per-language PDF, a speaker's photo); staff who may preview that thing
see it too, privately (``publishing.can_preview``). Each app tells this module how to find the owner of the names under
its upload directories (``register()`` in its AppConfig.ready()), so linkj imports no app.
A rendition (``renditions/<source name>/<width>.webp``) follows its source.

Files are streamed from the storage API rather than redirected to signed bucket URLs: the
page, its images and its PDFs stay on one origin (the CSP's `img-src 'self'` holds, the
bucket's endpoint need not be reachable from browsers), and a public answer can be held by
a CDN, which a signed URL that changes on every page view defeats.
"""

from __future__ import annotations

import datetime
import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import Storage, default_storage
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from .publishing import can_preview

RENDITIONS = "renditions/"
# renditions/<source name>/<width>.<ext>: the source is everything between.
RENDITION_NAME = re.compile(
    r"^renditions/(?P<source>.+)/(?P<width>[1-9][0-9]{0,4})\.(webp|png|jpg)$"
)
CONTENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
# Names never change content (storages never overwrite, renditions derive from immutable
# sources), so what the storage says about a name can be remembered for long.
STAT_SECONDS = 60 * 60 * 24 * 30
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Visibility:
    """What an app says about a name it owns. `until`: when public visibility may end (a
    scheduled take-down), which bounds how long caches may keep the file."""

    public: bool
    until: datetime.datetime | None = None

    @classmethod
    def combine(cls, owners: Iterable[tuple[bool, datetime.datetime | None]]) -> Visibility | None:
        """One verdict for a name several rows share (a copied release keeps its files): public
        while any owner is; None when there is no owner at all."""
        owners = list(owners)
        if not owners:
            return None
        ends = [until for public, until in owners if public]
        if not ends:
            return cls(public=False)
        return cls(public=True, until=None if None in ends else max(ends))


Resolver = Callable[[str, datetime.datetime], Visibility | None]


@dataclass(frozen=True)
class _Owner:
    resolve: Resolver
    model: type


_registry: dict[str, _Owner] = {}


def register(directory: str, resolve: Resolver, *, model: type) -> None:
    """Claim the names under `directory` (an upload_to prefix such as "partners/logos/").

    `resolve(name, now)` looks the owner up in one query and returns None when no row has
    that name; who sees files that are not public is `publishing.can_preview(user, model)`,
    the rule of the pages those files belong to.
    """
    if not directory.endswith("/"):
        raise ValueError("A media directory ends with a slash.")
    _registry[directory] = _Owner(resolve, model)


def source_of(name: str) -> str:
    """The uploaded file a name stands for: itself, or the source of a rendition."""
    match = RENDITION_NAME.match(name)
    return match["source"] if match else name


def rendition_name(source: str, width: int, ext: str) -> str:
    return f"{RENDITIONS}{source}/{width}.{ext}"


def _owner_of(name: str) -> _Owner | None:
    for directory in sorted(_registry, key=len, reverse=True):
        if name.startswith(directory):
            return _registry[directory]
    return None


def _is_clean(name: str) -> bool:
    return (
        bool(name)
        and posixpath.normpath(name) == name
        and not (
            name.startswith(("/", ".")) or "\\" in name or any(ord(char) < 32 for char in name)
        )
    )


@dataclass(frozen=True)
class Stat:
    size: int
    modified: datetime.datetime

    @property
    def etag(self) -> str:
        return f'"{int(self.modified.timestamp())}-{self.size:x}"'


def cache_key(kind: str, name: str, storage: Storage) -> str:
    """A cache key for what is known about a name in one storage: sites (or tests) that share
    a cache but not a bucket or folder never see each other's answers."""
    where = f"{getattr(storage, 'bucket_name', '')}:{storage.location}"
    return f"media:{kind}:" + hashlib.sha1(f"{where}:{name}".encode()).hexdigest()


def stat(name: str, storage: Storage | None = None) -> Stat:
    """Size and modification time, remembered in the cache: a storage round trip (a HEAD on
    object storage) happens once per name, not on every request. FileNotFoundError if the
    storage has no such file."""
    storage = storage or default_storage
    key = cache_key("stat", name, storage)
    found = cache.get(key)
    if found is None:
        found = Stat(storage.size(name), storage.get_modified_time(name))
        cache.set(key, found, STAT_SECONDS)
    return found


def _not_found(request: HttpRequest) -> HttpResponse:
    # The same answer for a name nobody owns and for a file this visitor may not see, down to
    # the headers: evaluating the user either way gives both the same `Vary: Cookie`. Never
    # stored, so that an embargoed file shows once it goes live.
    request.user.is_authenticated  # noqa: B018
    response = page_not_found(request, Http404())
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def serve(request: HttpRequest, name: str) -> HttpResponse:
    now = timezone.now()
    owner = _owner_of(source_of(name)) if _is_clean(name) else None
    visibility = owner.resolve(source_of(name), now) if owner else None
    if visibility is None:
        return _not_found(request)
    public = visibility.public
    if not public and not can_preview(request.user, owner.model):
        return _not_found(request)
    try:
        response = _file_response(request, name, stat(name))
    except FileNotFoundError:
        # Gone from the storage since its size was remembered: forget it, like the storage.
        cache.delete(cache_key("stat", name, default_storage))
        return _not_found(request)
    if public:
        max_age = settings.LINKJ_MEDIA_MAX_AGE
        if visibility.until is not None:
            max_age = max(0, min(max_age, int((visibility.until - now).total_seconds())))
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _file_response(request: HttpRequest, name: str, info: Stat) -> HttpResponse:
    etag, last_modified = info.etag, int(info.modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        start, end, partial = _byte_range(request, info, etag)
        if start is None:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{info.size}"
        else:
            response = _streaming(request, name, start, end)
            if partial:
                response.status_code = 206
                response["Content-Range"] = f"bytes {start}-{end}/{info.size}"
            response["Content-Length"] = str(end - start + 1)
    ext = posixpath.splitext(name)[1].lower()
    content_type = CONTENT_TYPES.get(ext)
    if response.status_code in (200, 206):
        response["Content-Type"] = content_type or "application/octet-stream"
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=content_type is None, filename=posixpath.basename(name)
        )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _byte_range(request: HttpRequest, info: Stat, etag: str) -> tuple[int | None, int, bool]:
    """(start, end inclusive, partial) for a single `Range: bytes=` request, else the whole
    file; start None when the range cannot be satisfied. Several ranges get the whole file."""
    whole = (0, info.size - 1, False)
    header = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range")
    if if_range and if_range != etag:
        if parse_http_date_safe(if_range) != int(info.modified.timestamp()):
            return whole
    match = re.fullmatch(r"bytes=(\d*)-(\d*)", header.strip())
    if not match or match.groups() == ("", ""):
        return whole
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), info.size - 1) if last else info.size - 1
        if last and int(last) < start:
            return whole
    else:
        start, end = max(0, info.size - int(last)), info.size - 1
    if start >= info.size or info.size == 0:
        return None, 0, True
    return start, end, True


def _streaming(request: HttpRequest, name: str, start: int, end: int) -> HttpResponse:
    if request.method == "HEAD" or end < start:
        return HttpResponse()
    opener = getattr(default_storage, "open_range", None)
    # Object storage answers a ranged GET as a stream; a local file is read in chunks. Both
    # open before the response starts, so that a missing file is still a clean 404.
    if opener is not None:
        return StreamingHttpResponse(opener(name, start, end))
    file = default_storage.open(name, "rb")
    file.seek(start)
    return StreamingHttpResponse(_Chunks(file, end - start + 1))


class _Chunks:
    """`remaining` bytes of an open file, in chunks. The response calls close() when it ends,
    read to the end or not (a client that hangs up, a HEAD-like test), so the file is closed
    either way; a generator would only close it once started."""

    def __init__(self, file, remaining: int) -> None:
        self.file = file
        self.remaining = remaining

    def __iter__(self) -> Iterator[bytes]:
        while self.remaining > 0:
            chunk = self.file.read(min(CHUNK, self.remaining))
            if not chunk:
                break
            self.remaining -= len(chunk)
            yield chunk
        self.close()

    def close(self) -> None:
        self.file.close()
