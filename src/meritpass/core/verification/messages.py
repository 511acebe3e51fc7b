"""Texts for the checks of a verification report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # format
    "format.credential": Message(
        en="The document is a well-formed verifiable credential (VC Data Model {version}).",
        sv="Dokumentet är ett korrekt uppbyggt verifierbart intyg (VC Data Model {version}).",
    ),
    "format.presentation": Message(
        en="The document is a well-formed verifiable presentation (VC Data Model {version}).",
        sv="Dokumentet är en korrekt uppbyggd verifierbar presentation (VC Data Model {version}).",
    ),
    "format.base_context": Message(
        en="The first @context must be the W3C Verifiable Credentials context (1.1 or 2.0).",
        sv="Första @context måste vara W3C:s kontext för verifierbara intyg (1.1 eller 2.0).",
    ),
    "format.missing_type": Message(
        en="The document's type does not include {type}.",
        sv="Dokumentets typ innehåller inte {type}.",
    ),
    "format.party": Message(
        en="“{property}” must be a URL or DID, or an object whose id is one.",
        sv="”{property}” måste vara en URL eller DID, eller ett objekt vars id är det.",
    ),
    "format.subject": Message(
        en="The credential has no credentialSubject, or it is not an object.",
        sv="Intyget saknar credentialSubject, eller så är det inget objekt.",
    ),
    "format.missing_property": Message(
        en="The required property “{property}” is missing.",
        sv="Den obligatoriska egenskapen ”{property}” saknas.",
    ),
    "format.date": Message(
        en="“{property}” is not a date and time with a time zone (XML Schema dateTimeStamp).",
        sv="”{property}” är inte ett datum och klockslag med tidszon (XML Schema dateTimeStamp).",
    ),
    "format.credential_not_embedded": Message(
        en="Every credential in the presentation must be embedded as a JSON object.",
        sv="Varje intyg i presentationen måste vara inbäddat som ett JSON-objekt.",
    ),
    "report.internal_error": Message(
        en="The document could not be checked because of an internal error ({error}).",
        sv="Dokumentet kunde inte kontrolleras på grund av ett internt fel ({error}).",
    ),
    # issuer and holder
    "issuer.missing": Message(
        en="The credential names no issuer.",
        sv="Intyget anger ingen utfärdare.",
    ),
    "issuer.unproven": Message(
        en="No valid proof, so it is not shown that {issuer} issued the credential.",
        sv="Inget giltigt bevis, så det är inte visat att {issuer} utfärdade intyget.",
    ),
    "issuer.controls_key": Message(
        en="The issuer {issuer} controls the key that signed the credential.",
        sv="Utfärdaren {issuer} kontrollerar nyckeln som signerade intyget.",
    ),
    "issuer.not_controller": Message(
        en="The credential claims issuer {issuer}, but it was signed with a key of {controller}.",
        sv="Intyget anger utfärdaren {issuer}, men signerades med en nyckel som tillhör "
        "{controller}.",
    ),
    "holder.missing": Message(
        en="The presentation names no holder.",
        sv="Presentationen anger ingen innehavare.",
    ),
    "holder.unproven": Message(
        en="No valid proof, so it is not shown that {holder} made the presentation.",
        sv="Inget giltigt bevis, så det är inte visat att {holder} gjorde presentationen.",
    ),
    "holder.controls_key": Message(
        en="The holder {holder} controls the key that signed the presentation.",
        sv="Innehavaren {holder} kontrollerar nyckeln som signerade presentationen.",
    ),
    "holder.not_controller": Message(
        en="The presentation claims holder {holder}, but it was signed with a key of {controller}.",
        sv="Presentationen anger innehavaren {holder}, men signerades med en nyckel som tillhör "
        "{controller}.",
    ),
    "holder.unnamed": Message(
        en="The presentation names no holder; the signer is taken as the presenter.",
        sv="Presentationen anger ingen innehavare; den som signerade räknas som den som visar upp.",
    ),
    "holder.no_challenge": Message(
        en="No challenge was given, so a replay of this presentation cannot be ruled out.",
        sv="Ingen utmaning angavs, så det går inte att utesluta att presentationen återanvänds.",
    ),
    "holder.challenge": Message(
        en="The presentation answers the challenge “{challenge}” (domain {domain}).",
        sv="Presentationen besvarar utmaningen ”{challenge}” (domän {domain}).",
    ),
    "holder.subject_unbound": Message(
        en="Credential {credential} names no subject id, so it is not bound to the holder.",
        sv="Intyg {credential} anger inget id för subjektet och är därför inte bundet till "
        "innehavaren.",
    ),
    "holder.is_subject": Message(
        en="The holder is the subject of credential {credential}.",
        sv="Innehavaren är subjekt för intyg {credential}.",
    ),
    "holder.not_subject": Message(
        en="The holder is not the subject of credential {credential}.",
        sv="Innehavaren är inte subjekt för intyg {credential}.",
    ),
    # trust and approval
    "trust.not_configured": Message(
        en="Not checked: no trust anchors are configured for this verification.",
        sv="Inte kontrollerat: inga förtroendeankare är konfigurerade för denna verifiering.",
    ),
    "approval.not_configured": Message(
        en="Not checked: industry approval of the specification is not part of this verification.",
        sv="Inte kontrollerat: branschens godkännande av specifikationen ingår inte i denna "
        "verifiering.",
    ),
    # status
    "status.absent": Message(
        en="The credential has no status entry, so it cannot be revoked.",
        sv="Intyget har ingen statuspost och kan därför inte återkallas.",
    ),
    "status.not_checked": Message(
        en="The status list was not consulted, so the status is unknown.",
        sv="Statuslistan lästes inte, så statusen är okänd.",
    ),
    "status.list_other_issuer": Message(
        en="The status list {url} was not issued by the credential's issuer.",
        sv="Statuslistan {url} är inte utfärdad av intygets utfärdare.",
    ),
    "status.list_not_verified": Message(
        en="The status list {url} has no valid proof ({reason}).",
        sv="Statuslistan {url} har inget giltigt bevis ({reason}).",
    ),
    # validity period
    "validity.current": Message(
        en="The credential is within its validity period (valid until {valid_until}).",
        sv="Intyget är inom sin giltighetstid (giltigt till {valid_until}).",
    ),
    "validity.open_ended": Message(
        en="The credential is valid and has no end date.",
        sv="Intyget är giltigt och har inget slutdatum.",
    ),
    "validity.not_yet_valid": Message(
        en="The credential is not valid yet (valid from {valid_from}).",
        sv="Intyget är inte giltigt ännu (giltigt från {valid_from}).",
    ),
    "validity.expired": Message(
        en="The credential expired on {valid_until}.",
        sv="Intyget upphörde att gälla {valid_until}.",
    ),
    # presentations
    "presentation.no_credentials": Message(
        en="A presentation needs at least one credential.",
        sv="En presentation behöver minst ett intyg.",
    ),
}
