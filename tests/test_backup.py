import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from partners.models import Partner
from tests.factories import PartnerFactory


@pytest.fixture
def archive_path(tmp_path):
    return tmp_path / "backup.tar"


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_the_rows_and_media_files(archive_path):
    partner = PartnerFactory(slug="kept-partner")
    default_storage.save("news/attachments/kept/release.pdf", ContentFile(b"%PDF-1.7 kept"))
    run("backup", output=archive_path)

    Partner.objects.all().delete()
    default_storage.delete("news/attachments/kept/release.pdf")
    PartnerFactory(slug="added-after-the-backup")
    run("restore", archive_path, force=True)

    assert list(Partner.objects.values_list("slug", "name_ja")) == [
        ("kept-partner", partner.name_ja)
    ]
    with default_storage.open("news/attachments/kept/release.pdf") as restored:
        assert restored.read() == b"%PDF-1.7 kept"


@pytest.mark.django_db(transaction=True)
def test_the_archive_holds_a_manifest_the_database_and_each_media_file(archive_path):
    default_storage.save("partners/logos/a.png", ContentFile(b"png"))
    default_storage.save("healthz/probe.txt", ContentFile(b"probe"))
    run("backup", output=archive_path)
    with tarfile.open(archive_path) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    database = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}[connection.vendor]
    assert names == ["manifest.json", database, "media/partners/logos/a.png"]
    assert (manifest["database"], manifest["media_files"]) == (connection.vendor, 1)


@pytest.mark.django_db
def test_restore_refuses_a_database_with_tables_without_force(archive_path, tmp_path):
    run("backup", output=archive_path)
    PartnerFactory(slug="still-here")
    with pytest.raises(CommandError, match="--force"):
        run("restore", archive_path)
    assert Partner.objects.filter(slug="still-here").exists()


@pytest.mark.django_db
def test_restore_refuses_an_archive_of_another_database_vendor(tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    path = tmp_path / "other.tar"
    write_archive(path, {"format": 1, "database": other, "created_at": "x", "media_files": 0})
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        run("restore", path, force=True)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["media/../settings.py", "media//etc/passwd", "etc/passwd"])
def test_restore_refuses_entries_outside_the_media_folder(tmp_path, name):
    path = tmp_path / "evil.tar"
    manifest = {"format": 1, "database": connection.vendor, "created_at": "x", "media_files": 1}
    write_archive(path, manifest, extra={name: b"x"})
    with pytest.raises(CommandError, match="not a plain media file|Unexpected entry"):
        run("restore", path, force=True, dry_run=True)


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(CommandError, match="not a backup archive"):
        run("restore", path)


@pytest.mark.django_db
def test_dry_runs_write_and_change_nothing(archive_path, tmp_path):
    output = run("backup", output=tmp_path / "dry.tar", dry_run=True)
    assert "Dry run" in output and not (tmp_path / "dry.tar").exists()
    run("backup", output=archive_path)
    PartnerFactory(slug="after-backup")
    output = run("restore", archive_path, force=True, dry_run=True)
    assert "Dry run" in output
    assert Partner.objects.filter(slug="after-backup").exists()


@pytest.mark.django_db
def test_backup_into_a_folder_names_the_archive_by_vendor_and_time(tmp_path):
    run("backup", output=tmp_path)
    [archive] = tmp_path.glob("linkj-*.tar")
    assert archive.name.startswith(f"linkj-{connection.vendor}-")
    assert not list(tmp_path.glob("*.partial"))


def write_archive(path, manifest, extra=None):
    with tarfile.open(path, "w") as archive:
        for name, content in {
            "manifest.json": json.dumps(manifest).encode(),
            **(extra or {}),
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
