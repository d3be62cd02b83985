"""Give the Editors and Publishers groups (created by news 0002) their events permissions.

Editors write and change events and venues; Publishers may also delete them.
"""

from django.db import migrations

MODELS = ["venue", "category", "event", "speaker"]
EDITORS = [f"{action}_{model}" for model in MODELS for action in ("view", "add", "change")]
PUBLISHERS = EDITORS + [f"delete_{model}" for model in MODELS]
GROUPS = {"Editors": EDITORS, "Publishers": PUBLISHERS}


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; the groups need them now.
    config = global_apps.get_app_config("events")
    create_contenttypes(config, verbosity=0, apps=apps)
    create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="events")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_related_releases"),
        ("news", "0002_editor_and_publisher_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
