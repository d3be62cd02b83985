"""Uploads in a private S3-compatible bucket (django-storages), served through linkj.media.

Loaded only when MEDIA_S3_BUCKET is set: local and test runs keep the file system.
"""

from __future__ import annotations

from collections.abc import Iterator

from botocore.exceptions import ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaS3Storage(S3Storage):
    # Uploads never replace one another: a name always means the same bytes, which is what
    # lets linkj.media remember sizes and let caches keep public files.
    file_overwrite = False
    default_acl = None
    # Signed URLs that every S3-compatible store accepts (the legacy scheme is AWS-only).
    signature_version = "s3v4"

    def url(self, name: str, parameters=None, expire=None, http_method=None) -> str:
        """The address pages print: the permission-checking view, never the bucket."""
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"

    def signed_url(self, name: str, expire: int | None = None) -> str:
        """A short-lived signed address of the object itself, for tools that need one."""
        return super().url(name, expire=expire)

    def open_range(self, name: str, start: int, end: int) -> Iterator[bytes]:
        """Bytes start..end (inclusive) as a stream: no copy in memory or on the worker's disk,
        which S3File makes of the whole object before the first read."""
        key = self._normalize_name(clean_name(name))
        try:
            body = self.bucket.Object(key).get(Range=f"bytes={start}-{end}")["Body"]
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(name) from error
            raise
        return _Closing(body)


class _Closing:
    """The object's body in chunks; close() (called when the response ends, read or not)
    releases the connection, which a generator would only do once started."""

    def __init__(self, body) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self.body.iter_chunks(64 * 1024)
        finally:
            self.body.close()

    def close(self) -> None:
        self.body.close()
