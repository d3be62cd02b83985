import datetime
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from linkj import backup


class Command(BaseCommand):
    help = (
        "Write a backup archive (.tar): the database (pg_dump custom format on PostgreSQL, an "
        "online copy on SQLite) and every file of the default storage. Restore it with "
        "`manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive file, or a folder for a dated name (default: backups/).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be saved; write nothing."
        )

    def handle(self, *args, output: Path | None = None, dry_run: bool = False, **options):
        now = timezone.now()
        try:
            vendor = backup.database_vendor()
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        target = self._target(output, vendor, now)
        if dry_run:
            files = sum(1 for _name in backup.storage_files(default_storage))
            self.stdout.write(
                f"Would write {target}: the {vendor} database and {files} media file(s)."
            )
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            manifest = backup.write_archive(target, default_storage, now=now)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        size = target.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {target} ({size / 1_000_000:.1f} MB): the {vendor} database "
                f"and {manifest['media_files']} media file(s)."
            )
        )

    def _target(self, output: Path | None, vendor: str, now: datetime.datetime) -> Path:
        name = f"linkj-{vendor}-{now.astimezone(datetime.UTC):%Y%m%d-%H%M%S}.tar"
        if output is None:
            return Path("backups") / name
        return output / name if output.is_dir() else output
