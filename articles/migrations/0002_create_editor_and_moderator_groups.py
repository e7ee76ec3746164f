"""Create the Editors and Moderators groups with the permissions they need."""

from django.db import migrations

EDITOR_MODELS = {
    "articles": ["article", "section", "takeaway", "networklink", "taggedarticle"],
    "taggit": ["tag", "taggeditem"],
}
MODERATOR_VIEWS = {"articles": ["article"]}


def permissions_for(apps, app_label, model, actions):
    """Permission rows for a model, made here if post_migrate has not run yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    verbose = apps.get_model(app_label, model)._meta.verbose_name
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {verbose}"},
        )[0]
        for action in actions
    ]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, models in EDITOR_MODELS.items():
        for model in models:
            editors.permissions.add(
                *permissions_for(
                    apps, app_label, model, ["add", "change", "delete", "view"]
                )
            )
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for app_label, models in MODERATOR_VIEWS.items():
        for model in models:
            moderators.permissions.add(*permissions_for(apps, app_label, model, ["view"]))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Moderators"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
