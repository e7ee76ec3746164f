"""Writers write and ask for review; only Editors may publish."""

from django.db import migrations

WRITER_GRANTS = {
    ("articles", "article"): ["add", "change", "view"],
    ("articles", "section"): ["add", "change", "delete", "view"],
    ("articles", "takeaway"): ["add", "change", "delete", "view"],
    ("articles", "taggedarticle"): ["add", "change", "delete", "view"],
    ("articles", "networklink"): ["view"],
    ("articles", "previewlink"): ["add", "change", "view"],
    ("taggit", "tag"): ["add", "view"],
}
EDITOR_GRANTS = {
    ("articles", "article"): ["publish"],
    ("articles", "previewlink"): ["add", "change", "delete", "view"],
}


def permission(apps, app_label, model, action):
    """A permission row, made here if post_migrate has not run yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = (
        "Can publish articles"
        if action == "publish"
        else f"Can {action} {apps.get_model(app_label, model)._meta.verbose_name}"
    )
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": name},
    )[0]


def grant(apps, group_name, grants):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    for (app_label, model), actions in grants.items():
        group.permissions.add(
            *(permission(apps, app_label, model, action) for action in actions)
        )


def create(apps, schema_editor):
    grant(apps, "Writers", WRITER_GRANTS)
    grant(apps, "Editors", EDITOR_GRANTS)


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Writers").delete()
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="articles", codename="publish_article"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_add_review_notes_and_preview_links"),
    ]

    operations = [migrations.RunPython(create, remove)]
