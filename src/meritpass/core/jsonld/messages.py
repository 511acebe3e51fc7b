"""Texts for JSON-LD and canonicalization errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "jsonld.invalid": Message(
        en="The document is not valid JSON-LD: {reason}.",
        sv="Dokumentet är inte giltig JSON-LD: {reason}.",
    ),
    "jsonld.unknown_context": Message(
        en="The context {url} is not known to this service, and contexts are never fetched.",
        sv="Kontexten {url} är okänd för tjänsten, och kontexter hämtas aldrig från nätet.",
    ),
    "jsonld.undefined_term": Message(
        en="The term “{term}” is not defined by any context, so it would not be signed.",
        sv="Termen ”{term}” definieras inte av någon kontext och skulle därför inte signeras.",
    ),
    "jsonld.relative_iri": Message(
        en="“{iri}” is a relative IRI; a signed document may only use absolute IRIs.",
        sv="”{iri}” är en relativ IRI; ett signerat dokument får bara använda absoluta IRI:er.",
    ),
    "rdfc.too_complex": Message(
        en="The document is too complex to canonicalize safely ({reason}).",
        sv="Dokumentet är för komplext för att kanoniseras säkert ({reason}).",
    ),
}
