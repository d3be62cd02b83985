import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command


class Command(BaseCommand):
    help = (
        "Update one app's Japanese catalogue (<app>/locale/ja) from its Python code and from "
        "its templates in templates/<app>/. Needs GNU gettext."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "app",
            choices=[
                "partners",
                "news",
                "events",
                "members",
                "registrations",
                "bookings",
                "pages",
                "contact",
                "newsletter",
                "search",
                "library",
            ],  # fmt: skip
        )

    def handle(self, *args, app, **options):
        base = Path(settings.BASE_DIR)
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            shutil.copytree(base / app, root / app, ignore=shutil.ignore_patterns("migrations"))
            if (base / "templates" / app).exists():
                shutil.copytree(base / "templates" / app, root / app / "templates" / app)
            locale = root / app / "locale"
            locale.mkdir(exist_ok=True)
            cwd = Path.cwd()
            try:
                import os

                os.chdir(root / app)
                call_command("makemessages", locale=["ja"], no_location=True, verbosity=0)
            finally:
                os.chdir(cwd)
            produced = locale / "ja" / "LC_MESSAGES" / "django.po"
            if not produced.exists():
                raise CommandError("makemessages produced no catalogue")
            target = base / app / "locale" / "ja" / "LC_MESSAGES"
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(produced, target / "django.po")
        self.stdout.write(self.style.SUCCESS(f"Updated {target / 'django.po'}"))
