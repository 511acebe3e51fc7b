"""The Annex I specification: strict reading, the missing elements of a draft, the digest."""

from __future__ import annotations

import copy
import hashlib
from decimal import Decimal
from typing import Any

import pytest
import rfc8785

from meritpass.core.credentials.microcredential import (
    MissingElement,
    Specification,
    Text,
    content_digest,
    missing_elements,
)
from meritpass.core.documents import JsonObject
from meritpass.core.errors import SpecificationError
from meritpass.core.keys import multibase
from tests.factories import ESCO_SKILL, WELDING_SKILLS, specification_content

ALL_ELEMENTS = ["M2", "M6", "M7", "M8", "M9", "M10", "M11", "fieldOfEducation"]


def read(**changes: Any) -> Specification:
    return Specification.from_json(specification_content(**changes))


def refused(content: object) -> SpecificationError:
    with pytest.raises(SpecificationError) as raised:
        Specification.from_json(content)
    return raised.value


def with_path(content: JsonObject, path: tuple[str | int, ...], value: object) -> JsonObject:
    changed = copy.deepcopy(content)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


# --- reading a complete specification ---------------------------------------------------------


def test_a_complete_specification_is_read_with_every_element() -> None:
    spec = read()
    assert spec.title == Text(sv="Svetsning MIG/MAG, grundnivå", en="MIG/MAG welding, basic level")
    assert len(spec.learning_outcomes) == 2
    assert spec.skills == tuple(WELDING_SKILLS)
    assert spec.workload.ects == Decimal("7.5")
    assert spec.workload.hours == 200
    assert spec.workload.duration == "PT200H"
    assert spec.eqf_level == 4
    assert spec.seqf is not None
    assert (spec.seqf.level, spec.seqf.decision) == (4, "MYH 2024/1234")
    assert spec.field_of_education == "0715"
    assert spec.grading is not None
    assert spec.grading.values == ("Godkänd", "Underkänd")
    assert spec.further_information is None
    assert spec.language == "sv"


def test_to_json_reads_back_to_the_same_specification() -> None:
    spec = read()
    assert Specification.from_json(spec.to_json()) == spec
    assert spec.to_json() == specification_content()


def test_optional_elements_may_be_absent_or_null() -> None:
    content = specification_content()
    for name in ("description", "seqf", "prerequisites", "supervision", "grading"):
        del content[name]
    content.update(stackability=None, homepage=None)
    spec = Specification.from_json(content)
    assert spec.description is None
    assert spec.seqf is None
    assert spec.grading is None
    assert spec.homepage is None
    assert spec.to_json()["seqf"] is None


def test_an_optional_text_may_have_one_language_and_falls_back_to_it() -> None:
    spec = read(prerequisites={"sv": "Grundläggande verkstadsvana."})
    assert spec.prerequisites == Text(sv="Grundläggande verkstadsvana.", en="")
    assert spec.prerequisites.in_language("en") == "Grundläggande verkstadsvana."
    assert read(prerequisites={"sv": " ", "en": ""}).prerequisites is None


def test_texts_are_trimmed() -> None:
    spec = read(title={"sv": "  Svetsning ", "en": "Welding\n"})
    assert spec.title == Text(sv="Svetsning", en="Welding")


@pytest.mark.parametrize(
    ("ects", "written"),
    [("7.5", "7.5"), ("7.50", "7.5"), ("30", "30"), (3, "3"), (7.5, "7.5"), ("0.25", "0.25")],
)
def test_ects_is_a_positive_decimal_written_without_trailing_zeros(
    ects: object, written: str
) -> None:
    spec = read(workload={"ects": ects, "hours": None})
    assert spec.to_json()["workload"] == {"ects": written, "hours": None}


def test_workload_may_be_hours_only() -> None:
    spec = read(workload={"hours": 40})
    assert spec.workload.ects is None
    assert spec.workload.duration == "PT40H"


# --- refusing a bad specification, naming the field -------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "code", "field"),
    [
        (("title",), None, "specification.missing_field", "title"),
        (("title", "en"), "", "specification.text_required", "title"),
        (("title", "sv"), "x" * 201, "specification.too_long", "title.sv"),
        (("title", "sv"), "Svets\x00ning", "specification.not_text", "title.sv"),
        (("title", "sv"), 42, "specification.not_text", "title.sv"),
        (("title", "de"), "Schweißen", "specification.unknown_field", "title.de"),
        (("title",), "Svetsning", "specification.not_object", "title"),
        (("learningOutcomes",), [], "specification.empty_list", "learningOutcomes"),
        (("learningOutcomes",), "x", "specification.not_list", "learningOutcomes"),
        (("learningOutcomes", 1, "skills"), [], "specification.empty_list",
         "learningOutcomes[1].skills"),
        (("learningOutcomes", 1, "skills", 0), "http://data.europa.eu/esco/occupation/x",
         "specification.not_esco_skill", "learningOutcomes[1].skills[0]"),
        (("learningOutcomes", 0, "skills", 1), ESCO_SKILL + "60ff3eac-7d4d-4e51-87b8-74c3b5d62498",
         "specification.duplicate", "learningOutcomes[0].skills[1]"),
        (("learningOutcomes", 0, "text", "en"), None, "specification.text_required",
         "learningOutcomes[0].text"),
        (("learningOutcomes", 0, "level"), 4, "specification.unknown_field",
         "learningOutcomes[0].level"),
        (("learningOutcomes", 0), "text", "specification.not_object", "learningOutcomes[0]"),
        (("workload",), {}, "specification.workload_missing", "workload"),
        (("workload",), None, "specification.missing_field", "workload"),
        (("workload", "ects"), "0", "specification.ects", "workload.ects"),
        (("workload", "ects"), "-1", "specification.ects", "workload.ects"),
        (("workload", "ects"), "7.555", "specification.ects", "workload.ects"),
        (("workload", "ects"), "7,5", "specification.ects", "workload.ects"),
        (("workload", "ects"), True, "specification.ects", "workload.ects"),
        (("workload", "hours"), 0, "specification.hours", "workload.hours"),
        (("workload", "hours"), 2.5, "specification.hours", "workload.hours"),
        (("workload", "hours"), "200", "specification.hours", "workload.hours"),
        (("workload", "minutes"), 30, "specification.unknown_field", "workload.minutes"),
        (("eqfLevel",), 9, "specification.eqf_level", "eqfLevel"),
        (("eqfLevel",), "4", "specification.eqf_level", "eqfLevel"),
        (("eqfLevel",), True, "specification.eqf_level", "eqfLevel"),
        (("eqfLevel",), None, "specification.missing_field", "eqfLevel"),
        (("seqf", "decision"), " ", "specification.seqf_decision", "seqf.decision"),
        (("seqf", "decision"), None, "specification.seqf_decision", "seqf.decision"),
        (("seqf", "level"), 5, "specification.seqf_mismatch", "seqf.level"),
        (("seqf", "level"), 0, "specification.seqf_level", "seqf.level"),
        (("fieldOfEducation",), "0749", "specification.field_of_education", "fieldOfEducation"),
        (("fieldOfEducation",), 715, "specification.field_of_education", "fieldOfEducation"),
        (("assessmentType",), "http://data.europa.eu/snb/assessment/nope",
         "specification.unknown_term", "assessmentType"),
        (("participationForm",), "http://data.europa.eu/snb/assessment/6a4db9f11d",
         "specification.unknown_term", "participationForm"),
        (("qualityAssurance",), None, "specification.missing_field", "qualityAssurance"),
        (("supervision",), "supervised", "specification.unknown_term", "supervision"),
        (("grading", "values"), ["A", "A"], "specification.duplicate", "grading.values[1]"),
        (("grading", "values"), ["A", ""], "specification.missing_field", "grading.values[1]"),
        (("grading", "scheme"), None, "specification.missing_field", "grading.scheme"),
        (("homepage",), "ftp://yrkesakademin.example", "specification.homepage", "homepage"),
        (("homepage",), "javascript:alert(1)", "specification.homepage", "homepage"),
        (("homepage",), "https://", "specification.homepage", "homepage"),
        (("homepage",), "https://exa mple.se", "specification.homepage", "homepage"),
        (("language",), "de", "specification.language", "language"),
        (("language",), None, "specification.language", "language"),
        (("version",), 3, "specification.unknown_field", "version"),
    ],
)  # fmt: skip
def test_a_bad_field_is_refused_by_name(
    path: tuple[str | int, ...], value: object, code: str, field: str
) -> None:
    error = refused(with_path(specification_content(), path, value))
    assert error.code == code
    assert error.params["field"] == field
    assert field in error.message("sv")
    assert field in error.message("en")


def test_limits_on_outcomes_and_skills_are_named() -> None:
    outcome = specification_content()["learningOutcomes"][0]  # type: ignore[index]
    error = refused(specification_content(learningOutcomes=[outcome] * 51))
    assert (error.code, error.params["limit"]) == ("specification.too_many", 50)
    skills = [f"{ESCO_SKILL}{index:08x}-0000-4000-8000-000000000000" for index in range(31)]
    error = refused(specification_content(learningOutcomes=[{**outcome, "skills": skills}]))  # type: ignore[dict-item]
    assert error.params["field"] == "learningOutcomes[0].skills"


@pytest.mark.parametrize("content", [None, "spec", [], 42])
def test_a_specification_must_be_an_object(content: object) -> None:
    assert refused(content).code == "specification.not_object"


def test_the_swedish_message_is_swedish() -> None:
    error = refused(with_path(specification_content(), ("seqf", "level"), 5))
    assert error.message("sv") == (
        "”seqf.level”: SeQF-nivån måste vara samma som EQF-nivån (4), eftersom SeQF är "
        "relaterad nivå för nivå till EQF."
    )


# --- the missing elements of a draft ----------------------------------------------------------


def test_a_complete_specification_misses_nothing() -> None:
    assert missing_elements(specification_content()) == []
    assert missing_elements(specification_content(), issuer_country="SE") == []


@pytest.mark.parametrize("draft", [{}, None, "draft", [], {"title": 42}])
def test_an_empty_or_broken_draft_misses_every_element(draft: object) -> None:
    elements = [item.element for item in missing_elements(draft)]
    assert elements == ALL_ELEMENTS


def test_a_partial_draft_lists_what_is_left_with_a_message_in_both_languages() -> None:
    draft = {
        "title": {"sv": "Svetsning", "en": "Welding"},
        "eqfLevel": 4,
        "seqf": {"level": 4},
        "learningOutcomes": [{"text": {"sv": "Svetsar", "en": "Welds"}, "skills": []}],
    }
    missing = missing_elements(draft)
    assert [item.element for item in missing] == [
        "M6", "M7", "M8", "M9", "M10", "M11", "fieldOfEducation"
    ]  # fmt: skip
    outcomes = missing[0]
    assert outcomes == MissingElement("M6", "learningOutcomes", "element.learning_outcomes")
    assert "ESCO" in outcomes.message("en")
    assert outcomes.message("sv").startswith("Läranderesultat")


def test_an_invalid_element_counts_as_missing() -> None:
    content = specification_content(eqfLevel=12, participationForm="somewhere")
    assert [item.element for item in missing_elements(content)] == ["M8", "M10"]


@pytest.mark.parametrize(("country", "missing"), [("SE", False), (None, True), ("", True),
                                                   ("se", True), ("Sverige", True)])  # fmt: skip
def test_the_country_of_the_issuer_is_checked_when_given(
    country: str | None, missing: bool
) -> None:
    found = missing_elements(specification_content(), issuer_country=country)
    assert [item.element for item in found] == (["M3"] if missing else [])


def test_the_country_comes_second_in_annex_order() -> None:
    found = missing_elements({}, issuer_country=None)
    assert [item.element for item in found][:3] == ["M2", "M3", "M6"]
    assert found[1].message("sv").startswith("Utfärdarens land")


# --- the digest -------------------------------------------------------------------------------


def test_the_digest_is_a_multibase_sha256_multihash_of_the_canonical_json() -> None:
    content = specification_content()
    digest = content_digest(content)
    expected = hashlib.sha256(rfc8785.dumps(content)).digest()
    assert multibase.decode(digest) == b"\x12\x20" + expected
    assert digest.startswith("u")
    reordered = dict(reversed(list(content.items())))
    assert content_digest(reordered) == digest
    assert content_digest(specification_content(eqfLevel=5)) != digest


def test_a_value_json_cannot_carry_has_no_digest() -> None:
    with pytest.raises(SpecificationError) as raised:
        content_digest({"ects": float("nan")})
    assert raised.value.code == "specification.not_json"
