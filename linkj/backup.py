"""Backups: one tar archive holding the database and every file of the default storage.

Layout of an archive (format 1):

    manifest.json       what made it: format, time, database vendor, file count
    database.pgdump     PostgreSQL: `pg_dump --format=custom`
    database.sqlite3    SQLite: a copy made with SQLite's online backup API
    media/<name>        each file of the default storage, under its storage name

Media is read and written through Django's storage API only, so the same commands work with
the file system and with object storage. The database is dumped with the tools made for it:
a row-by-row `dumpdata` would be slow and would lose sequences and indexes.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import Storage
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# Written and deleted by each /healthz probe: never worth keeping.
SKIPPED_MEDIA_FOLDERS = ("healthz/",)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


def database_vendor(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in `storage` below `folder`, depth first, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        path = posixpath.join(folder, name)
        if not path.startswith(SKIPPED_MEDIA_FOLDERS):
            yield path
    for name in sorted(folders):
        yield from storage_files(storage, posixpath.join(folder, name))


def _postgres_command(alias: str, executable: str, *options: str) -> tuple[list[str], dict]:
    if shutil.which(executable) is None:
        raise BackupError(
            f"{executable} was not found. Install the PostgreSQL client tools "
            "(Debian: postgresql-client), of the server's major version or newer."
        )
    settings_dict = connections[alias].settings_dict
    # Django's psql client knows how passwords, SSL options and services map to libpq.
    _args, extra_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    command = [executable]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{flag}={settings_dict[key]}")
    command.append(f"--dbname={settings_dict['NAME']}")
    return [*command, *options], {**os.environ, **(extra_env or {})}


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed:\n{result.stderr.strip()}")


def dump_database(target: Path, alias: str = "default") -> None:
    connection = connections[alias]
    if database_vendor(alias) == "postgresql":
        _run(*_postgres_command(alias, "pg_dump", "--format=custom", f"--file={target}"))
        return
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def load_database(source: Path, alias: str = "default") -> None:
    """Replace the database's content with the dump at `source`, in one transaction."""
    connection = connections[alias]
    if database_vendor(alias) == "postgresql":
        # Our own idle connection must not hold locks on the tables being replaced.
        connection.close()
        options = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
        options += ["--single-transaction", "--exit-on-error", str(source)]
        _run(*_postgres_command(alias, "pg_restore", *options))
        return
    connection.ensure_connection()
    dump = sqlite3.connect(source)
    try:
        dump.backup(connection.connection)
    finally:
        dump.close()


def table_names(alias: str = "default") -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def write_archive(
    target: Path, storage: Storage, *, alias: str = "default", now: datetime.datetime
) -> dict[str, Any]:
    """Write the archive to `target` (whole or not at all) and return its manifest."""
    vendor = database_vendor(alias)
    partial = target.with_name(target.name + ".partial")
    scratch = target.with_name(target.name + ".database")
    try:
        dump_database(scratch, alias)
        names = list(storage_files(storage))
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database": vendor,
            "media_files": len(names),
        }
        with tarfile.open(partial, "w") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode(), now)
            archive.add(scratch, arcname=DATABASE_MEMBERS[vendor], recursive=False)
            for name in names:
                with storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.size = storage.size(name)
                    info.mtime = int(now.timestamp())
                    archive.addfile(info, stored)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
        scratch.unlink(missing_ok=True)
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes, now: datetime.datetime) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(now.timestamp())
    archive.addfile(info, io.BytesIO(content))


def _safe_media_name(member: tarfile.TarInfo) -> str:
    name = member.name.removeprefix(MEDIA_PREFIX)
    parts = name.split("/")
    if not member.isfile() or any(part in ("", ".", "..") for part in parts) or "\\" in name:
        raise BackupError(
            f"The archive holds an entry that is not a plain media file: {member.name!r}"
        )
    return name


class Archive:
    """An archive opened for restoring: checked before anything is changed."""

    def __init__(self, path: Path):
        try:
            self._tar = tarfile.open(path, "r")
        except (OSError, tarfile.TarError) as error:
            raise BackupError(f"{path} is not a backup archive: {error}") from error
        try:
            self._check(path)
        except BaseException:
            # A refused archive is not returned to anyone who could close it.
            self._tar.close()
            raise

    def _check(self, path: Path) -> None:
        try:
            self.manifest = json.load(self._read(MANIFEST))
        except (KeyError, ValueError) as error:
            raise BackupError(f"{path} has no readable {MANIFEST}.") from error
        if self.manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format {self.manifest.get('format')!r}.")
        self.vendor = self.manifest.get("database")
        if self.vendor not in DATABASE_MEMBERS:
            raise BackupError(f"Unknown database vendor {self.vendor!r} in the manifest.")
        self.media: dict[str, tarfile.TarInfo] = {}
        for member in self._tar.getmembers():
            if member.name in (MANIFEST, DATABASE_MEMBERS[self.vendor]):
                continue
            if not member.name.startswith(MEDIA_PREFIX):
                raise BackupError(f"Unexpected entry in the archive: {member.name!r}")
            self.media[_safe_media_name(member)] = member

    def _read(self, name: str) -> IO[bytes]:
        stream = self._tar.extractfile(name)
        if stream is None:
            raise KeyError(name)
        return stream

    def extract_database(self, target: Path) -> None:
        with self._read(DATABASE_MEMBERS[self.vendor]) as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy)

    def restore_media(self, storage: Storage) -> int:
        for name, member in self.media.items():
            if storage.exists(name):
                storage.delete(name)
            with self._read(member.name) as source:
                saved = storage.save(name, File(source, name=posixpath.basename(name)))
            if saved != name:
                raise BackupError(f"The storage saved {name!r} as {saved!r}.")
        return len(self.media)

    def close(self) -> None:
        self._tar.close()
