"""Let the Moderators group moderate comments and edit the word lists."""

from django.db import migrations

GRANTS = {
    "comment": {
        "view": "Can view comment",
        "change": "Can change comment",
        "moderate": "Can moderate comments",
    },
    "wordlist": {
        "add": "Can add word list",
        "change": "Can change word list",
        "view": "Can view word list",
    },
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for model, actions in GRANTS.items():
        # On a fresh database post_migrate has not made these rows yet.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="comments", model=model
        )
        for action, name in actions.items():
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": name},
            )
            moderators.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.remove(
            *Permission.objects.filter(content_type__app_label="comments")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_create_editor_and_moderator_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
