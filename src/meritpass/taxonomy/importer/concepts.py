"""Reading the concept files of the CSV package: skills, occupations, skill and ISCO groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from django.utils.functional import Promise

from meritpass.taxonomy.importer import problems, validate
from meritpass.taxonomy.importer.classification import Classification, ConceptRecord, Quirk
from meritpass.taxonomy.importer.files import Table
from meritpass.taxonomy.importer.problems import ProblemLog
from meritpass.taxonomy.importer.validate import Row
from meritpass.taxonomy.models import Concept

Kind = Concept.Kind
STATUSES: Final = ("released",)
SKILL_TYPES: Final = tuple(choice.value for choice in Concept.SkillType)
REUSE_LEVELS: Final = tuple(choice.value for choice in Concept.ReuseLevel)
_LABEL_COLUMNS: Final = (("altLabels", "alternative"), ("hiddenLabels", "hidden"))
_COMMON: Final = ("conceptType", "conceptUri", "preferredLabel", "altLabels", "status")
_LEVELS: Final = range(4)


@dataclass(frozen=True, slots=True)
class ConceptFile:
    """What one concept file of the package holds and how its rows must look."""

    role: str
    kind: str
    concept_type: str
    pattern: re.Pattern[str]
    what: Promise
    required: tuple[str, ...]


CONCEPT_FILES: Final = (
    ConceptFile(
        "skills",
        Kind.SKILL,
        "KnowledgeSkillCompetence",
        validate.SKILL_URI,
        validate.WHAT_SKILL,
        (
            *_COMMON,
            "skillType",
            "reuseLevel",
            "hiddenLabels",
            "modifiedDate",
            "scopeNote",
            "description",
        ),
    ),
    ConceptFile(
        "occupations",
        Kind.OCCUPATION,
        "Occupation",
        validate.OCCUPATION_URI,
        validate.WHAT_OCCUPATION,
        (
            *_COMMON,
            "hiddenLabels",
            "modifiedDate",
            "regulatedProfessionNote",
            "scopeNote",
            "description",
            "code",
        ),
    ),
    ConceptFile(
        "skill_groups",
        Kind.SKILL_GROUP,
        "SkillGroup",
        validate.SKILL_GROUP_URI,
        validate.WHAT_SKILL_GROUP,
        (*_COMMON, "hiddenLabels", "modifiedDate", "scopeNote", "description", "code"),
    ),
    ConceptFile(
        "isco_groups",
        Kind.ISCO_GROUP,
        "ISCOGroup",
        validate.ISCO_URI,
        validate.WHAT_ISCO_GROUP,
        (*_COMMON, "code", "description"),
    ),
)
HIERARCHY_COLUMNS: Final = (
    *(f"Level {level} {part}" for level in _LEVELS for part in ("URI", "preferred term", "code")),
    "Description",
    "Scope note",
)


def read_concepts(
    table: Table,
    spec: ConceptFile,
    classification: Classification,
    log: ProblemLog,
    seen: dict[str, str],
) -> None:
    """Add the concepts of one concept file, with their English labels."""
    for line, fields in table.records():
        row = Row(table, line, fields, log)
        record = _record(row, spec)
        if not spec.pattern.match(record.uri):
            continue
        if record.uri in classification.concepts:
            row.problem(problems.DUPLICATE, uri=record.uri, first=seen[record.uri])
            continue
        seen[record.uri] = f"{table.name}:{line}"
        classification.concepts[record.uri] = record
        _add_labels(row, record, classification)


def _record(row: Row, spec: ConceptFile) -> ConceptRecord:
    uri = row.uri("conceptUri", spec.pattern, spec.what)
    row.choice("conceptType", (spec.concept_type,))
    row.choice("status", STATUSES)
    skill = spec.kind == Kind.SKILL
    return ConceptRecord(
        uri=uri,
        kind=spec.kind,
        label_en=row.label("preferredLabel"),
        code=row.short("code", row.text("code"), validate.MAX_CODE),
        description_en=row.text("description"),
        scope_note_en=row.text("scopeNote"),
        skill_type=row.choice("skillType", SKILL_TYPES) if skill else "",
        reuse_level=row.choice("reuseLevel", REUSE_LEVELS) if skill else "",
        regulated_note=row.text("regulatedProfessionNote"),
        modified=row.date("modifiedDate"),
    )


def _add_labels(row: Row, record: ConceptRecord, classification: Classification) -> None:
    labels = classification.labels
    labels.add((record.uri, "en", "preferred", record.label_en))
    for column, kind in _LABEL_COLUMNS:
        for text in row.labels(column):
            labels.add((record.uri, "en", kind, text))


def read_hierarchy(table: Table, classification: Classification, log: ProblemLog) -> None:
    """Add the skill hierarchy's links, and the groups that only the hierarchy file names."""
    for line, fields in table.records():
        row = Row(table, line, fields, log)
        parent: str | None = None
        for level in _LEVELS:
            uri = row.text(f"Level {level} URI")
            if not uri or not _hierarchy_group(row, level, uri, classification):
                break
            if parent is not None:
                classification.broader.add((uri, parent))
            parent = uri
        if parent is not None and row.ok:
            _describe(row, classification.concepts[parent])


def _hierarchy_group(row: Row, level: int, uri: str, classification: Classification) -> bool:
    """Check the group ``uri`` at ``level`` of the row; add it if only the hierarchy has it."""
    column = f"Level {level} URI"
    record = classification.concepts.get(uri)
    if record is None:
        if not validate.SKILL_GROUP_URI.match(uri):
            row.problem(problems.BAD_URI, column=column, value=uri, what=validate.WHAT_SKILL_GROUP)
            return False
        label = row.label(f"Level {level} preferred term")
        record = ConceptRecord(uri=uri, kind=Kind.SKILL_GROUP, label_en=label)
        classification.concepts[uri] = record
        classification.labels.add((uri, "en", "preferred", label))
        classification.skipped[Quirk.HIERARCHY_ONLY_GROUPS] += 1
    elif record.kind != Kind.SKILL_GROUP:
        row.problem(
            problems.UNKNOWN_CONCEPT, column=column, uri=uri, what=validate.WHAT_SKILL_GROUP
        )
        return False
    if not record.code:
        record.code = row.short(
            f"Level {level} code", row.text(f"Level {level} code"), validate.MAX_CODE
        )
    return True


def _describe(row: Row, record: ConceptRecord) -> None:
    """Fill in a missing description and scope note from the hierarchy row the group ends."""
    if not record.description_en:
        record.description_en = row.text("Description")
    if not record.scope_note_en:
        record.scope_note_en = row.text("Scope note")
