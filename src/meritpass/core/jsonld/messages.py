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
    "jsonld.dropped_value": Message(
        en="Part of the document would be dropped by JSON-LD ({what}), so it would not be signed.",
        sv="En del av dokumentet skulle tas bort av JSON-LD ({what}) och därför inte signeras.",
    ),
    "jsonld.reserved_term": Message(
        en="“{term}” has the form of a JSON-LD keyword, which is reserved; it would be ignored.",
        sv="”{term}” har formen av ett JSON-LD-nyckelord, som är reserverat; det skulle ignoreras.",
    ),
    "jsonld.invalid_iri": Message(
        en="“{iri}” is not a well-formed IRI.",
        sv="”{iri}” är inte en välformad IRI.",
    ),
    "jsonld.invalid_language": Message(
        en="“{language}” is not a well-formed language tag (BCP 47).",
        sv="”{language}” är inte en välformad språktagg (BCP 47).",
    ),
    "jsonld.blank_node_predicate": Message(
        en="The property “{term}” is a blank node, which RDF does not allow as a predicate.",
        sv="Egenskapen ”{term}” är en blank nod, vilket RDF inte tillåter som predikat.",
    ),
    "jsonld.direction_unsupported": Message(
        en="A text with base direction “{direction}” cannot be signed: RDF has no room for it.",
        sv="En text med skrivriktning ”{direction}” kan inte signeras: RDF saknar plats för den.",
    ),
    "jsonld.too_deep": Message(
        en="The JSON-LD document is nested deeper than {limit} levels.",
        sv="JSON-LD-dokumentet är nästlat djupare än {limit} nivåer.",
    ),
    "rdf.invalid_nquads": Message(
        en="Line {line} is not valid N-Quads.",
        sv="Rad {line} är inte giltig N-Quads.",
    ),
    "rdfc.too_complex": Message(
        en="The document is too complex to canonicalize safely ({reason}).",
        sv="Dokumentet är för komplext för att kanoniseras säkert ({reason}).",
    ),
}
