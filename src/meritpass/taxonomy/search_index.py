"""The search index of skills and occupations: its tables and indexes, and ``rebuild()``.

SQLite: an FTS5 table over ``taxonomy_label.normalized`` (external content, kept in step by
triggers), a vocabulary of label words with an FTS5 trigram table (words containing a fragment) and
their one-letter deletions (typo candidates). PostgreSQL: a ``simple`` full-text GIN index and a
``COLLATE "C"`` prefix index on the labels, and a vocabulary with a ``pg_trgm`` GIN index (words
containing a fragment, and similar words for typos). The queries over them are in
``search_queries``.

The labels' index is never stale; the vocabulary is derived data that ``rebuild()`` recomputes, and
the importer calls it after writing labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper

from meritpass.taxonomy.models import Label

SQLITE_TRIGGERS: Final = (
    """CREATE TRIGGER IF NOT EXISTS taxonomy_label_fts_insert AFTER INSERT ON taxonomy_label
    BEGIN
      INSERT INTO taxonomy_label_fts(rowid, normalized) VALUES (new.id, new.normalized);
    END""",
    """CREATE TRIGGER IF NOT EXISTS taxonomy_label_fts_delete AFTER DELETE ON taxonomy_label
    BEGIN
      INSERT INTO taxonomy_label_fts(taxonomy_label_fts, rowid, normalized)
        VALUES ('delete', old.id, old.normalized);
    END""",
    """CREATE TRIGGER IF NOT EXISTS taxonomy_label_fts_update
    AFTER UPDATE OF id, normalized ON taxonomy_label
    BEGIN
      INSERT INTO taxonomy_label_fts(taxonomy_label_fts, rowid, normalized)
        VALUES ('delete', old.id, old.normalized);
      INSERT INTO taxonomy_label_fts(rowid, normalized) VALUES (new.id, new.normalized);
    END""",
)
SQLITE_TABLES: Final = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS taxonomy_label_fts USING fts5(
      normalized, content='taxonomy_label', content_rowid='id',
      tokenize='unicode61 remove_diacritics 0', prefix='2 3')""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS taxonomy_label_fts_vocab"
    " USING fts5vocab(taxonomy_label_fts, 'row')",
    """CREATE TABLE IF NOT EXISTS taxonomy_search_word (
      id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, labels INTEGER NOT NULL)""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS taxonomy_search_word_fts USING fts5(
      word, content='taxonomy_search_word', content_rowid='id', tokenize='trigram')""",
    """CREATE TABLE IF NOT EXISTS taxonomy_search_deletion (
      variant TEXT NOT NULL, word_id INTEGER NOT NULL, PRIMARY KEY (variant, word_id)
    ) WITHOUT ROWID""",
)
SQLITE_REINDEX: Final = "INSERT INTO taxonomy_label_fts(taxonomy_label_fts) VALUES ('rebuild')"
SQLITE_DROP: Final = (
    "DROP TRIGGER IF EXISTS taxonomy_label_fts_insert",
    "DROP TRIGGER IF EXISTS taxonomy_label_fts_delete",
    "DROP TRIGGER IF EXISTS taxonomy_label_fts_update",
    "DROP TABLE IF EXISTS taxonomy_search_deletion",
    "DROP TABLE IF EXISTS taxonomy_search_word_fts",
    "DROP TABLE IF EXISTS taxonomy_search_word",
    "DROP TABLE IF EXISTS taxonomy_label_fts_vocab",
    "DROP TABLE IF EXISTS taxonomy_label_fts",
)
SQLITE_REBUILD: Final = (
    "DELETE FROM taxonomy_search_deletion",
    "DELETE FROM taxonomy_search_word",
    """INSERT INTO taxonomy_search_word(word, labels)
      SELECT term, doc FROM taxonomy_label_fts_vocab ORDER BY term""",
    # Each word and every form of it with one letter deleted: a query word with one typo shares
    # one of these with its own one-deletion forms (the symmetric-deletion method).
    """WITH RECURSIVE position(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM position WHERE i < 64)
    INSERT OR IGNORE INTO taxonomy_search_deletion(variant, word_id)
      SELECT word, id FROM taxonomy_search_word
      UNION ALL
      SELECT substr(word, 1, i - 1) || substr(word, i + 1), id
        FROM taxonomy_search_word JOIN position ON i <= length(word)
        WHERE length(word) BETWEEN 3 AND 64""",
    "INSERT INTO taxonomy_search_word_fts(taxonomy_search_word_fts) VALUES ('rebuild')",
    "ANALYZE",
)
POSTGRES_CREATE: Final = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE INDEX IF NOT EXISTS taxonomy_label_words
      ON taxonomy_label USING gin (to_tsvector('simple'::regconfig, normalized))""",
    """CREATE INDEX IF NOT EXISTS taxonomy_label_prefix
      ON taxonomy_label (language, normalized COLLATE "C")""",
    """CREATE TABLE IF NOT EXISTS taxonomy_search_word (
      word text PRIMARY KEY, labels integer NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS taxonomy_search_word_trigrams
      ON taxonomy_search_word USING gin (word gin_trgm_ops)""",
)
POSTGRES_DROP: Final = (
    "DROP TABLE IF EXISTS taxonomy_search_word",
    "DROP INDEX IF EXISTS taxonomy_label_prefix",
    "DROP INDEX IF EXISTS taxonomy_label_words",
)
POSTGRES_REBUILD: Final = (
    "DELETE FROM taxonomy_search_word",
    """INSERT INTO taxonomy_search_word(word, labels)
      SELECT word, count(*) FROM (
        SELECT DISTINCT id, unnest(string_to_array(normalized, ' ')) AS word FROM taxonomy_label
      ) AS words WHERE word <> '' GROUP BY word""",
    # Rows written in bulk wait in a GIN index's pending list, which every search would scan and
    # which makes the planner avoid the index.
    "SELECT gin_clean_pending_list('taxonomy_label_words'::regclass)",
    "SELECT gin_clean_pending_list('taxonomy_search_word_trigrams'::regclass)",
    "ANALYZE taxonomy_label, taxonomy_concept, taxonomy_search_word",
)


def create(connection: BaseDatabaseWrapper) -> None:
    """Create the search index (idempotent); SQLite also indexes the labels already there."""
    if connection.vendor == "postgresql":
        _execute(connection, POSTGRES_CREATE)
    elif connection.vendor == "sqlite":
        _execute(connection, (*SQLITE_TABLES, *SQLITE_TRIGGERS))
        _execute(connection, (SQLITE_REINDEX,))


def drop(connection: BaseDatabaseWrapper) -> None:
    """Remove the search index."""
    if connection.vendor == "postgresql":
        _execute(connection, POSTGRES_DROP)
    elif connection.vendor == "sqlite":
        _execute(connection, SQLITE_DROP)


def rebuild(connection: BaseDatabaseWrapper = default_connection) -> None:
    """Bring the search index up to date after labels were written in bulk."""
    if connection.vendor == "postgresql":
        _execute(connection, POSTGRES_REBUILD)
    elif connection.vendor == "sqlite":
        _restore_triggers(connection)
        _execute(connection, SQLITE_REBUILD)


def _restore_triggers(connection: BaseDatabaseWrapper) -> None:
    """Recreate lost triggers, and reindex the labels if they were lost.

    Django remakes an SQLite table to alter it, which drops the table's triggers.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [Label._meta.db_table],
        )
        (present,) = cursor.fetchone() or (0,)
    if present < len(SQLITE_TRIGGERS):
        create(connection)


def _execute(connection: BaseDatabaseWrapper, statements: Sequence[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
