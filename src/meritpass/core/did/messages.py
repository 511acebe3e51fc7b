"""Texts for DID errors (joined into the catalogue through ``proofs.messages``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "did.key_invalid": Message(
        en="“{did}” is not a valid did:key.",
        sv="”{did}” är ingen giltig did:key.",
    ),
    "did.key_unsupported": Message(
        en="“{did}” is a did:key for another key type than Ed25519, which is not supported.",
        sv="”{did}” är en did:key för en annan nyckeltyp än Ed25519, och den stöds inte.",
    ),
    "did.unsupported_key_type": Message(
        en="A key cannot be presented as “{type}” (supported: Multikey, "
        "Ed25519VerificationKey2020).",
        sv="En nyckel kan inte återges som ”{type}” (stöds: Multikey, Ed25519VerificationKey2020).",
    ),
    "did.web_invalid": Message(
        en="“{did}” is not a did:web identifier.",
        sv="”{did}” är ingen did:web-identifierare.",
    ),
    "did.web_host": Message(
        en="The host in “{did}” is not a valid lower-case domain name; IP addresses and "
        "single-label names such as localhost are not allowed.",
        sv="Värddelen i ”{did}” är inget giltigt domännamn med gemener; IP-adresser och "
        "namn utan punkt, som localhost, är inte tillåtna.",
    ),
    "did.web_port": Message(
        en="The port in “{did}” is not a number from 1 to 65535.",
        sv="Porten i ”{did}” är inget tal mellan 1 och 65535.",
    ),
    "did.web_path": Message(
        en="“{did}” has an empty or invalid path segment (allowed: letters, digits, “.”, “-” "
        "and “_”; not “.”, “..” or “.well-known”).",
        sv="”{did}” har ett tomt eller ogiltigt sökvägssegment (tillåtet: bokstäver, siffror, "
        "”.”, ”-” och ”_”; inte ”.”, ”..” eller ”.well-known”).",
    ),
    "did.web_url": Message(
        en="“{url}” is not an HTTPS address that a did:web can name (no user name, query, "
        "fragment or empty path segment).",
        sv="”{url}” är ingen HTTPS-adress som en did:web kan ange (utan användarnamn, "
        "frågedel, fragment eller tomma sökvägssegment).",
    ),
    "did.fetch_failed": Message(
        en="The DID document of {did} could not be fetched from {url}.",
        sv="DID-dokumentet för {did} kunde inte hämtas från {url}.",
    ),
    "did.document_invalid": Message(
        en="The DID document of {did} is not a valid JSON object.",
        sv="DID-dokumentet för {did} är inget giltigt JSON-objekt.",
    ),
    "did.document_id_mismatch": Message(
        en="The document obtained for {did} identifies itself as {found}.",
        sv="Dokumentet som hämtades för {did} anger sig vara {found}.",
    ),
    "did.document_without_id": Message(
        en="A DID document without an “id” cannot be registered.",
        sv="Ett DID-dokument utan ”id” kan inte registreras.",
    ),
    "did.not_resolvable": Message(
        en="No DID document is available for {did}.",
        sv="Det finns inget DID-dokument att tillgå för {did}.",
    ),
    "did.unknown_purpose": Message(
        en="“{purpose}” is not a verification relationship (such as assertionMethod or "
        "authentication).",
        sv="”{purpose}” är ingen verifieringsrelation (som assertionMethod eller authentication).",
    ),
    "did.vm_id_invalid": Message(
        en="“{id}” does not identify a verification method (a URL ending in #fragment).",
        sv="”{id}” pekar inte ut någon verifieringsmetod (en URL som slutar med #fragment).",
    ),
    "did.vm_not_found": Message(
        en="The key {id} is not listed in the DID document of {did}.",
        sv="Nyckeln {id} finns inte i DID-dokumentet för {did}.",
    ),
    "did.vm_ambiguous": Message(
        en="The DID document lists different keys with the same id {id}.",
        sv="DID-dokumentet listar olika nycklar med samma id {id}.",
    ),
    "did.vm_not_authorized": Message(
        en="The key {id} is not authorized for {purpose} in its DID document.",
        sv="Nyckeln {id} är inte behörig för {purpose} enligt sitt DID-dokument.",
    ),
    "did.vm_unsupported_type": Message(
        en="The key {id} is of type “{type}”; only Ed25519 keys of type Multikey or "
        "Ed25519VerificationKey2020 are supported.",
        sv="Nyckeln {id} är av typen ”{type}”; bara Ed25519-nycklar av typen Multikey eller "
        "Ed25519VerificationKey2020 stöds.",
    ),
    "did.vm_wrong_controller": Message(
        en="The key {id} names {controller} as its controller, not the document that lists it.",
        sv="Nyckeln {id} anger {controller} som kontrollant, inte dokumentet som listar den.",
    ),
    "did.vm_malformed": Message(
        en="The key {id} has an invalid “{property}” value.",
        sv="Nyckeln {id} har ett ogiltigt värde för ”{property}”.",
    ),
}
