"""The search index: SQLite FTS5 tables and triggers, or PostgreSQL full-text and trigram indexes.

The statements live in ``meritpass.taxonomy.search_index`` so that ``rebuild()`` can restore them
(SQLite drops a table's triggers when Django remakes the table in a later migration).
"""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from meritpass.taxonomy import search_index


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    search_index.create(schema_editor.connection)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    search_index.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
