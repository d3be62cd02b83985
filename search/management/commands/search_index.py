from django.core.management.base import BaseCommand

from search import documents


class Command(BaseCommand):
    help = (
        "Write the search documents of partners, releases and events that have none "
        "(--rebuild: rewrite all of them)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="rewrite every document")
        parser.add_argument(
            "--dry-run", action="store_true", help="count what is missing, write nothing"
        )

    def handle(self, *args, rebuild=False, dry_run=False, **options):
        if dry_run:
            for kind, source in documents.SOURCES.items():
                indexed = documents.Document.objects.filter(kind=kind).values("object_id")
                missing = source.model.objects.exclude(pk__in=indexed).count()
                self.stdout.write(f"{kind}: {missing} without a document")
            return
        written = documents.rebuild() if rebuild else documents.index_missing()
        for kind, count in written.items():
            self.stdout.write(self.style.SUCCESS(f"{kind}: {count} written"))
