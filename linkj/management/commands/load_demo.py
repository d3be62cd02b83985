from importlib import import_module

from django.core.management import BaseCommand
from django.db import transaction

# Order matters: releases link to partners, events to partners and releases; registration
# and the lounge's hours to events and venues.
DEMO_MODULES = [
    "library.demo",
    "partners.demo",
    "news.demo",
    "events.demo",
    "members.demo",
    "registrations.demo",
    "bookings.demo",
    "pages.demo",
]


class Command(BaseCommand):
    help = (
        "Load the demo content (partners, releases, events, standing pages) in both languages. Idempotent: "
        "running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, then roll back."
        )

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            total = 0
            for module_name in DEMO_MODULES:
                try:
                    module = import_module(module_name)
                except ModuleNotFoundError:
                    continue
                changed = module.load(stdout=self.stdout)
                total += changed
                self.stdout.write(f"{module_name}: {changed} object(s) created or changed")
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({total} change(s))."))
