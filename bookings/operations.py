"""Migration operations that only mean something on PostgreSQL.

The site also runs on SQLite (local runs, the first CI pass): there the exclusion constraint
cannot exist, so its operation changes the migration state (Django knows the constraint) but
writes nothing to the database. The same rule is checked in Booking.clean() everywhere.
"""

from django.db.migrations.operations import AddConstraint


class AddConstraintOnPostgreSQL(AddConstraint):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{super().describe()} (PostgreSQL only)"
