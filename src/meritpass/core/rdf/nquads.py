"""Canonical N-Quads: serialize a dataset, and parse N-Quads text into one (RDF 1.2 N-Quads)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from meritpass.core.errors import InputError
from meritpass.core.rdf.terms import DEFAULT_GRAPH, Dataset, Quad, blank, iri, literal, quad_line

_IRI: Final = r'<((?:[^\x00-\x20<>"{}|^`\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>'
_BLANK: Final = r'_:([^\s.<>"]+(?:\.+[^\s.<>"]+)*)'
_STRING: Final = r'"((?:[^"\\\n\r]|\\[tbnrf"\'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)"'
_LITERAL: Final = _STRING + r"(?:@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)|\^\^" + _IRI + ")?"
_LINE: Final = re.compile(
    r"[ \t]*(?:" + _IRI + "|" + _BLANK + r")[ \t]*"
    r"" + _IRI + r"[ \t]*"
    r"(?:" + _IRI + "|" + _BLANK + "|" + _LITERAL + r")[ \t]*"
    r"(?:(?:" + _IRI + "|" + _BLANK + r")[ \t]*)?"
    r"\.[ \t]*(?:#.*)?"
)
_ESCAPE: Final = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ECHARS: Final = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'"}


def serialize(dataset: Iterable[Quad]) -> str:
    """Return the quads as canonical N-Quads lines, in the order given."""
    return "".join(map(quad_line, dataset))


def parse(text: str) -> Dataset:
    """Parse N-Quads ``text`` into a dataset of canonical terms, dropping duplicate quads."""
    quads: dict[Quad, None] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise InputError("rdf.invalid_nquads", line=number)
        quads[_quad(match.groups())] = None
    return list(quads)


def _quad(groups: tuple[str | None, ...]) -> Quad:
    s_iri, s_blank, predicate, o_iri, o_blank, lexical, language, datatype = groups[:8]
    g_iri, g_blank = groups[8:]
    return (
        _node(s_iri, s_blank),
        iri(_unescape(predicate or "")),
        _object(o_iri, o_blank, lexical, language, datatype),
        DEFAULT_GRAPH if g_iri is None and g_blank is None else _node(g_iri, g_blank),
    )


def _node(iri_text: str | None, label: str | None) -> str:
    return iri(_unescape(iri_text)) if iri_text is not None else blank(label or "")


def _object(
    iri_text: str | None,
    label: str | None,
    lexical: str | None,
    language: str | None,
    datatype: str | None,
) -> str:
    if lexical is None:
        return _node(iri_text, label)
    value = _unescape(lexical)
    if language is not None:
        return literal(value, language=language)
    if datatype is not None:
        return literal(value, _unescape(datatype))
    return literal(value)


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    return _ECHARS.get(code, code)
