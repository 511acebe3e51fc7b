"""ESCO data for tests: the small sample package and the full bundled classification.

Use them from any test folder by importing the fixtures into that folder's ``conftest.py``::

    from tests.taxonomy_fixtures import esco_full, esco_full_import, esco_sample, in_english

- ``in_english``: the test's messages and summaries in English (the default is Swedish).
- ``esco_sample`` (function scope): the sample package (``tests/data/esco-sample``) imported into
  an otherwise empty taxonomy, inside the test's transaction.
- ``esco_full`` (function scope, backed by the session-scoped ``esco_full_import``): the whole
  bundled ESCO v1.1.1, imported once per test session (per xdist worker) and committed, for
  read-only tests such as search quality. A test that changes the taxonomy must not use it.
  If something emptied the tables in between (``transactional_db`` flushes them), it is imported
  again, inside that test's transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from meritpass.taxonomy import search_index
from meritpass.taxonomy.importer import ImportSummary, bundled, import_esco, locate
from meritpass.taxonomy.models import (
    Broader,
    CollectionMembership,
    Concept,
    EscoRelease,
    Label,
    OccupationSkill,
    SkillRelation,
)

ESCO_SAMPLE = Path(__file__).resolve().parent / "data" / "esco-sample"
#: Children before parents, so that deleting in this order never breaks a foreign key.
TAXONOMY_MODELS = (
    Label,
    Broader,
    OccupationSkill,
    SkillRelation,
    CollectionMembership,
    Concept,
    EscoRelease,
)
#: The columns compared by ``taxonomy_snapshot`` (everything but the time of the import).
_RELEASE_COLUMNS = (
    "id",
    "version",
    "swedish_source",
    "skills",
    "occupations",
    "occupation_skill_relations",
    "swedish_labels",
    "digest",
)


def clear_taxonomy() -> None:
    """Delete every row of the taxonomy tables and bring the search index up to date."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in TAXONOMY_MODELS:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
    search_index.rebuild()


def taxonomy_snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every taxonomy table (ids included), sorted, to compare two states."""
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    for model in TAXONOMY_MODELS:
        if model is EscoRelease:
            rows = model.objects.values_list(*_RELEASE_COLUMNS)
        else:
            columns = [field.attname for field in model._meta.concrete_fields]
            rows = model.objects.values_list(*columns)
        snapshot[model._meta.db_table] = sorted(rows)
    return snapshot


@pytest.fixture
def in_english() -> Iterator[None]:
    """Messages in English during the test (the site's default language is Swedish)."""
    with translation.override("en"):
        yield


@pytest.fixture
def esco_sample(db: None) -> ImportSummary:
    """The ESCO sample package, imported into an empty taxonomy in the test's transaction."""
    if Concept.objects.exists():
        clear_taxonomy()
    return import_esco(locate(ESCO_SAMPLE))


@pytest.fixture(scope="session")
def esco_full_import(django_db_setup: None, django_db_blocker: Any) -> ImportSummary:
    """Import the whole bundled classification once per session, committed."""
    with django_db_blocker.unblock():
        return import_esco(bundled())


@pytest.fixture
def esco_full(esco_full_import: ImportSummary, db: None) -> ImportSummary:
    """The whole bundled ESCO classification, for tests that only read it."""
    concepts = sum(
        esco_full_import.counts[name]
        for name in ("skills", "occupations", "skill_groups", "isco_groups")
    )
    if Concept.objects.filter(obsolete=False).count() != concepts:
        import_esco(bundled())
    return esco_full_import
