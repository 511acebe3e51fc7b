"""RDF terms as canonical N-Quads strings (RDF 1.2 N-Quads §4, canonical form)."""

from __future__ import annotations

from typing import Final, TypeAlias

Quad: TypeAlias = tuple[str, str, str, str]
Dataset: TypeAlias = list[Quad]

DEFAULT_GRAPH: Final = ""
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING: Final = XSD + "string"
XSD_BOOLEAN: Final = XSD + "boolean"
XSD_INTEGER: Final = XSD + "integer"
XSD_DOUBLE: Final = XSD + "double"
RDF_LANG_STRING: Final = RDF + "langString"
RDF_JSON: Final = RDF + "JSON"
RDF_TYPE: Final = "<" + RDF + "type>"
RDF_FIRST: Final = "<" + RDF + "first>"
RDF_REST: Final = "<" + RDF + "rest>"
RDF_NIL: Final = "<" + RDF + "nil>"

_ECHAR: Final = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"}
_ESCAPES: Final[dict[int, str]] = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    **_ECHAR,
    ord('"'): '\\"',
    ord("\\"): "\\\\",
}


def iri(value: str) -> str:
    """Return the N-Quads term of the IRI ``value`` (already checked to be well formed)."""
    return "<" + value + ">"


def blank(label: str) -> str:
    """Return the N-Quads term of the blank node labelled ``label``."""
    return "_:" + label


def is_blank(term: str) -> bool:
    """Tell whether ``term`` is a blank node."""
    return term.startswith("_:")


def escape(lexical: str) -> str:
    """Escape a literal's lexical form: ECHAR for ``\\b \\t \\n \\f \\r " \\\\``, else ``\\uXXXX``.

    Other control characters (U+0000-U+001F, U+007F) become upper-case UCHARs; everything
    else is written as itself.
    """
    return lexical.translate(_ESCAPES)


def literal(lexical: str, datatype: str = XSD_STRING, language: str | None = None) -> str:
    """Return the canonical N-Quads term of a literal; ``xsd:string`` is written without type."""
    text = '"' + lexical.translate(_ESCAPES) + '"'
    if language is not None:
        return text + "@" + language
    if datatype == XSD_STRING:
        return text
    return text + "^^<" + datatype + ">"


def quad_line(quad: Quad) -> str:
    """Return ``quad`` as one canonical N-Quads line, newline included."""
    subject, predicate, obj, graph = quad
    if graph:
        return f"{subject} {predicate} {obj} {graph} .\n"
    return f"{subject} {predicate} {obj} .\n"
