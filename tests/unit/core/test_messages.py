"""Every code the core can raise or report has an English and a Swedish text."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from meritpass.core import errors
from meritpass.core.errors import JsonInputError
from meritpass.core.messages import catalogue, render

CORE = Path(__file__).resolve().parents[3] / "src" / "meritpass"
AREAS = (
    r"(?:json|jsonld|rdf|rdfc|key|multibase|did|resolution|proof|status|format|issuer|holder"
    r"|trust|approval|validity|presentation|report|input|error|level|vocabulary|isced"
    r"|specification|element|credential)"
)
CODE = re.compile(rf"{AREAS}\.[a-z0-9_]+\Z")
NOT_CODES = {"did.json"}  # the did:web document's file name
DEFAULT_CODES = {
    error.default_code
    for error in vars(errors).values()
    if isinstance(error, type) and issubclass(error, errors.MeritpassError)
}


def code_literals() -> dict[str, str]:
    """Return every string literal shaped like a message code, outside the message tables."""
    found: dict[str, str] = {}
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.match(node.value)
                and node.value not in NOT_CODES
            ):
                found.setdefault(node.value, f"{path.relative_to(CORE)}:{node.lineno}")
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_the_scan_finds_codes() -> None:
    literals = code_literals()
    assert "json.duplicate_key" in literals
    assert "proof.invalid_signature" in literals
    assert len(literals) > 150


@pytest.mark.parametrize(("code", "where"), sorted(code_literals().items()))
def test_every_code_in_the_source_has_texts(code: str, where: str) -> None:
    assert code in catalogue(), f"{code} (used at {where}) has no message"


def test_every_text_is_used() -> None:
    unused = catalogue().keys() - code_literals().keys() - DEFAULT_CODES
    assert unused == set()


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_both_languages_say_the_same_things(code: str) -> None:
    message = catalogue()[code]
    assert message.en.strip()
    assert message.sv.strip()
    assert placeholders(message.en) == placeholders(message.sv)


def test_swedish_is_not_a_copy_of_english() -> None:
    same = [code for code, message in catalogue().items() if message.en == message.sv]
    assert same == []


def test_errors_render_in_the_requested_language() -> None:
    error = JsonInputError("json.duplicate_key", key="id")
    assert str(error) == "The key “id” appears twice in one object."
    assert error.message("sv") == "Nyckeln ”id” förekommer två gånger i samma objekt."


def test_missing_parameters_and_unknown_codes_never_raise() -> None:
    assert (
        render("json.duplicate_key", "sv", {})
        == "Nyckeln ”{key}” förekommer två gånger i samma objekt."
    )
    assert render("no.such_code", "en", {}) == "no.such_code"
