"""The full ESCO v1.1.1 shipped in the package, imported once for the session (~10 s)."""

from __future__ import annotations

from meritpass.taxonomy.importer import ImportSummary
from meritpass.taxonomy.models import Concept, EscoRelease, Label, OccupationSkill

WELDER = "http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"
#: The occupation that 67 relation rows name but occupations_en.csv lacks (see SOURCE.md).
ORPHAN = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"


def test_the_bundled_classification_is_complete(esco_full: ImportSummary) -> None:
    assert Concept.objects.filter(kind="skill", obsolete=False).count() == 13_896
    assert Concept.objects.filter(kind="occupation").count() == 3_007
    assert Concept.objects.filter(kind="isco-group").count() == 619
    assert Concept.objects.filter(kind="skill-group").count() == 640 + 7
    assert OccupationSkill.objects.count() == 123_855 - 67
    assert Label.objects.filter(language="sv").count() == 16_679
    assert Concept.objects.exclude(label_sv="").count() == 16_679
    assert not Concept.objects.filter(uri=ORPHAN).exists()
    assert Concept.objects.get(uri=WELDER).label_sv == "svetsare, manuell"


def test_the_release_and_the_handled_quirks(esco_full: ImportSummary) -> None:
    release = EscoRelease.objects.get(version="1.1.1")
    assert (release.skills, release.occupations) == (13_896, 3_007)
    assert (release.occupation_skill_relations, release.swedish_labels) == (123_788, 16_679)
    assert release.swedish_source.startswith("ESCO ↔ Swedish mapping tables: Esco - kompetenser")
    assert esco_full.skipped == {
        "orphan_relations": 67,
        "orphan_broader": 1,
        "hierarchy_only_groups": 7,
        "swedish_malformed": 51,
        "swedish_unknown": 109,
    }
