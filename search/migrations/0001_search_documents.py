import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

import search.operations


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # Documents are written for these apps' rows after migrate (search/signals.py).
        ("partners", "0006_partner_name_reading"),
        ("news", "0007_release_draft"),
        ("events", "0008_publish_permission"),
    ]

    operations = [
        migrations.CreateModel(
            name="Document",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("partner", "partner"),
                            ("release", "release"),
                            ("event", "event"),
                        ],
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField(verbose_name="object")),
                ("text", models.TextField(verbose_name="text")),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="search_document_once"
                    )
                ],
            },
        ),
        # pg_trgm, then a GIN trigram index so LIKE '%term%' needs no sequential scan.
        # Both do nothing on SQLite (TrigramExtension checks the vendor itself).
        TrigramExtension(),
        search.operations.AddIndexOnPostgreSQL(
            model_name="document",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["text"], name="search_document_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
