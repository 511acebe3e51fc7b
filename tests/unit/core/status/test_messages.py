"""Every status code has a Swedish and an English text with the same placeholders."""

from __future__ import annotations

import inspect
import re
from string import Formatter

import pytest

from meritpass.core.messages import catalogue
from meritpass.core.status import allocation, bitstring_status_list, credential, entry, validate
from meritpass.core.status.messages import MESSAGES

MODULES = (allocation, bitstring_status_list, credential, entry, validate)
USED = {
    code
    for module in MODULES
    for code in re.findall(r'"(status\.[a-z0-9_]+)"', inspect.getsource(module))
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def test_every_code_the_status_area_uses_has_texts() -> None:
    assert USED - MESSAGES.keys() == set()


def test_every_text_is_used() -> None:
    assert MESSAGES.keys() - USED - {"status.invalid_list"} == set()  # errors.py's default code


def test_the_status_texts_are_in_the_catalogue() -> None:
    assert all(catalogue()[code] is message for code, message in MESSAGES.items())


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_have_the_same_placeholders(code: str) -> None:
    message = MESSAGES[code]
    assert placeholders(message.en) == placeholders(message.sv)
    assert message.en != message.sv
