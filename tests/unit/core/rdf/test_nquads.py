"""Canonical N-Quads terms, serialization and parsing."""

from __future__ import annotations

import pytest

from meritpass.core.errors import InputError
from meritpass.core.rdf import nquads
from meritpass.core.rdf.terms import XSD_INTEGER, blank, iri, literal, quad_line


@pytest.mark.parametrize(
    ("lexical", "written"),
    [
        ('say "hi"\\', '"say \\"hi\\"\\\\"'),
        ("\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'),
        ("\x00\x01\x0b\x1f\x7f", '"\\u0000\\u0001\\u000B\\u001F\\u007F"'),
        ("åäö ∞ 🌃 \u0080", '"åäö ∞ 🌃 \u0080"'),
    ],
)
def test_literals_escape_only_what_canonical_n_quads_escapes(lexical: str, written: str) -> None:
    assert literal(lexical) == written


def test_literal_forms() -> None:
    assert literal("5", XSD_INTEGER) == '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert literal("hej", language="sv") == '"hej"@sv'
    assert literal("x", "http://www.w3.org/2001/XMLSchema#string") == '"x"'


def test_quad_lines_with_and_without_graph() -> None:
    quad = (iri("urn:s"), iri("urn:p"), blank("b0"), "")
    assert quad_line(quad) == "<urn:s> <urn:p> _:b0 .\n"
    assert quad_line((*quad[:3], iri("urn:g"))) == "<urn:s> <urn:p> _:b0 <urn:g> .\n"


def test_parse_decodes_escapes_and_round_trips() -> None:
    text = (
        '<urn:\\u0065x> <urn:p> "a\\u0022\\U0001F303\\t" <urn:g> .\n'
        '_:x <urn:p> "1"^^<urn:dt> .\n'
        '_:x <urn:p> "hej"@sv-SE .\n'
        "# a comment\n\n"
        "_:x <urn:p> _:y .\n"
    )
    dataset = nquads.parse(text)
    assert dataset[0] == ("<urn:ex>", "<urn:p>", '"a\\"🌃\\t"', "<urn:g>")
    assert nquads.parse(nquads.serialize(dataset)) == dataset
    assert len(dataset) == 4


def test_parse_drops_duplicate_quads() -> None:
    assert len(nquads.parse("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> <urn:o> .\n")) == 1


@pytest.mark.parametrize(
    "line",
    ["<urn:s> <urn:p> .", '<urn:s> "p" <urn:o> .', "<urn:s> <urn:p> <urn:o>", "<a b> <p> <o> ."],
)
def test_parse_refuses_malformed_lines(line: str) -> None:
    with pytest.raises(InputError) as raised:
        nquads.parse(line)
    assert raised.value.code == "rdf.invalid_nquads"
