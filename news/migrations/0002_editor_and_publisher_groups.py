"""Create the "Editors" and "Publishers" groups with their permissions.

Editors write and submit releases for review and keep the partner data; only Publishers may
publish, schedule, withdraw or delete. (The events app adds its own permissions later.)
"""

from django.db import migrations

PARTNER_MODELS = ["partner", "formername", "scopeitem", "agreement", "signatory"]
NEWS_EDIT = [
    ("news", "view_release"),
    ("news", "add_release"),
    ("news", "change_release"),
    ("news", "view_releasephoto"),
    ("news", "add_releasephoto"),
    ("news", "change_releasephoto"),
    ("news", "delete_releasephoto"),
    ("news", "view_quote"),
    ("news", "add_quote"),
    ("news", "change_quote"),
    ("news", "delete_quote"),
    ("news", "view_revision"),
]
PARTNERS_EDIT = [
    ("partners", f"{action}_{model}")
    for model in PARTNER_MODELS
    for action in ("view", "add", "change")
]
EDITORS = NEWS_EDIT + PARTNERS_EDIT
PUBLISHERS = EDITORS + [
    ("news", "publish_release"),
    ("news", "delete_release"),
    *[("partners", f"delete_{model}") for model in PARTNER_MODELS],
]
GROUPS = {"Editors": EDITORS, "Publishers": PUBLISHERS}


def create_groups(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these groups need them now.
    for label in ("partners", "news"):
        config = global_apps.get_app_config(label)
        create_contenttypes(config, verbosity=0, apps=apps)
        create_permissions(config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("partners", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
