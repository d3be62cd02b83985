"""Migration operations that only mean something on PostgreSQL.

On SQLite the exclusion constraint cannot exist: its operation changes the migration state
but writes nothing (linkj.db.PostgreSQLOnly). The same rule is checked in Booking.clean()
everywhere.
"""

from django.db.migrations.operations import AddConstraint

from linkj.db import PostgreSQLOnly


class AddConstraintOnPostgreSQL(PostgreSQLOnly, AddConstraint):
    pass
