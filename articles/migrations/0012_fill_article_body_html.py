"""Render the stored body of the articles written before it was stored."""

from django.db import migrations
from django.db.models import Prefetch

from articles.richtext import render_body


def fill(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Section = apps.get_model("articles", "Section")
    Takeaway = apps.get_model("articles", "Takeaway")
    articles = Article.objects.only(
        "pk", "lead", "takeaways_aspect_label", "takeaways_highlight_label"
    ).prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("order", "id")),
        Prefetch("takeaways", queryset=Takeaway.objects.order_by("order", "id")),
    )
    batch = []
    for article in articles.iterator(chunk_size=500):
        article.body_html = render_body(
            article, list(article.sections.all()), list(article.takeaways.all())
        )
        batch.append(article)
        if len(batch) == 500:
            Article.objects.bulk_update(batch, ["body_html"])
            batch = []
    Article.objects.bulk_update(batch, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_add_article_body_html"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
