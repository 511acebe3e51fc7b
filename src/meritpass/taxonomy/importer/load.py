"""Write a checked classification into the database in place.

Concepts are upserted by URI (their ids never change); every other table is brought to exactly
the rows of the source: rows the source no longer has are deleted, missing rows inserted in bulk,
unchanged rows left alone. Concepts the source no longer has are marked obsolete, never deleted.
The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar, cast

from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from meritpass.taxonomy.importer.classification import Classification, ConceptRecord
from meritpass.taxonomy.importer.progress import Progress
from meritpass.taxonomy.models import (
    Broader,
    CollectionMembership,
    Concept,
    Label,
    OccupationSkill,
    SkillRelation,
)
from meritpass.taxonomy.normalize import normalize

T = TypeVar("T")
Key = tuple[object, ...]
CHUNK: Final = 5000
CONCEPT_FIELDS: Final = (
    "kind",
    "code",
    "label_en",
    "label_sv",
    "description_en",
    "description_sv",
    "scope_note_en",
    "skill_type",
    "reuse_level",
    "regulated_note",
    "modified",
    "obsolete",
    "occupation_count",
)
_MAX_NORMALIZED: Final = Label._meta.get_field("normalized").max_length or 400
_WRITING = _("Writing to the database")


@dataclass(frozen=True, slots=True)
class Written:
    """What writing changed: concepts upserted, marked obsolete, rows added and removed."""

    concepts: int
    obsolete: int
    added: int
    removed: int


def write(classification: Classification, *, progress: Progress) -> Written:
    """Bring the taxonomy tables to the state of ``classification``."""
    progress.start(_WRITING, _work(classification))
    ids = _upsert_concepts(classification, progress)
    obsolete = _mark_obsolete(ids, classification)
    added = removed = 0
    for model, columns, rows in _tables(classification, ids):
        more, fewer = _sync(model, columns, rows, progress)
        added += more
        removed += fewer
    progress.finish()
    return Written(len(classification.concepts), obsolete, added, removed)


def _work(classification: Classification) -> int:
    return (
        len(classification.concepts)
        + len(classification.labels)
        + len(classification.broader)
        + len(classification.occupation_skills)
        + len(classification.skill_relations)
        + len(classification.memberships)
    )


def _tables(
    classification: Classification, ids: dict[str, int]
) -> list[tuple[type[models.Model], tuple[str, ...], set[Key]]]:
    """Return each dependent table with its key columns and the rows the source asks for."""
    labels: set[Key] = {
        (ids[uri], language, kind, text, normalize(text)[:_MAX_NORMALIZED])
        for uri, language, kind, text in classification.labels
    }
    broader: set[Key] = {(ids[low], ids[high]) for low, high in classification.broader}
    needs: set[Key] = {
        (ids[occupation], ids[skill], relation)
        for (occupation, skill), relation in classification.occupation_skills.items()
    }
    related: set[Key] = {
        (ids[skill], ids[other], relation)
        for (skill, other), relation in classification.skill_relations.items()
    }
    members: set[Key] = {(ids[uri], name) for uri, name in classification.memberships}
    return [
        (Label, ("concept_id", "language", "kind", "text", "normalized"), labels),
        (Broader, ("narrower_id", "broader_id"), broader),
        (OccupationSkill, ("occupation_id", "skill_id", "relation"), needs),
        (SkillRelation, ("skill_id", "related_id", "relation"), related),
        (CollectionMembership, ("concept_id", "collection"), members),
    ]


def _upsert_concepts(classification: Classification, progress: Progress) -> dict[str, int]:
    """Insert new concepts and overwrite changed ones by URI; return the id of every concept."""
    counts = classification.occupation_counts()
    known = {
        values[0]: values[1:]
        for values in Concept.objects.values_list("uri", *CONCEPT_FIELDS).iterator(chunk_size=CHUNK)
    }
    rows = [_concept_row(record, counts[record.uri]) for record in classification.concepts.values()]
    changed = sorted(row for row in rows if known.get(str(row[0])) != row[1:])
    columns = ("uri", *CONCEPT_FIELDS)
    quote = connection.ops.quote_name
    updates = ", ".join(f"{quote(name)} = excluded.{quote(name)}" for name in CONCEPT_FIELDS)
    _execute_many(
        f"{_insert_sql(Concept, columns)} ON CONFLICT ({quote('uri')}) DO UPDATE SET {updates}",
        changed,
        progress,
    )
    progress.advance(len(rows) - len(changed))
    return dict(Concept.objects.values_list("uri", "pk"))


def _concept_row(record: ConceptRecord, occupation_count: int) -> Key:
    """Return the values of a concept in the order of ``("uri", *CONCEPT_FIELDS)``."""
    return (
        record.uri,
        str(record.kind),
        record.code,
        record.label_en,
        record.label_sv,
        record.description_en,
        "",
        record.scope_note_en,
        record.skill_type,
        record.reuse_level,
        record.regulated_note,
        record.modified,
        False,
        occupation_count,
    )


def _mark_obsolete(ids: dict[str, int], classification: Classification) -> int:
    """Mark the concepts the source no longer has as obsolete; return how many there are."""
    gone = sorted(pk for uri, pk in ids.items() if uri not in classification.concepts)
    for chunk in _chunks(gone, CHUNK):
        Concept.objects.filter(pk__in=chunk).update(obsolete=True, occupation_count=0)
    return len(gone)


def _sync(
    model: type[models.Model], columns: tuple[str, ...], rows: set[Key], progress: Progress
) -> tuple[int, int]:
    """Make ``model``'s table hold exactly ``rows``; return how many rows were added and removed."""
    existing: dict[Key, int] = {
        tuple(values[1:]): values[0]
        for values in model._default_manager.values_list("pk", *columns).iterator(chunk_size=CHUNK)
    }
    stale = sorted(pk for key, pk in existing.items() if key not in rows)
    for chunk in _chunks(stale, CHUNK):
        model._default_manager.filter(pk__in=chunk).delete()
    missing = sorted(rows.difference(existing))
    _insert(model, columns, missing, progress)
    progress.advance(len(rows) - len(missing))
    return len(missing), len(stale)


def _insert(
    model: type[models.Model], columns: tuple[str, ...], rows: Sequence[Key], progress: Progress
) -> None:
    """Insert ``rows``: PostgreSQL's COPY where there is one, else prepared statements."""
    if connection.vendor != "postgresql":
        _execute_many(_insert_sql(model, columns), rows, progress)
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(_column(model, name)) for name in columns)
    statement = f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for chunk in _chunks(rows, CHUNK):
            for row in chunk:
                copy.write_row(row)
            progress.advance(len(chunk))


def _insert_sql(model: type[models.Model], columns: tuple[str, ...]) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(_column(model, name)) for name in columns)
    marks = ", ".join(["%s"] * len(columns))
    # Table and column names come from the model, never from the source.
    return f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608


def _execute_many(sql: str, rows: Sequence[Key], progress: Progress) -> None:
    """Run ``sql`` once per row with prepared statements, many rows per round trip."""
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, CHUNK):
            cursor.executemany(sql, cast("Sequence[Sequence[Any]]", chunk))
            progress.advance(len(chunk))


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.column)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
