"""Historical: the Editors and Publishers groups were created here. The roles and their
permissions now live in linkj/roles.py and are synchronised after every migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_related_releases"),
        ("news", "0002_editor_and_publisher_groups"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
