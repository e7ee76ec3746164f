from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.models import Article
from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Print the database's plan for the main query of each reader page "
        "(home and tag archives at page 400, author archive, article, its "
        "comments) and the moderation queue, to check that indexes serve them."
    )

    def handle(self, *args, **options):
        article = Article.objects.published().order_by("-published_at").first()
        if article is None:
            raise CommandError("No published article: run generate_content first.")
        tag = article.tags.first()
        author = get_user_model().objects.get(pk=article.author_id)
        per_page, deep = 10, 400
        window = slice((deep - 1) * per_page, deep * per_page)
        queries = {
            "home, page 400": Article.objects.published()[window],
            "tag archive, page 400": Article.objects.published().filter(tags=tag)[window],
            "author archive": Article.objects.published().by_author(author)[:per_page],
            "article": Article.objects.published().filter(slug=article.slug),
            "article's comments": Comment.objects.for_page().filter(article=article),
            "moderation queue": Comment.objects.pending()[:100],
        }
        self.stdout.write(f"Database: {connection.vendor}")
        for name, queryset in queries.items():
            self.stdout.write(f"\n-- {name}")
            self.stdout.write(queryset.explain())
