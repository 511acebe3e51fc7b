"""Registry errors name their field and read in Swedish and English."""

from __future__ import annotations

import pytest

from meritpass.core.errors import InputError
from meritpass.core.messages import Message
from meritpass.registry.errors import MESSAGES, RegistryError


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_exists_in_both_languages(code: str) -> None:
    message = MESSAGES[code]
    assert message.en.strip()
    assert message.sv.strip()
    assert message.sv != message.en


def test_the_error_is_an_input_error_with_its_field() -> None:
    error = RegistryError("registry.eqf_level_invalid", field="eqf_levels", value="9")
    assert isinstance(error, InputError)
    assert error.field == "eqf_levels"
    assert error.message("en") == "EQF levels: “9” is not a level; the levels are 1 to 8."
    assert error.message("sv") == "EQF-nivåer: ”9” är ingen nivå; nivåerna är 1 till 8."
    assert str(error) == error.message("en")


def test_organisation_names_follow_the_language() -> None:
    error = RegistryError("registry.not_provider", name=Message(en="The Guild", sv="Skrået"))
    assert error.message("en").endswith("The Guild is not one.")
    assert error.message("sv").endswith("Skrået är ingen.")
    assert error.field is None
