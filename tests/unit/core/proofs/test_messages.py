"""Every code the keys, DID and proofs areas use has a Swedish and an English text."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from string import Formatter

import pytest

import meritpass.core.did
import meritpass.core.keys
import meritpass.core.proofs
from meritpass.core.messages import MESSAGES as CORE_MESSAGES
from meritpass.core.messages import catalogue
from meritpass.core.proofs.messages import MESSAGES

PACKAGES = (meritpass.core.keys, meritpass.core.did, meritpass.core.proofs)
SOURCES = [
    path
    for package in PACKAGES
    for path in Path(inspect.getfile(package)).parent.rglob("*.py")
    if path.name != "messages.py"
]
CODE = re.compile(r'"((?:proof|key|did|multibase|resolution)\.[a-z0-9_]+)"')
NOT_CODES = {"did.json"}  # the did:web document name
USED = {code for path in SOURCES for code in CODE.findall(path.read_text("utf-8"))} - NOT_CODES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def test_the_scan_found_the_sources() -> None:
    assert len(SOURCES) >= 15
    assert {"proof.invalid_signature", "did.web_host", "key.pair_mismatch"} <= USED


def test_every_code_used_has_texts() -> None:
    assert USED - MESSAGES.keys() - CORE_MESSAGES.keys() == set()


def test_every_text_is_used() -> None:
    assert MESSAGES.keys() - USED == set()


def test_the_texts_are_in_the_catalogue() -> None:
    assert all(catalogue()[code] is message for code, message in MESSAGES.items())


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_have_the_same_placeholders(code: str) -> None:
    message = MESSAGES[code]
    assert placeholders(message.en) == placeholders(message.sv)
    assert message.en != message.sv
