"""SQLite has no GIN index: searches there use a plain LIKE (linkj.db.PostgreSQLOnly)."""

from django.db.migrations.operations import AddIndex

from linkj.db import PostgreSQLOnly


class AddIndexOnPostgreSQL(PostgreSQLOnly, AddIndex):
    pass
