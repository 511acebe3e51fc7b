"""Lexical forms of JSON-LD native values in RDF (JSON-LD 1.1 API §8.2 Object to RDF)."""

from __future__ import annotations

import math

import rfc8785

from meritpass.core.documents import JsonValue
from meritpass.core.jsonld.options import invalid
from meritpass.core.rdf.terms import XSD_BOOLEAN, XSD_DOUBLE, XSD_INTEGER


def native_literal(value: bool | int | float, datatype: str | None) -> tuple[str, str]:
    """Return the lexical form and datatype of a JSON boolean or number (§8.2 steps 8-10)."""
    if value is True or value is False:
        return ("true" if value else "false"), datatype or XSD_BOOLEAN
    if isinstance(value, float) and not math.isfinite(value):
        raise invalid("invalid JSON number", value)
    integral = isinstance(value, int) or value.is_integer()
    if not integral or abs(value) >= 1e21 or datatype == XSD_DOUBLE:
        return canonical_double(float(value)), datatype or XSD_DOUBLE
    return str(int(value)), datatype or XSD_INTEGER


def canonical_double(value: float) -> str:
    """Return the canonical ``xsd:double`` form used by JSON-LD, e.g. ``5.3E0`` or ``1.0E21``."""
    mantissa, exponent = f"{value:.15E}".split("E")
    mantissa = mantissa.rstrip("0")
    if mantissa.endswith("."):
        mantissa += "0"
    return f"{mantissa}E{int(exponent)}"


def json_literal(value: JsonValue) -> str:
    """Return the canonical JSON (RFC 8785, JCS) of an ``@json`` value (§8.2 step 7)."""
    try:
        return rfc8785.dumps(value).decode("utf-8")
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        raise invalid("invalid JSON literal", error) from None
