from django.core.management.base import BaseCommand, CommandError

from articles.editorial import check_article
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Report what the editorial checks find in an article (or in every "
        "article with --all). Exits with status 1 when they find anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="The article's slug.")
        parser.add_argument(
            "--all", action="store_true", help="Check every article, drafts too."
        )

    def handle(self, *args, slug=None, **options):
        if bool(slug) == options["all"]:
            raise CommandError("Give one article's slug, or --all for every article.")
        articles = Article.objects.prefetch_related("sections", "takeaways")
        if slug:
            articles = articles.filter(slug=slug)
            if not articles.exists():
                raise CommandError(
                    f"No article has the slug “{slug}”. Copy it from the "
                    "article's address, or use --all."
                )
        checked = flagged = 0
        for article in articles.order_by("slug").iterator(chunk_size=200):
            checked += 1
            findings = check_article(article)
            if findings:
                flagged += 1
                self.stdout.write(f"{article.slug}: {len(findings)} finding(s)")
                for finding in findings:
                    self.stdout.write(f"  {finding.place}: {finding.message}")
        if flagged:
            raise CommandError(
                f"{flagged} of {checked} article(s) checked have findings; fix "
                "what is listed above and check again.",
                returncode=1,
            )
        self.stdout.write(f"{checked} article(s) checked: no findings.")
