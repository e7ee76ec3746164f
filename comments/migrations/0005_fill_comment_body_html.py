"""Store the shown body of the comments written before it was stored."""

from django.db import migrations

from comments.models import body_html


def fill(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    batch = []
    for comment in Comment.objects.only("pk", "body").iterator(chunk_size=2000):
        comment.body_html = body_html(comment.body)
        batch.append(comment)
        if len(batch) == 2000:
            Comment.objects.bulk_update(batch, ["body_html"])
            batch = []
    Comment.objects.bulk_update(batch, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0004_add_comment_body_html"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
