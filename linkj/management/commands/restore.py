import tempfile
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import BaseCommand, CommandError

from linkj import backup
from linkj import cache as page_cache


class Command(BaseCommand):
    help = (
        "Restore a backup archive written by `manage.py backup`: the database, then the media "
        "files through the default storage, then clear the cache. Refuses to overwrite a "
        "database that has tables, or media that exists, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the tables and media files the archive holds, even if they exist.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the archive and the target; change nothing.",
        )

    def handle(self, *args, archive: Path, force: bool = False, dry_run: bool = False, **options):
        try:
            opened = backup.Archive(archive)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        try:
            self._restore(opened, force=force, dry_run=dry_run)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            opened.close()

    def _restore(self, archive: backup.Archive, *, force: bool, dry_run: bool) -> None:
        vendor = backup.database_vendor()
        if archive.vendor != vendor:
            raise CommandError(
                f"This archive holds a {archive.vendor} database; the target is {vendor}."
            )
        tables = backup.table_names()
        existing = [name for name in archive.media if default_storage.exists(name)]
        self.stdout.write(
            f"Archive of {archive.manifest['created_at']}: a {vendor} database and "
            f"{len(archive.media)} media file(s)."
        )
        if (tables or existing) and not force:
            raise CommandError(
                f"The target is not empty ({len(tables)} table(s) in the database, "
                f"{len(existing)} of the archive's media file(s) already in storage). "
                "Restore into an empty database, or run again with --force to replace them."
            )
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
            return
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / "database"
            archive.extract_database(dump)
            backup.load_database(dump)
        self.stdout.write(f"Database restored ({vendor}).")
        restored = archive.restore_media(default_storage)
        self.stdout.write(f"{restored} media file(s) restored.")
        # Cached pages describe the content that was just replaced.
        cache.clear()
        page_cache.local_pages.forget()
        self.stdout.write(
            self.style.SUCCESS(
                "Restore complete; cache cleared. If this code is newer than the backup, "
                "run `manage.py migrate`."
            )
        )
