"""Reading the relation files of the CSV package: hierarchy, skills of occupations, related
skills, collections. Every URI must name a concept of the package, but for one documented quirk.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meritpass.taxonomy.importer import problems, validate
from meritpass.taxonomy.importer.classification import Classification, Quirk
from meritpass.taxonomy.importer.files import Table
from meritpass.taxonomy.importer.problems import ProblemLog
from meritpass.taxonomy.importer.validate import Row
from meritpass.taxonomy.models import CollectionMembership, Concept, Relation

Kind = Concept.Kind
RELATIONS: Final = tuple(choice.value for choice in Relation)
SKILL_PILLAR: Final = (Kind.SKILL, Kind.SKILL_GROUP)
OCCUPATION_PILLAR: Final = (Kind.OCCUPATION, Kind.ISCO_GROUP)
#: More occupations than this missing from occupations_en.csv means a broken file, not the quirk.
MAX_MISSING_OCCUPATIONS: Final = 10
BROADER_COLUMNS: Final = ("conceptType", "conceptUri", "broaderUri")
OCCUPATION_SKILL_COLUMNS: Final = ("occupationUri", "relationType", "skillUri")
SKILL_SKILL_COLUMNS: Final = ("originalSkillUri", "relationType", "relatedSkillUri")
COLLECTION_COLUMNS: Final = ("conceptUri",)
WHAT_CONCEPT = _("skill, skill group, occupation or ISCO group")


class Relations:
    """Reads the relation files into a classification whose concepts are already read."""

    def __init__(self, classification: Classification, log: ProblemLog) -> None:
        self.classification = classification
        self.log = log
        #: Occupations that broaderRelationsOccPillar.csv names but occupations_en.csv lacks.
        self.missing_occupations: set[str] = set()

    def broader(self, table: Table, kinds: Collection[str]) -> None:
        """Add the hierarchy links of one pillar's broaderRelations file."""
        add = self.classification.broader.add
        occupations = Kind.OCCUPATION in kinds
        for line, fields in table.records():
            row = Row(table, line, fields, self.log)
            if occupations and self._missing_occupation(row):
                self.classification.skipped[Quirk.ORPHAN_BROADER] += 1
                continue
            narrower = self._reference(row, "conceptUri", kinds, WHAT_CONCEPT)
            broader = self._reference(row, "broaderUri", kinds, WHAT_CONCEPT)
            if row.ok:
                add((narrower, broader))
        if len(self.missing_occupations) > MAX_MISSING_OCCUPATIONS:
            count = len(self.missing_occupations)
            self.log.add(table.name, None, problems.TOO_MANY_MISSING, count=count)

    def occupation_skills(self, table: Table) -> None:
        """Add the essential and optional skills of each occupation."""
        pairs = self.classification.occupation_skills
        for line, fields in table.records():
            row = Row(table, line, fields, self.log)
            if row.text("occupationUri") in self.missing_occupations:
                self.classification.skipped[Quirk.ORPHAN_RELATIONS] += 1
                continue
            occupation = self._reference(
                row, "occupationUri", (Kind.OCCUPATION,), validate.WHAT_OCCUPATION
            )
            skill = self._reference(row, "skillUri", (Kind.SKILL,), validate.WHAT_SKILL)
            relation = row.choice("relationType", RELATIONS)
            if row.ok:
                _put(row, pairs, (occupation, skill), relation)

    def skill_skills(self, table: Table) -> None:
        """Add the skills that go with other skills."""
        pairs = self.classification.skill_relations
        for line, fields in table.records():
            row = Row(table, line, fields, self.log)
            skill = self._reference(row, "originalSkillUri", (Kind.SKILL,), validate.WHAT_SKILL)
            related = self._reference(row, "relatedSkillUri", (Kind.SKILL,), validate.WHAT_SKILL)
            relation = row.choice("relationType", RELATIONS)
            if row.ok:
                _put(row, pairs, (skill, related), relation)

    def collection(self, table: Table, collection: str) -> None:
        """Add the members of one collection file."""
        occupations = collection == CollectionMembership.Collection.RESEARCH_OCCUPATIONS
        kinds = (Kind.OCCUPATION,) if occupations else SKILL_PILLAR
        what = validate.WHAT_OCCUPATION if occupations else validate.WHAT_SKILL
        add = self.classification.memberships.add
        for line, fields in table.records():
            row = Row(table, line, fields, self.log)
            uri = self._reference(row, "conceptUri", kinds, what)
            if row.ok:
                add((uri, collection))

    def _missing_occupation(self, row: Row) -> bool:
        """Tell whether the row is about an occupation that only this pillar file knows."""
        uri = row.text("conceptUri")
        if uri in self.classification.concepts or row.text("conceptType") != "Occupation":
            return False
        if not validate.OCCUPATION_URI.match(uri):
            return False
        self.missing_occupations.add(uri)
        return True

    def _reference(self, row: Row, column: str, kinds: Collection[str], what: Promise) -> str:
        """Return the URI in ``column`` if it names a concept of one of ``kinds``."""
        uri = row.text(column)
        if self.classification.kind_of(uri) in kinds:
            return uri
        if validate.ANY_CONCEPT_URI.match(uri):
            row.problem(problems.UNKNOWN_CONCEPT, column=column, uri=uri, what=what)
        else:
            row.problem(problems.BAD_URI, column=column, value=uri, what=what)
        return uri


def _put(row: Row, pairs: dict[tuple[str, str], str], key: tuple[str, str], relation: str) -> None:
    known = pairs.setdefault(key, relation)
    if known != relation:
        row.problem(problems.CONFLICT, first=key[0], second=key[1])
