"""Database pieces the apps share: PostgreSQL-only indexes that migrations add."""

from __future__ import annotations

from django.db import migrations


def trigram_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    """GIN trigram indexes for `icontains` on PostgreSQL; nothing on other databases.

    Django writes `icontains` as ``UPPER(col::text) LIKE UPPER('%term%')``, so the index is
    on that expression. pg_trgm indexes Japanese too in a UTF-8 database, but it cannot help a
    term shorter than three characters (東京): those fall back to a sequential scan.
    """

    def names():
        return [(f"{table}_{column}_trgm", column) for column in columns]

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, column in names():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
                f"USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _column in names():
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(forwards, backwards, elidable=False)


class PostgreSQLOnly:
    """Mix into a migration operation that only means something on PostgreSQL.

    The site also runs on SQLite (local runs, the first CI pass): there the operation changes
    the migration state (Django knows the index or constraint, so `makemigrations --check`
    stays quiet) but writes nothing to the database.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{super().describe()} (PostgreSQL only)"
