"""One ESCO import, all or nothing: read and check every file, then write in one transaction."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meritpass.taxonomy import search_index
from meritpass.taxonomy.importer.classification import Classification, Quirk
from meritpass.taxonomy.importer.files import digest
from meritpass.taxonomy.importer.load import Written, write
from meritpass.taxonomy.importer.progress import Progress, Silent
from meritpass.taxonomy.importer.reader import read_source
from meritpass.taxonomy.importer.source import EscoSource
from meritpass.taxonomy.models import Concept, EscoRelease

Kind = Concept.Kind


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import found and did; ``lines()`` says it in the active language."""

    version: str
    unchanged: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """Return the summary, a few lines in the active language."""
        if self.unchanged:
            return [_("ESCO %(version)s is already imported from these files.") % self._values()]
        return [text % self._values() for text in self._texts()]

    def _texts(self) -> list[str]:
        texts = [
            _(
                "Imported ESCO %(version)s: %(skills)d skills, %(occupations)d occupations, "
                "%(skill_groups)d skill groups, %(isco_groups)d ISCO groups."
            ),
            _(
                "%(labels)d labels, %(swedish_labels)d of them Swedish preferred labels; "
                "%(broader)d hierarchy links; %(occupation_skills)d skills of occupations; "
                "%(skill_relations)d related skills; %(memberships)d collection memberships."
            ),
            _(
                "Changed: %(added)d rows added, %(removed)d removed; "
                "%(obsolete)d concepts are obsolete."
            ),
        ]
        if any(self.skipped.values()):
            texts.append(
                _(
                    "Known quirks of the source, handled: %(orphan_relations)d relations and "
                    "%(orphan_broader)d hierarchy links of occupations missing from "
                    "occupations_en.csv skipped; %(hierarchy_only_groups)d skill groups taken "
                    "from skillsHierarchy_en.csv; %(swedish_malformed)d malformed Swedish lines "
                    "skipped; %(swedish_unknown)d Swedish labels of concepts not in this version "
                    "skipped."
                )
            )
        texts.append(_("Took %(seconds).1f s."))
        return texts

    def _values(self) -> dict[str, object]:
        return {"version": self.version, "seconds": self.seconds, **self.counts, **self.skipped}


def import_esco(
    source: EscoSource, *, if_changed: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Import ``source`` in one transaction; raise ``EscoImportError`` and change nothing if bad.

    With ``if_changed``, an import of the same version from the same files is skipped.
    """
    started = time.monotonic()
    fingerprint = digest(source.all_files(), version=source.version)
    if (
        if_changed
        and EscoRelease.objects.filter(version=source.version, digest=fingerprint).exists()
    ):
        return ImportSummary(source.version, unchanged=True)
    classification = read_source(source, progress=progress or Silent())
    with transaction.atomic():
        written = write(classification, progress=progress or Silent())
        _record_release(classification, fingerprint)
        search_index.rebuild()
    return ImportSummary(
        source.version,
        counts=_counts(classification, written),
        skipped={name: classification.skipped[name] for name in _QUIRKS},
        seconds=time.monotonic() - started,
    )


_QUIRKS = (
    Quirk.ORPHAN_RELATIONS,
    Quirk.ORPHAN_BROADER,
    Quirk.HIERARCHY_ONLY_GROUPS,
    Quirk.SWEDISH_MALFORMED,
    Quirk.SWEDISH_UNKNOWN,
)


def _counts(classification: Classification, written: Written) -> dict[str, int]:
    return {
        "skills": classification.count(Kind.SKILL),
        "occupations": classification.count(Kind.OCCUPATION),
        "skill_groups": classification.count(Kind.SKILL_GROUP),
        "isco_groups": classification.count(Kind.ISCO_GROUP),
        "labels": len(classification.labels),
        "swedish_labels": _swedish_labels(classification),
        "broader": len(classification.broader),
        "occupation_skills": len(classification.occupation_skills),
        "skill_relations": len(classification.skill_relations),
        "memberships": len(classification.memberships),
        "added": written.added,
        "removed": written.removed,
        "obsolete": written.obsolete,
    }


def _swedish_labels(classification: Classification) -> int:
    return sum(1 for record in classification.concepts.values() if record.label_sv)


def _record_release(classification: Classification, fingerprint: str) -> EscoRelease:
    """Update the release row of this version (or add one) with the source and its counts."""
    release = EscoRelease.objects.filter(version=classification.version).order_by(
        "pk"
    ).first() or EscoRelease(version=classification.version)
    release.swedish_source = classification.swedish_source
    release.imported_at = timezone.now()
    release.skills = classification.count(Kind.SKILL)
    release.occupations = classification.count(Kind.OCCUPATION)
    release.occupation_skill_relations = len(classification.occupation_skills)
    release.swedish_labels = _swedish_labels(classification)
    release.digest = fingerprint
    release.save()
    return release
