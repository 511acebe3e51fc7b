"""Texts for the proofs area."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "proof.verified": Message(
        en="The proof is valid (signed with {verification_method}).",
        sv="Beviset är giltigt (signerat med {verification_method}).",
    ),
    "proof.key_mismatch": Message(
        en="The key is not the one {verification_method} names, so it cannot sign in its name.",
        sv="Nyckeln är inte den som {verification_method} anger och kan därför inte signera i "
        "dess namn.",
    ),
    "proof.missing": Message(
        en="The document has no proof.",
        sv="Dokumentet saknar bevis.",
    ),
    "proof.too_many": Message(
        en="The document has {count} proofs; at most {limit} are checked.",
        sv="Dokumentet har {count} bevis; högst {limit} kontrolleras.",
    ),
    "proof.malformed": Message(
        en="The proof is not a JSON object.",
        sv="Beviset är inget JSON-objekt.",
    ),
    "proof.missing_property": Message(
        en="The proof has no “{property}”, or it is not a text.",
        sv="Beviset saknar ”{property}”, eller så är värdet ingen text.",
    ),
    "proof.unknown_suite": Message(
        en="The proof suite “{suite}” is not supported (supported: eddsa-rdfc-2022, "
        "eddsa-jcs-2022 and Ed25519Signature2020).",
        sv="Bevissviten ”{suite}” stöds inte (stöds: eddsa-rdfc-2022, eddsa-jcs-2022 och "
        "Ed25519Signature2020).",
    ),
    "proof.suite_not_allowed": Message(
        en="Proofs of the suite {suite} are not accepted here.",
        sv="Bevis av sviten {suite} godtas inte här.",
    ),
    "proof.suite_options": Message(
        en="The proof's type and cryptosuite do not match the suite {suite}.",
        sv="Bevisets typ och kryptosvit stämmer inte med sviten {suite}.",
    ),
    "proof.malformed_value": Message(
        en="The proof value is not a base58btc-encoded 64-byte Ed25519 signature.",
        sv="Bevisvärdet är ingen base58btc-kodad Ed25519-signatur på 64 byte.",
    ),
    "proof.wrong_purpose": Message(
        en="The proof was made for “{found}”, but “{expected}” is required.",
        sv="Beviset gjordes för ”{found}”, men ”{expected}” krävs.",
    ),
    "proof.wrong_challenge": Message(
        en="The proof does not answer the challenge that was issued, so it may be a replay.",
        sv="Beviset svarar inte på den utmaning (challenge) som skickades, så det kan vara "
        "en återuppspelning.",
    ),
    "proof.wrong_domain": Message(
        en="The proof is not bound to the domain {expected}.",
        sv="Beviset är inte knutet till domänen {expected}.",
    ),
    "proof.invalid_datetime": Message(
        en="“{property}” is not a date and time with a time zone (XML Schema dateTimeStamp): "
        "{value}.",
        sv="”{property}” är ingen tidpunkt med tidszon (XML Schema dateTimeStamp): {value}.",
    ),
    "proof.naive_datetime": Message(
        en="The time given as “{property}” has no time zone.",
        sv="Tidpunkten som angavs för ”{property}” saknar tidszon.",
    ),
    "proof.created_in_future": Message(
        en="The proof says it was created {created}, which is in the future.",
        sv="Enligt beviset skapades det {created}, vilket ligger i framtiden.",
    ),
    "proof.expired": Message(
        en="The proof expired {expires}.",
        sv="Beviset slutade gälla {expires}.",
    ),
    "proof.malformed_previous_proof": Message(
        en="The proof's “previousProof” is not an id or a list of ids.",
        sv="Bevisets ”previousProof” är inget id eller någon lista med id:n.",
    ),
    "proof.previous_proof_missing": Message(
        en="The proof builds on an earlier proof {id} that the document does not contain.",
        sv="Beviset bygger på ett tidigare bevis {id} som inte finns i dokumentet.",
    ),
    "proof.previous_proof_ambiguous": Message(
        en="More than one proof in the document has the id {id}.",
        sv="Flera bevis i dokumentet har id:t {id}.",
    ),
    "proof.previous_proof_cycle": Message(
        en="The proof {id} names itself as its previous proof.",
        sv="Beviset {id} anger sig självt som sitt tidigare bevis.",
    ),
    "proof.previous_proof_invalid": Message(
        en="The proof builds on the earlier proof {id}, which is not valid.",
        sv="Beviset bygger på det tidigare beviset {id}, som inte är giltigt.",
    ),
    "proof.controller_mismatch": Message(
        en="The proof was made with a key controlled by {found}, not by {expected}.",
        sv="Beviset gjordes med en nyckel som kontrolleras av {found}, inte av {expected}.",
    ),
    "proof.key_revoked": Message(
        en="The key {id} was revoked {revoked}.",
        sv="Nyckeln {id} återkallades {revoked}.",
    ),
    "proof.key_expired": Message(
        en="The key {id} stopped being valid {expires}.",
        sv="Nyckeln {id} slutade gälla {expires}.",
    ),
    "proof.invalid_signature": Message(
        en="The signature does not match: the document was changed after it was signed, or it "
        "was signed with another key.",
        sv="Signaturen stämmer inte: dokumentet har ändrats efter att det signerades, eller så "
        "signerades det med en annan nyckel.",
    ),
    "proof.context_mismatch": Message(
        en="The document's @context does not begin with the @context of the proof.",
        sv="Dokumentets @context börjar inte med bevisets @context.",
    ),
    "proof.missing_suite_context": Message(
        en="{suite} proofs need the context {context} in the document.",
        sv="Bevis av typen {suite} kräver kontexten {context} i dokumentet.",
    ),
    "proof.jcs_unrepresentable": Message(
        en="The document contains a value that JSON canonicalization (RFC 8785) cannot "
        "represent exactly, such as an integer beyond ±2^53.",
        sv="Dokumentet innehåller ett värde som JSON-kanonisering (RFC 8785) inte kan återge "
        "exakt, till exempel ett heltal utanför ±2^53.",
    ),
    "proof.cannot_verify": Message(
        en="The proof could not be checked ({reason}).",
        sv="Beviset kunde inte kontrolleras ({reason}).",
    ),
}
