"""One learner's input, read from text and checked against a specification's rules."""

from __future__ import annotations

from datetime import date

import pytest

from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing.validation import LearnerInput, Rules, check, check_key, default_key, read

TODAY = date(2026, 11, 24)
GRADED = Rules(grades=("G", "VG"), first_date=date(2026, 10, 1))


def learner(**changes: object) -> LearnerInput:
    values: dict[str, object] = {
        "name": "Ann",
        "email": "ann@example.org",
        "did": None,
        "awarded_on": TODAY,
        "grade": "G",
    }
    values.update(changes)
    return LearnerInput(**values)  # type: ignore[arg-type]


def fields(errors: list) -> list[str | None]:
    return [error.field for error in errors]


def test_text_input_is_trimmed_and_typed() -> None:
    found, errors = read(
        {
            "name": "  Ann   Andersson ",
            "email": " ann@example.org ",
            "date": "2026-11-02",
            "did": "",
        }
    )
    assert errors == []
    assert found == LearnerInput("Ann Andersson", "ann@example.org", None, date(2026, 11, 2), None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, ["name", "email", "date"]),
        ({"name": "A", "email": "a@b.se", "date": "24/11/2026"}, ["date"]),
        ({"name": "A", "email": "a@b.se", "date": "2026-02-30"}, ["date"]),
        ({"name": "A", "email": "a@", "date": "2026-11-24"}, ["email"]),
        ({"name": "A", "email": "a@b.se", "date": "2026-11-24", "did": "did:web:"}, ["did"]),
        ({"name": "A", "email": "a@b.se", "date": "2026-11-24", "grade": "x" * 101}, ["grade"]),
    ],
)
def test_unreadable_input_names_each_field(raw: dict, expected: list[str]) -> None:
    found, errors = read(raw)
    assert found is None
    assert fields(errors) == expected


def test_valid_dids_pass() -> None:
    did_key = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    for did in (did_key, "did:web:example.org:people:ann"):
        assert check(learner(did=did), GRADED, today=TODAY) == []


def test_the_rules_of_a_version() -> None:
    assert check(learner(grade="A"), GRADED, today=TODAY)[0].field == "grade"
    assert check(learner(grade=None), GRADED, today=TODAY) == []  # a grade may be left out
    free = Rules(grades=(), first_date=None)
    assert check(learner(grade="92 %"), free, today=TODAY) == []
    ungraded = Rules(grades=None, first_date=None)
    assert check(learner(grade="G"), ungraded, today=TODAY)[0].code == "issuing.grade_not_graded"
    assert check(learner(awarded_on=date(2026, 11, 25)), GRADED, today=TODAY)[0].code == (
        "issuing.date_future"
    )
    assert check(learner(awarded_on=date(2026, 9, 30)), GRADED, today=TODAY)[0].code == (
        "issuing.date_before_publication"
    )
    assert check(learner(awarded_on=date(2026, 10, 1)), GRADED, today=TODAY) == []


def test_rules_are_read_from_the_content() -> None:
    graded = SpecificationVersion(content={"grading": {"scheme": {}, "values": ["A", "B"]}})
    assert Rules.of(graded, first_date=None).grades == ("A", "B")
    assert Rules.of(SpecificationVersion(content={"grading": None}), first_date=None).grades is None


def test_idempotency_keys() -> None:
    assert check_key(None) == []
    assert check_key("lms:42_a-b.c") == []
    assert check_key("has space")[0].field == "idempotency_key"
    assert check_key("x" * 101) != []
    version = SpecificationVersion()
    same = default_key(version, learner(email="ANN@example.org"))
    assert same == default_key(version, learner(name="Other"))
    assert same != default_key(version, learner(awarded_on=date(2026, 11, 1)))
    assert len(same) == 64
