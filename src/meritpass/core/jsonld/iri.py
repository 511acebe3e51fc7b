"""IRI helpers for JSON-LD: RFC 3986 §5.2 reference resolution and the shape checks JSON-LD uses."""

from __future__ import annotations

import re
from typing import Final

_ABSOLUTE: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
# Characters IRIREF excludes: an IRI holding one would corrupt the canonical N-Quads.
_WELL_FORMED: Final = re.compile(
    r'[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\#]*(?:#[^\x00-\x20<>"{}|^`\\#]*)?'
)
_KEYWORD_FORM: Final = re.compile(r"@[A-Za-z]+")
_LANGUAGE: Final = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_REFERENCE: Final = re.compile(
    r"(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.S
)


def is_absolute(value: str) -> bool:
    """Tell whether ``value`` starts with a scheme, as an absolute IRI does."""
    return _ABSOLUTE.match(value) is not None


def is_well_formed(value: str) -> bool:
    """Tell whether ``value`` is an absolute IRI that N-Quads can carry unchanged."""
    return _WELL_FORMED.fullmatch(value) is not None


def is_node_id(value: str) -> bool:
    """Tell whether ``value`` may name an RDF node: a blank node or a well-formed IRI."""
    return value.startswith("_:") or _WELL_FORMED.fullmatch(value) is not None


def has_keyword_form(value: str) -> bool:
    """Tell whether ``value`` looks like a keyword (``@`` and letters), reserved by JSON-LD 1.1."""
    return _KEYWORD_FORM.fullmatch(value) is not None


def is_language_tag(value: str) -> bool:
    """Tell whether ``value`` is a well-formed BCP 47 language tag (the shape JSON-LD checks)."""
    return _LANGUAGE.fullmatch(value) is not None


def resolve(base: str | None, reference: str) -> str:
    """Resolve ``reference`` against ``base`` (RFC 3986 §5.2.2); without a base it stays as is."""
    if base is None:
        return reference
    match = _REFERENCE.fullmatch(reference)
    base_match = _REFERENCE.fullmatch(base)
    if match is None or base_match is None:  # pragma: no cover - the pattern matches any text
        return reference
    scheme, authority, path, query, fragment = match.groups()
    b_scheme, b_authority, b_path, b_query, _ = base_match.groups()
    if scheme is not None:
        return _join(scheme, authority, _remove_dots(path), query, fragment)
    if authority is not None:
        return _join(b_scheme, authority, _remove_dots(path), query, fragment)
    if not path:
        return _join(
            b_scheme, b_authority, b_path, query if query is not None else b_query, fragment
        )
    if not path.startswith("/"):
        path = _merge(b_authority, b_path, path)
    return _join(b_scheme, b_authority, _remove_dots(path), query, fragment)


def _merge(base_authority: str | None, base_path: str, path: str) -> str:
    if base_authority is not None and not base_path:
        return "/" + path
    return base_path[: base_path.rfind("/") + 1] + path


def _remove_dots(path: str) -> str:
    """Remove ``.`` and ``..`` segments (RFC 3986 §5.2.4)."""
    if "." not in path:
        return path
    output: list[str] = []
    rest = path
    while rest:
        if rest.startswith("../"):
            rest = rest[3:]
        elif rest.startswith("./"):
            rest = rest[2:]
        elif rest.startswith("/./") or rest == "/.":
            rest = "/" + rest[3:]
        elif rest.startswith("/../") or rest == "/..":
            rest = "/" + rest[4:]
            if output:
                output.pop()
        elif rest in {".", ".."}:
            rest = ""
        else:
            cut = rest.find("/", 1)
            cut = len(rest) if cut < 0 else cut
            output.append(rest[:cut])
            rest = rest[cut:]
    return "".join(output)


def _join(
    scheme: str | None,
    authority: str | None,
    path: str,
    query: str | None,
    fragment: str | None,
) -> str:
    text = f"{scheme}:" if scheme is not None else ""
    if authority is not None:
        text += "//" + authority
    text += path
    if query is not None:
        text += "?" + query
    if fragment is not None:
        text += "#" + fragment
    return text
