"""Trigram indexes for the staff application search (PostgreSQL only; SQLite searches without them).

Created with SQL rather than Meta.indexes: SQLite would try to build a GIN index whenever it
remakes the table for a later migration. On UPPER(column), because that is what Django's
`icontains` compares on PostgreSQL.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("application_title_trgm", "applications_application", "title::text"),
    ("organisation_name_trgm", "applications_organisation", "name::text"),
    ("user_full_name_trgm", "accounts_user", "full_name::text"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER({column})) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0005_intake_status_index"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
