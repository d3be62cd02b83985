from django.core.management import BaseCommand

from linkj import cache


class Command(BaseCommand):
    help = (
        "Make every cached public page stale at once. Saves, deletes and scheduled times do "
        "this by themselves; run it after what bypasses model signals: a deploy that changes "
        "templates, a database restore, bulk_create()/update() or raw SQL on content tables."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show the current generation; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        if dry_run:
            self.stdout.write(f"Current page-cache generation: {cache.generation()} (unchanged).")
            return
        cache.invalidate()
        self.stdout.write(
            self.style.SUCCESS(f"New page-cache generation: {cache.generation()}. Pages are stale.")
        )
