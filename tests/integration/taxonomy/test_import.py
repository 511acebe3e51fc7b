"""Importing the ESCO sample package: what ends up in the tables, and re-imports in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.db.models import Count

from meritpass.taxonomy.importer import ImportSummary, import_esco, locate
from meritpass.taxonomy.models import (
    Broader,
    CollectionMembership,
    Concept,
    EscoRelease,
    Label,
    OccupationSkill,
    SkillRelation,
)
from tests.integration.taxonomy.esco_copies import copy_sample, drop_everywhere, gzip_all, set_field
from tests.taxonomy_fixtures import ESCO_SAMPLE, taxonomy_snapshot

pytestmark = pytest.mark.usefixtures("in_english")

ESCO = "http://data.europa.eu/esco/"
WELDER = f"{ESCO}occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"
PIPE_WELDER = f"{ESCO}occupation/2ff73126-7aff-4233-9d9c-d8725e1c6822"
PROJECT_MANAGER = f"{ESCO}occupation/bea99fea-0383-4c63-b944-70d4799de2c5"
WELDING_TECHNIQUES = f"{ESCO}skill/530cb489-d900-46ab-9350-4d50ccd49eea"
OPERATE_WELDING_EQUIPMENT = f"{ESCO}skill/2fcd95a4-1f9a-41cf-95a9-4701bde476b4"
PLASTIC_WELDING = f"{ESCO}skill/4e8ce455-9dbb-4ada-b79b-2f89021f4947"
HEALTH_RISKS = f"{ESCO}skill/c4180af3-befd-4bd8-9a65-6a496f9d9f15"
DIGITAL_COLLABORATION = f"{ESCO}skill/574257ea-7b64-4100-b7b6-e27c233fe143"
GROUP_S6_8 = f"{ESCO}skill/1e924921-b7ff-4326-a698-c8275bbcf60d"
GROUP_S6_8_0 = f"{ESCO}skill/0526c9cb-c8a4-498e-8498-d0e2d14ac626"
ORPHAN = f"{ESCO}occupation/a9e54177-a185-404d-b6e6-15663d31137e"


def counts(queryset: object, *fields: str) -> dict[tuple[str, ...], int]:
    rows = queryset.values_list(*fields).annotate(n=Count("id"))  # type: ignore[attr-defined]
    return {tuple(row[:-1]): row[-1] for row in rows}


def test_the_sample_gives_every_concept_with_its_fields(esco_sample: ImportSummary) -> None:
    assert counts(Concept.objects, "kind") == {
        ("skill",): 59,
        ("occupation",): 4,
        ("skill-group",): 78,
        ("isco-group",): 11,
    }
    welder = Concept.objects.get(uri=WELDER)
    assert (welder.kind, welder.code, welder.label_en, welder.label_sv) == (
        "occupation",
        "7212.3",
        "welder",
        "svetsare, manuell",
    )
    assert welder.description_en.startswith("Welders operate welding equipment")
    assert welder.modified == date(2021, 12, 15)
    assert welder.regulated_note == f"{ESCO}regulated-professions/unregulated"
    assert not welder.obsolete
    technique = Concept.objects.get(uri=WELDING_TECHNIQUES)
    assert (technique.skill_type, technique.reuse_level) == ("knowledge", "cross-sector")
    assert technique.label_sv == "svetstekniker"
    assert Concept.objects.get(uri=DIGITAL_COLLABORATION).skill_type == ""


def test_skills_count_the_occupations_that_list_them(esco_sample: ImportSummary) -> None:
    assert Concept.objects.get(uri=OPERATE_WELDING_EQUIPMENT).occupation_count == 2
    assert Concept.objects.get(uri=PLASTIC_WELDING).occupation_count == 0
    assert Concept.objects.filter(kind="occupation", occupation_count__gt=0).count() == 0


def test_labels_in_both_languages(esco_sample: ImportSummary) -> None:
    assert counts(Label.objects, "language", "kind") == {
        ("en", "preferred"): 152,
        ("en", "alternative"): 543,
        ("en", "hidden"): 115,
        ("sv", "preferred"): 60,
    }
    welder = Label.objects.filter(concept__uri=WELDER)
    assert welder.get(language="sv").text == "svetsare, manuell"
    assert welder.get(language="sv").normalized == "svetsare manuell"
    assert welder.filter(kind="alternative", text="oxy-fuel welder").get().normalized == (
        "oxy fuel welder"
    )
    # The source's label ends in a space; the stored one does not.
    assert Label.objects.get(concept__uri=HEALTH_RISKS, kind="preferred").text == (
        "demonstrate awareness of health risks"
    )


def test_a_concept_without_swedish_label_has_no_empty_one(esco_sample: ImportSummary) -> None:
    concept = Concept.objects.get(uri=HEALTH_RISKS)
    assert concept.label_sv == ""
    assert concept.label("sv") == ("demonstrate awareness of health risks", "en")
    assert not Label.objects.filter(concept=concept, language="sv").exists()
    assert not Label.objects.filter(text="").exists()


def test_hierarchy_and_isco_groups(esco_sample: ImportSummary) -> None:
    assert counts(Broader.objects, "narrower__kind", "broader__kind") == {
        ("isco-group", "isco-group"): 9,
        ("occupation", "isco-group"): 3,
        ("occupation", "occupation"): 1,
        ("skill", "skill"): 28,
        ("skill", "skill-group"): 59,
        ("skill-group", "skill-group"): 74,
    }
    assert Broader.objects.filter(narrower__uri=PIPE_WELDER, broader__uri=WELDER).exists()
    chain = []
    concept = Concept.objects.get(code="7212", kind="isco-group")
    while concept is not None:
        chain.append(concept.code)
        link = Broader.objects.filter(narrower=concept).select_related("broader").first()
        concept = link.broader if link else None
    assert chain == ["7212", "721", "72", "7"]
    assert Concept.objects.get(code="1330", kind="isco-group").label_sv == (
        "Chefer inom informations- och kommunikationsteknik (IKT)"
    )


def test_groups_only_the_hierarchy_file_names(esco_sample: ImportSummary) -> None:
    group = Concept.objects.get(uri=GROUP_S6_8)
    assert (group.kind, group.code, group.label_en) == (
        "skill-group",
        "S6.8",
        "positioning materials, tools or equipment",
    )
    assert group.description_en.startswith("Placing workpieces")
    assert Broader.objects.filter(narrower__uri=GROUP_S6_8_0, broader=group).exists()
    assert Broader.objects.filter(narrower=group, broader__code="S6").exists()


def test_relations_and_collections(esco_sample: ImportSummary) -> None:
    assert counts(OccupationSkill.objects.filter(occupation__uri=WELDER), "relation") == {
        ("essential",): 16,
        ("optional",): 3,
    }
    assert OccupationSkill.objects.count() == 49
    assert counts(SkillRelation.objects, "relation") == {("essential",): 1, ("optional",): 17}
    assert counts(CollectionMembership.objects, "collection") == {
        ("digcomp",): 1,
        ("digital",): 6,
        ("language",): 2,
        ("research-skills",): 3,
        ("transversal",): 11,
    }


def test_documented_quirks_are_skipped_and_counted(esco_sample: ImportSummary) -> None:
    assert esco_sample.skipped == {
        "orphan_relations": 2,
        "orphan_broader": 1,
        "hierarchy_only_groups": 2,
        "swedish_malformed": 3,
        "swedish_unknown": 1,
    }
    assert not Concept.objects.filter(uri=ORPHAN).exists()
    text = "\n".join(esco_sample.lines())
    assert "2 relations and 1 hierarchy links" in text
    assert "3 malformed Swedish lines" in text


def test_the_release_row_states_version_source_and_counts(esco_sample: ImportSummary) -> None:
    release = EscoRelease.objects.get()
    assert release.version == "1.1.1"
    assert release.swedish_source == (
        "ESCO ↔ Swedish mapping tables: Esco - kompetenser (ESCO 1.0.9); Esco - yrken (ESCO 1.1.1)"
    )
    assert (release.skills, release.occupations) == (59, 4)
    assert (release.occupation_skill_relations, release.swedish_labels) == (49, 60)
    assert len(release.digest) == 64


def test_importing_twice_changes_nothing(esco_sample: ImportSummary) -> None:
    before = taxonomy_snapshot()
    again = import_esco(locate(ESCO_SAMPLE))
    assert (again.counts["added"], again.counts["removed"]) == (0, 0)
    assert taxonomy_snapshot() == before


def test_the_gzipped_package_is_the_same_data(esco_sample: ImportSummary, tmp_path: Path) -> None:
    before = taxonomy_snapshot()
    package = copy_sample(tmp_path / "package")
    gzip_all(package)
    again = import_esco(locate(package))
    assert (again.counts["added"], again.counts["removed"]) == (0, 0)
    after = taxonomy_snapshot()
    release = "taxonomy_escorelease"
    assert {k: v for k, v in after.items() if k != release} == {
        k: v for k, v in before.items() if k != release
    }


@pytest.fixture
def changed_sample(tmp_path: Path) -> Path:
    """The sample with welder renamed, one welder skill unlisted and plastic welding gone."""
    package = copy_sample(tmp_path / "changed")
    set_field(package / "en" / "occupations_en.csv", WELDER, "preferredLabel", "welder (metal)")
    relations = package / "en" / "occupationSkillRelations.csv"
    text = relations.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in text if not (WELDER in line and OPERATE_WELDING_EQUIPMENT in line)]
    assert len(kept) == len(text) - 1
    relations.write_text("".join(kept), "utf-8")
    drop_everywhere(package, PLASTIC_WELDING)
    return package


def test_a_changed_source_updates_in_place(
    esco_sample: ImportSummary, changed_sample: Path
) -> None:
    ids = dict(Concept.objects.values_list("uri", "pk"))
    summary = import_esco(locate(changed_sample))
    assert dict(Concept.objects.values_list("uri", "pk")) == ids
    welder = Concept.objects.get(uri=WELDER)
    assert welder.label_en == "welder (metal)"
    english = Label.objects.filter(concept=welder, language="en", kind="preferred")
    assert list(english.values_list("text", "normalized")) == [("welder (metal)", "welder metal")]
    assert not OccupationSkill.objects.filter(
        occupation=welder, skill__uri=OPERATE_WELDING_EQUIPMENT
    ).exists()
    assert Concept.objects.get(uri=OPERATE_WELDING_EQUIPMENT).occupation_count == 1
    gone = Concept.objects.get(uri=PLASTIC_WELDING)
    assert gone.obsolete
    assert gone.label_en == "plastic welding"
    assert not Label.objects.filter(concept=gone).exists()
    assert not Broader.objects.filter(narrower=gone).exists()
    assert summary.counts["obsolete"] == 1
    assert summary.counts["skills"] == 58


def test_a_concept_that_comes_back_is_no_longer_obsolete(
    esco_sample: ImportSummary, changed_sample: Path
) -> None:
    before = taxonomy_snapshot()
    import_esco(locate(changed_sample))
    import_esco(locate(ESCO_SAMPLE))
    after = taxonomy_snapshot()
    # Rows that went and came back have new ids; compare them without.
    for table in (
        "taxonomy_label",
        "taxonomy_broader",
        "taxonomy_occupationskill",
        "taxonomy_skillrelation",
        "taxonomy_collectionmembership",
    ):
        before[table] = sorted(row[1:] for row in before[table])
        after[table] = sorted(row[1:] for row in after[table])
    assert after == before
    assert not Concept.objects.get(uri=PLASTIC_WELDING).obsolete
