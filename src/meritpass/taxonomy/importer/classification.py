"""The classification as read from the source, checked and ready to be written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

#: A label as the source gives it: concept URI, language, kind, text.
LabelKey = tuple[str, str, str, str]


@dataclass(slots=True)
class ConceptRecord:
    """The fields of one concept; the names are those of ``taxonomy.Concept``."""

    uri: str
    kind: str
    label_en: str
    code: str = ""
    label_sv: str = ""
    description_en: str = ""
    scope_note_en: str = ""
    skill_type: str = ""
    reuse_level: str = ""
    regulated_note: str = ""
    modified: date | None = None


@dataclass(slots=True)
class Classification:
    """Every concept, label and relation of one ESCO source, keyed by URI."""

    version: str = ""
    swedish_source: str = ""
    concepts: dict[str, ConceptRecord] = field(default_factory=dict)
    labels: set[LabelKey] = field(default_factory=set)
    #: (narrower URI, broader URI)
    broader: set[tuple[str, str]] = field(default_factory=set)
    #: (occupation URI, skill URI) → essential | optional
    occupation_skills: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (skill URI, related skill URI) → essential | optional
    skill_relations: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (concept URI, collection)
    memberships: set[tuple[str, str]] = field(default_factory=set)
    #: Rows left out on purpose, by quirk (see ``Quirk``).
    skipped: Counter[str] = field(default_factory=Counter)

    def kind_of(self, uri: str) -> str | None:
        """Return the kind of the concept ``uri``, or None when the source lacks it."""
        record = self.concepts.get(uri)
        return None if record is None else record.kind

    def occupation_counts(self) -> Counter[str]:
        """Return, per skill URI, how many occupations list the skill."""
        return Counter(skill for _, skill in self.occupation_skills)

    def count(self, kind: str) -> int:
        """Return how many concepts of ``kind`` the source has."""
        return sum(1 for record in self.concepts.values() if record.kind == kind)


class Quirk:
    """Names of the documented quirks whose rows are skipped or repaired, and counted."""

    #: Relation rows about an occupation that only broaderRelationsOccPillar.csv knows.
    ORPHAN_RELATIONS = "orphan_relations"
    #: broaderRelationsOccPillar.csv rows whose narrower occupation occupations_en.csv lacks.
    ORPHAN_BROADER = "orphan_broader"
    #: Skill groups known only from skillsHierarchy_en.csv, added from there.
    HIERARCHY_ONLY_GROUPS = "hierarchy_only_groups"
    #: Lines of the Swedish tables that still make no sense after undoing the Excel quirks.
    SWEDISH_MALFORMED = "swedish_malformed"
    #: Swedish labels of concepts that this ESCO version does not have.
    SWEDISH_UNKNOWN = "swedish_unknown"
