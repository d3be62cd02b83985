import re

from django.core.files.storage import default_storage
from django.core.management import BaseCommand

from linkj.media import RENDITIONS

# Before renditions were named after their source they lived under a hash of its name, which
# the media view cannot trace back to an owner: it never serves them, and pages make new ones.
LEGACY_FOLDER = re.compile(r"^[0-9a-f]{16}$")


class Command(BaseCommand):
    help = (
        "Delete renditions stored under the old hashed names (renditions/<16 hex digits>/), "
        "which are no longer served; pages make new ones named after their source."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        root = RENDITIONS.rstrip("/")
        try:
            folders, _files = default_storage.listdir(root)
        except FileNotFoundError:
            folders = []
        count = 0
        for folder in filter(LEGACY_FOLDER.match, folders):
            for name in default_storage.listdir(f"{root}/{folder}")[1]:
                path = f"{root}/{folder}/{name}"
                if dry_run:
                    self.stdout.write(f"Would delete {path}")
                else:
                    default_storage.delete(path)
                count += 1
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(self.style.SUCCESS(f"{verb} {count} legacy rendition file(s)."))
