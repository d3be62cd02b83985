from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError

DEMO_PASSWORD = "linkj-demo-2026"
DEMO_USERS = [
    # username, superuser, group
    ("admin", True, None),
    ("editor", False, "Editors"),
    ("publisher", False, "Publishers"),
]


class Command(BaseCommand):
    help = "Create demo accounts (admin, editor, publisher) for a local demo. Refuses when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say what would be created."
        )

    def handle(self, *args, dry_run=False, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local development only (DEBUG is off).")
        User = get_user_model()
        for username, is_superuser, group_name in DEMO_USERS:
            if dry_run:
                self.stdout.write(f"Would ensure the account {username}")
                continue
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True, "is_superuser": is_superuser}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if group_name:
                group = Group.objects.filter(name=group_name).first()
                if group:
                    user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                "\nThe site: http://127.0.0.1:8000/  (Japanese /ja/, English /en/)\n"
                "The admin: http://127.0.0.1:8000/admin/\n"
                f"  log in as admin, editor or publisher, password {DEMO_PASSWORD}\n"
            )
        )
