"""Issuing errors name their field and read in Swedish and English."""

from __future__ import annotations

from string import Formatter

import pytest

from meritpass.core.errors import InputError
from meritpass.issuing.errors import FIELD_LABELS, MESSAGES, InvalidAwardError, IssuingError


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(code: str) -> None:
    message = MESSAGES[code]
    assert message.en.strip()
    assert message.sv.strip()
    assert message.sv != message.en
    names = {name for _, name, _, _ in Formatter().parse(message.en) if name}
    assert names == {name for _, name, _, _ in Formatter().parse(message.sv) if name}


def test_a_length_error_names_its_field_in_each_language() -> None:
    error = IssuingError("issuing.too_long", field="name", limit=200, length=250)
    assert isinstance(error, InputError)
    assert error.field == "name"
    assert error.message("en") == "Name: at most 200 characters (this has 250)."
    assert error.message("sv") == "Namn: högst 200 tecken (det här har 250)."


def test_an_invalid_award_lists_every_error() -> None:
    error = InvalidAwardError(
        [IssuingError("issuing.name_missing", field="name"), IssuingError("issuing.date_missing")]
    )
    assert error.message("en") == (
        "The credential cannot be issued: Name: enter the learner's name. "
        "Date: enter the date of issuing."
    )


def test_every_csv_column_has_a_label() -> None:
    assert {"name", "email", "did", "date", "grade", "idempotency_key"} <= set(FIELD_LABELS)
