"""Editors manage co-authors and author profiles; Writers credit co-authors."""

from django.db import migrations

GRANTS = {
    "Editors": {
        "articleauthor": ["add", "change", "delete", "view"],
        "authorprofile": ["add", "change", "delete", "view"],
    },
    "Writers": {
        "articleauthor": ["add", "change", "delete", "view"],
        "authorprofile": ["view"],
    },
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            # On a fresh database post_migrate has not made these rows yet.
            content_type, _ = ContentType.objects.get_or_create(
                app_label="articles", model=model
            )
            verbose = apps.get_model("articles", model)._meta.verbose_name
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {verbose}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_add_co_authors_and_author_profiles"),
        ("articles", "0005_create_writers_group_and_publish_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
