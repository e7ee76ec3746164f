"""Index the articles written before full-text search existed."""

from django.db import migrations

from articles import search


def fill(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Section = apps.get_model("articles", "Section")
    Takeaway = apps.get_model("articles", "Takeaway")
    connection = schema_editor.connection
    for article in Article.objects.only("pk", "title", "lead"):
        doc = search.document(
            article.title,
            article.lead,
            Section.objects.filter(article=article)
            .order_by("order", "id")
            .values_list("heading", "body"),
            Takeaway.objects.filter(article=article)
            .order_by("order", "id")
            .values_list("aspect", "highlight"),
        )
        if connection.vendor == "postgresql":
            Article.objects.filter(pk=article.pk).update(
                search_vector=search.postgres_vector(doc)
            )
        else:
            with connection.cursor() as cursor:
                search.write_sqlite_index(cursor, article.pk, doc)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_create_search_index"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
