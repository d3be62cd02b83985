"""Migration operations that only mean something on PostgreSQL.

SQLite has no GIN index: there the operation changes the migration state (Django knows the
index, so `makemigrations --check` stays quiet) but writes nothing; searches use a plain LIKE.
"""

from django.db.migrations.operations import AddIndex


class AddIndexOnPostgreSQL(AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{super().describe()} (PostgreSQL only)"
