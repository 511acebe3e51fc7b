"""The database side of skill and occupation search (SQLite FTS5, PostgreSQL trigram)."""

from __future__ import annotations


def rebuild() -> None:
    """Bring the search index up to date after labels were written in bulk."""
