"""Read a whole ESCO source into a checked ``Classification``, or report what is wrong with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from django.utils.translation import gettext_lazy as _

from meritpass.taxonomy.importer import concepts, relations, swedish
from meritpass.taxonomy.importer.classification import Classification, ConceptRecord, Quirk
from meritpass.taxonomy.importer.files import SourceText, Table, open_table, read_text
from meritpass.taxonomy.importer.problems import ProblemLog
from meritpass.taxonomy.importer.progress import Progress, Silent
from meritpass.taxonomy.importer.source import PACKAGE_FILES, EscoSource
from meritpass.taxonomy.models import CollectionMembership

COLLECTIONS: Final = tuple(choice.value for choice in CollectionMembership.Collection)
SWEDISH_SOURCE: Final = "ESCO ↔ Swedish mapping tables: {tables}"
_READING = _("Reading ESCO files")
_CHECKING = _("Checking ESCO data")


def read_source(source: EscoSource, *, progress: Progress | None = None) -> Classification:
    """Read and check every file of ``source``; raise ``EscoImportError`` listing the problems."""
    progress = progress or Silent()
    log = ProblemLog()
    texts = _read_texts(source, log, progress)
    log.raise_if_any()
    classification = Classification(version=source.version)
    _Checker(texts, classification, log, progress).read_english()
    log.raise_if_any()
    tables = [swedish.read_table(texts[f"sv:{path.name}"], log) for path in source.swedish]
    log.raise_if_any()
    _apply_swedish([table for table in tables if table is not None], classification)
    return classification


def _read_texts(source: EscoSource, log: ProblemLog, progress: Progress) -> dict[str, SourceText]:
    files = source.all_files()
    progress.start(_READING, len(files))
    texts: dict[str, SourceText] = {}
    for role, path in files:
        text = read_text(path, log)
        if text is not None:
            texts[role] = text
        progress.advance()
    progress.finish()
    return texts


class _Checker:
    """Reads the package's tables in dependency order, one progress step per table."""

    def __init__(
        self,
        texts: dict[str, SourceText],
        into: Classification,
        log: ProblemLog,
        progress: Progress,
    ) -> None:
        self.texts = texts
        self.into = into
        self.log = log
        self.progress = progress
        #: Where each concept URI was first defined, for reporting duplicates.
        self.seen: dict[str, str] = {}

    def read_english(self) -> None:
        """Read the concept files first, then the files that refer to their concepts."""
        into, log = self.into, self.log
        self.progress.start(_CHECKING, len(PACKAGE_FILES))
        for spec in concepts.CONCEPT_FILES:
            self.table(spec.role, spec.required, self._concepts(spec))
        # Unusable concept files would make every relation to their concepts look wrong too.
        log.raise_if_any()
        # skillsHierarchy_en.csv leaves out the empty codes at the end of a row.
        self.table(
            "hierarchy",
            concepts.HIERARCHY_COLUMNS,
            lambda table: concepts.read_hierarchy(table, into, log),
            ragged=True,
        )
        reader = relations.Relations(into, log)
        self.table("broader_skills", relations.BROADER_COLUMNS, self._pillar(reader, False))
        self.table("broader_occupations", relations.BROADER_COLUMNS, self._pillar(reader, True))
        self.table(
            "occupation_skills", relations.OCCUPATION_SKILL_COLUMNS, reader.occupation_skills
        )
        self.table("skill_skills", relations.SKILL_SKILL_COLUMNS, reader.skill_skills)
        for collection in COLLECTIONS:
            self.table(
                collection, relations.COLLECTION_COLUMNS, self._collection(reader, collection)
            )
        self.progress.finish()

    def table(
        self,
        role: str,
        required: tuple[str, ...],
        read: Callable[[Table], None],
        *,
        ragged: bool = False,
    ) -> None:
        """Open the file of ``role``, check its header, and ``read`` it if that went well."""
        table = open_table(self.texts[role], required, self.log, ragged=ragged)
        if table is not None:
            read(table)
        self.progress.advance()

    def _concepts(self, spec: concepts.ConceptFile) -> Callable[[Table], None]:
        return lambda table: concepts.read_concepts(table, spec, self.into, self.log, self.seen)

    @staticmethod
    def _pillar(reader: relations.Relations, occupations: bool) -> Callable[[Table], None]:
        kinds = relations.OCCUPATION_PILLAR if occupations else relations.SKILL_PILLAR
        return lambda table: reader.broader(table, kinds)

    @staticmethod
    def _collection(reader: relations.Relations, collection: str) -> Callable[[Table], None]:
        return lambda table: reader.collection(table, collection)


def _apply_swedish(tables: list[swedish.SwedishTable], into: Classification) -> None:
    """Give each concept its Swedish preferred label (the first table that has one wins)."""
    labelled: dict[str, str] = {}
    for table in tables:
        into.skipped[Quirk.SWEDISH_MALFORMED] += table.malformed
        for uri, label in table.labels.items():
            labelled.setdefault(uri, label)
    for uri, label in labelled.items():
        record: ConceptRecord | None = into.concepts.get(uri)
        if record is None:
            into.skipped[Quirk.SWEDISH_UNKNOWN] += 1
            continue
        record.label_sv = label
        into.labels.add((uri, "sv", "preferred", label))
    described = "; ".join(table.description() for table in tables)
    into.swedish_source = SWEDISH_SOURCE.format(tables=described)[:300] if tables else ""
