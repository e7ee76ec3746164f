import time

from django.core.management.base import BaseCommand, CommandError

from articles.generator import Generator


class Command(BaseCommand):
    help = (
        "Fill the database with generated articles (sections, subsections, "
        "takeaways, tags, authors, network links) and comments in every "
        "status, with publication dates spread over six years. For load "
        "tests and benchmarks, not for a real magazine."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--comments", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, articles, comments, seed, **options):
        if articles < 1 or comments < 0:
            raise CommandError("Give at least one article and zero or more comments.")
        started = time.monotonic()
        made = Generator(seed=seed, progress=self.progress).generate(articles, comments)
        self.stdout.write(
            f"Generated {made} articles and {comments} comments in "
            f"{time.monotonic() - started:.1f} s."
        )

    def progress(self, label, done, total):
        """A one-line progress bar, redrawn in place."""
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r{label:>9} [{bar}] {done}/{total}", ending="")
        if done == total:
            self.stdout.write("")
        self.stdout.flush()
