"""Reading partial content, and the editor's round trip from content to form and back."""

from __future__ import annotations

from typing import Any

import pytest

from meritpass.catalog import content
from meritpass.catalog.errors import CatalogError, IncompleteSpecificationError, status_name
from meritpass.catalog.forms import SpecificationForm
from meritpass.core.credentials.microcredential import MissingElement, missing_elements
from meritpass.core.vocabularies import controlled_lists

SKILL = "http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea"


@pytest.mark.parametrize(
    "odd",
    [
        {},
        {"title": "just a string", "eqfLevel": "4", "learningOutcomes": "none"},
        {"title": None, "eqfLevel": True, "fieldOfEducation": "0777", "learningOutcomes": [1]},
        {"title": {"sv": 3}, "eqfLevel": 9, "learningOutcomes": [{"skills": "x"}]},
    ],
)
def test_odd_partial_content_reads_as_empty_values(odd: dict[str, Any]) -> None:
    columns = content.denormalised(odd)
    assert columns["eqf_level"] is None
    assert columns["field_of_education"] == ""
    assert content.skill_uris(odd) == []
    assert content.language(odd) == "sv"


def test_search_columns_of_complete_content() -> None:
    columns = content.denormalised(
        {"title": {"sv": "S" * 250, "en": "Welding"}, "eqfLevel": 4, "fieldOfEducation": "0715"}
    )
    assert columns == {
        "title_sv": "S" * 200,
        "title_en": "Welding",
        "eqf_level": 4,
        "field_of_education": "0715",
    }


def test_skills_are_listed_once_in_order() -> None:
    other = SKILL.replace("530cb489", "11111111")
    outcomes = [{"skills": [SKILL, other]}, {"skills": [other, ""]}]
    assert content.skill_uris({"learningOutcomes": outcomes}) == [SKILL, other]


def test_text_falls_back_to_the_other_language() -> None:
    value = {"title": {"sv": "", "en": "Welding"}}
    assert content.text(value, "title", "sv") == "Welding"
    assert content.exact_text(value["title"], "sv") == ""


FULL: dict[str, Any] = {
    "language": "en",
    "title": {"sv": "Svetsning", "en": "Welding"},
    "description": {"sv": "Kurs", "en": "Course"},
    "workload": {"ects": "7.5", "hours": None},
    "eqfLevel": 4,
    "seqf": {"level": 4, "decision": "MYH 2025/1"},
    "fieldOfEducation": "0715",
    "assessmentType": controlled_lists.ASSESSMENT_TYPES.terms[0].uri,
    "participationForm": controlled_lists.PARTICIPATION_FORMS.terms[0].uri,
    "qualityAssurance": controlled_lists.QUALITY_ASSURANCE_TYPES.terms[0].uri,
    "supervision": controlled_lists.SUPERVISION_AND_IDENTITY.terms[0].uri,
    "prerequisites": {"sv": "Inga", "en": ""},
    "grading": {"scheme": {"sv": "U/G", "en": "Fail/pass"}, "values": ["U", "G"]},
    "stackability": {"sv": "Fristående", "en": "Stand-alone"},
    "furtherInformation": {"sv": "Mer", "en": "More"},
    "homepage": "https://example.org/welding",
}


def _as_posted(initial: dict[str, Any]) -> dict[str, str]:
    return {key: "" if value is None else str(value) for key, value in initial.items()}


def test_the_form_gives_back_the_content_it_was_filled_with() -> None:
    form = SpecificationForm(_as_posted(SpecificationForm.initial_from(FULL)))
    assert form.is_valid(), form.errors
    assert form.content([]) == FULL


def test_empty_elements_are_left_out_of_a_draft() -> None:
    form = SpecificationForm({"language": "sv", "title_sv": "  Bara titel  ", "ects": "10.50"})
    assert form.is_valid(), form.errors
    assert form.content([]) == {
        "language": "sv",
        "title": {"sv": "Bara titel", "en": ""},
        "workload": {"ects": "10.5", "hours": None},
    }


def test_grades_are_split_on_commas_once_each() -> None:
    form = SpecificationForm({"language": "sv", "grading_values": " A, B ,, A,C "})
    assert form.is_valid(), form.errors
    assert form.content([])["grading"] == {
        "scheme": {"sv": "", "en": ""},
        "values": ["A", "B", "C"],
    }


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"seqf_level": "4"}, "seqf_decision"),
        ({"seqf_decision": "MYH 2025/1"}, "seqf_level"),
        ({"ects": "0"}, "ects"),
        ({"ects": "1.234"}, "ects"),
        ({"hours": "-3"}, "hours"),
        ({"eqf_level": "9"}, "eqf_level"),
        ({"field_of_education": "0777"}, "field_of_education"),
        ({"assessment_type": "urn:nothing"}, "assessment_type"),
        ({"homepage": "not a web address"}, "homepage"),
        ({"title_sv": "x" * 201}, "title_sv"),
    ],
)
def test_values_that_cannot_be_right_are_refused_at_their_field(
    data: dict[str, str], field: str
) -> None:
    form = SpecificationForm({"language": "sv", **data})
    assert not form.is_valid()
    assert field in form.errors


def test_the_refusal_of_a_submission_lists_every_missing_element_in_both_languages() -> None:
    missing = missing_elements({}, issuer_country=None)
    error = IncompleteSpecificationError(missing)
    assert isinstance(error, CatalogError)
    assert error.missing == tuple(missing)
    english, swedish = error.message("en"), error.message("sv")
    assert "Title: in Swedish and English, at most 200 characters. (M2)" in english
    assert "Titel: på svenska och engelska, högst 200 tecken. (M2)" in swedish
    assert "Field of education: an ISCED-F 2013 field." in english
    assert "(fieldOfEducation)" not in english
    assert all(f"({item.element})" in english for item in missing if item.element[0] == "M")


def test_messages_name_the_status_in_the_language() -> None:
    error = CatalogError("catalog.not_draft", number=2, status=status_name("approved"))
    assert error.message("en").startswith(
        "Version 2 is approved: its content can no longer change."
    )
    assert error.message("sv").startswith("Version 2 är godkänd:")
    assert MissingElement("M2", "title", "element.title").message("sv").startswith("Titel:")
