"""The catalogue of user-facing texts, in English and Swedish, keyed by stable codes.

Each area of the core keeps its own table (a ``MESSAGES`` mapping in its ``messages.py``); this
module joins them. Texts are ``str.format`` templates over the parameters of the error or check.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from string import Formatter
from typing import Final

LANGUAGES: Final = ("sv", "en")

_AREAS: Final = (
    "meritpass.core.credentials.messages",
    "meritpass.core.did.messages",
    "meritpass.core.jsonld.messages",
    "meritpass.core.keys.messages",
    "meritpass.core.proofs.messages",
    "meritpass.core.status.messages",
    "meritpass.core.verification.messages",
    "meritpass.core.vocabularies.messages",
)


@dataclass(frozen=True, slots=True)
class Message:
    """One text in both languages."""

    en: str
    sv: str

    def text(self, language: str) -> str:
        return self.sv if language == "sv" else self.en


MESSAGES: Final[Mapping[str, Message]] = {
    "error": Message(en="Something went wrong.", sv="Något gick fel."),
    "input.invalid": Message(en="The input cannot be used.", sv="Indata kan inte användas."),
    "json.invalid": Message(
        en="The document is not valid JSON: {reason} (line {line}, column {column}).",
        sv="Dokumentet är inte giltig JSON: {reason} (rad {line}, kolumn {column}).",
    ),
    "json.not_utf8": Message(
        en="The document is not valid UTF-8 (byte {position}).",
        sv="Dokumentet är inte giltig UTF-8 (byte {position}).",
    ),
    "json.too_large": Message(
        en="The document is {size} bytes; the limit is {limit} bytes.",
        sv="Dokumentet är {size} byte; gränsen är {limit} byte.",
    ),
    "json.too_deep": Message(
        en="The document is nested deeper than {limit} levels.",
        sv="Dokumentet är nästlat djupare än {limit} nivåer.",
    ),
    "json.duplicate_key": Message(
        en="The key “{key}” appears twice in one object.",
        sv="Nyckeln ”{key}” förekommer två gånger i samma objekt.",
    ),
    "json.bad_number": Message(
        en="The number {number} cannot be represented exactly.",
        sv="Talet {number} kan inte återges exakt.",
    ),
    "json.lone_surrogate": Message(
        en="The text at {path} contains an unpaired UTF-16 surrogate.",
        sv="Texten vid {path} innehåller ett oparat UTF-16-surrogat.",
    ),
    "json.not_object": Message(
        en="The document must be a JSON object, not {kind}.",
        sv="Dokumentet måste vara ett JSON-objekt, inte {kind}.",
    ),
    "json.bad_value": Message(
        en="The value at {path} is a {kind}, which JSON cannot carry.",
        sv="Värdet vid {path} är av typen {kind}, som JSON inte kan bära.",
    ),
    "key.invalid": Message(
        en="The key is not a valid Ed25519 Multikey: {reason}.",
        sv="Nyckeln är inte en giltig Ed25519-Multikey: {reason}.",
    ),
    "key.no_private_key": Message(
        en="The key {key} has no private part, so it cannot sign.",
        sv="Nyckeln {key} saknar privat del och kan därför inte signera.",
    ),
    "did.invalid": Message(
        en="“{did}” is not a valid DID: {reason}.",
        sv="”{did}” är inte en giltig DID: {reason}.",
    ),
    "did.unsupported_method": Message(
        en="The DID method of “{did}” is not supported (supported: did:key, did:web).",
        sv="DID-metoden i ”{did}” stöds inte (stöds: did:key, did:web).",
    ),
    "resolution.failed": Message(
        en="{what} could not be retrieved: {reason}.",
        sv="{what} kunde inte hämtas: {reason}.",
    ),
    "proof.cannot_create": Message(
        en="The proof cannot be created: {reason}.",
        sv="Beviset kan inte skapas: {reason}.",
    ),
}


@cache
def catalogue() -> Mapping[str, Message]:
    """Return every message of every area, keyed by code."""
    merged = dict(MESSAGES)
    for area in _AREAS:
        table: Mapping[str, Message] = importlib.import_module(area).MESSAGES
        clash = merged.keys() & table.keys()
        if clash:
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, language: str, params: Mapping[str, object]) -> str:
    """Return the text for ``code`` in ``language``; an unknown code renders as itself."""
    message = catalogue().get(code)
    if message is None:
        return code
    return Formatter().vformat(message.text(language), (), _Lenient(params))
