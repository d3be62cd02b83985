from django.core.management import BaseCommand, CommandError

from scale import generate as scale


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic partners, releases and events for measuring the "
        "site at scale (slugs start with 'scale-'). Idempotent: a second run with the same "
        "numbers adds nothing, larger numbers top up. Refuses to run on a database holding "
        "real content (anything neither generated nor demo) unless --force. Writes no files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=5000, help="Generated partners wanted.")
        parser.add_argument(
            "--releases", type=int, default=100_000, help="Generated releases wanted."
        )
        parser.add_argument("--events", type=int, default=10_000, help="Generated events wanted.")
        parser.add_argument("--seed", type=int, default=7, help="Random seed (default 7).")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Rows per INSERT and transaction."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though the database holds real (non-generated, non-demo) content.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be added; write nothing."
        )

    def handle(self, *args, **options):
        counts = scale.Counts(
            partners=options["partners"], releases=options["releases"], events=options["events"]
        )
        if min(counts.partners, counts.releases, counts.events) < 0:
            raise CommandError("Counts cannot be negative.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        real = scale.real_content()
        if real and not options["force"]:
            found = ", ".join(f"{count} {name}" for name, count in real.items())
            raise CommandError(
                f"This database holds real content ({found}). Generated rows would mix with "
                "it: use a database of its own, or pass --force."
            )
        todo = scale.missing(counts)
        self.stdout.write(
            f"To add: {todo.partners} partners, {todo.releases} releases, {todo.events} events."
        )
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
            return
        added = scale.generate(
            counts,
            seed=options["seed"],
            batch_size=options["batch_size"],
            progress=self.progress,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added.partners} partners, {added.releases} releases, "
                f"{added.events} events."
            )
        )

    def progress(self, label: str, done: int, total: int, width: int = 30) -> None:
        filled = width * done // total if total else width
        bar = "#" * filled + "." * (width - filled)
        ending = "\n" if done >= total else ""
        self.stdout.write(f"\r{label:<9} [{bar}] {done:>7}/{total}", ending=ending)
        self.stdout.flush()
