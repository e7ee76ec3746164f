from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Make the missing renditions of every hero image: after changing "
        "MAGPOST_RENDITION_WIDTHS, or for images uploaded before renditions "
        "existed. Renditions already made are kept."
    )

    def handle(self, *args, **options):
        articles = list(
            Article.objects.exclude(hero_image="")
            .only("pk", "hero_image", "hero_width", "hero_height")
            .order_by("pk")
        )
        for article in articles:
            article.make_renditions()
        self.stdout.write(f"Renditions are ready for {len(articles)} hero image(s).")
