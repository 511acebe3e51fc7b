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
        en="Not checked: no trust anchors are configured, so the industry approval of the "
        "specification cannot be traced to a trusted authority.",
        sv="Inte kontrollerat: inga förtroendeankare är konfigurerade, så branschens godkännande "
        "av specifikationen kan inte spåras till en betrodd myndighet.",
    ),
    "trust.passed": Message(
        en="The issuer was accredited by the trusted authority {authority} for EQF level {level} "
        "and the field of education {field} on {date}.",
        sv="Utfärdaren var ackrediterad av den betrodda myndigheten {authority} för EQF-nivå "
        "{level} och utbildningsinriktningen {field} den {date}.",
    ),
    "trust.anchor": Message(
        en="The issuer {authority} is a trusted authority.",
        sv="Utfärdaren {authority} är en betrodd myndighet.",
    ),
    "trust.not_applicable": Message(
        en="Not checked: an approval is trusted through the recognition of the body that gave it "
        "(see the approval check).",
        sv="Inte kontrollerat: ett godkännande är betrott genom erkännandet av organisationen som "
        "gav det (se kontrollen av godkännandet).",
    ),
    "approval.not_applicable": Message(
        en="Not checked: this credential does not award a micro-credential, so it needs no "
        "industry approval.",
        sv="Inte kontrollerat: intyget tilldelar ingen mikromerit och behöver därför inget "
        "branschgodkännande.",
    ),
    "trust.no_accreditation": Message(
        en="The issuer carries no accreditation credential (issuer.endorsement).",
        sv="Utfärdaren har inget ackrediteringsintyg (issuer.endorsement).",
    ),
    "trust.malformed_endorsement": Message(
        en="The issuer's endorsement must be a credential or a list of credentials.",
        sv="Utfärdarens endorsement måste vara ett intyg eller en lista av intyg.",
    ),
    "trust.untrusted_authority": Message(
        en="The accreditation was issued by {authority}, which is not a trusted authority.",
        sv="Ackrediteringen utfärdades av {authority}, som inte är en betrodd myndighet.",
    ),
    "trust.accreditation_invalid": Message(
        en="The accreditation from {authority} does not verify ({reason}).",
        sv="Ackrediteringen från {authority} går inte att verifiera ({reason}).",
    ),
    "trust.subject_mismatch": Message(
        en="The accreditation from {authority} names {subject}, not the issuer {issuer}.",
        sv="Ackrediteringen från {authority} gäller {subject}, inte utfärdaren {issuer}.",
    ),
    "trust.outside_period": Message(
        en="The accreditation from {authority} did not cover {date}, when the credential was "
        "issued (valid from {valid_from} until {valid_until}).",
        sv="Ackrediteringen från {authority} gällde inte {date}, då intyget utfärdades "
        "(giltig från {valid_from} till {valid_until}).",
    ),
    "trust.level_outside_scope": Message(
        en="The issuer's accreditation does not cover EQF level {level}.",
        sv="Utfärdarens ackreditering omfattar inte EQF-nivå {level}.",
    ),
    "trust.field_outside_scope": Message(
        en="The issuer's accreditation does not cover the field of education {field} "
        "(ISCED-F 2013).",
        sv="Utfärdarens ackreditering omfattar inte utbildningsinriktningen {field} "
        "(ISCED-F 2013).",
    ),
    "approval.passed": Message(
        en="The specification was approved by {industry_body}, an industry body recognised by "
        "the trusted authority {authority}.",
        sv="Specifikationen godkändes av {industry_body}, en branschorganisation som är erkänd "
        "av den betrodda myndigheten {authority}.",
    ),
    "approval.missing": Message(
        en="The achievement carries no industry approval (achievement.endorsement).",
        sv="Prestationen saknar branschgodkännande (achievement.endorsement).",
    ),
    "approval.malformed_endorsement": Message(
        en="The achievement's endorsement must be a credential or a list of credentials.",
        sv="Prestationens endorsement måste vara ett intyg eller en lista av intyg.",
    ),
    "approval.invalid": Message(
        en="The approval from {industry_body} does not verify ({reason}).",
        sv="Godkännandet från {industry_body} går inte att verifiera ({reason}).",
    ),
    "approval.subject_mismatch": Message(
        en="The approval is for {subject}, not for this achievement ({achievement}).",
        sv="Godkännandet gäller {subject}, inte denna prestation ({achievement}).",
    ),
    "approval.outside_period": Message(
        en="The approval was not in force on {date}, when the credential was issued.",
        sv="Godkännandet gällde inte den {date}, då intyget utfärdades.",
    ),
    "approval.digest_mismatch": Message(
        en="The achievement differs from the one the industry body approved (its digest does "
        "not match).",
        sv="Prestationen skiljer sig från den som branschorganisationen godkände (dess "
        "kontrollsumma stämmer inte).",
    ),
    "approval.not_recognised": Message(
        en="The approving body {industry_body} carries no recognition from a trusted authority.",
        sv="Den godkännande organisationen {industry_body} saknar erkännande från en betrodd "
        "myndighet.",
    ),
    "approval.recognition_invalid": Message(
        en="The recognition of {industry_body} from {authority} does not verify ({reason}).",
        sv="Erkännandet av {industry_body} från {authority} går inte att verifiera ({reason}).",
    ),
    "approval.recognition_subject_mismatch": Message(
        en="The recognition from {authority} names {subject}, not the approving body "
        "{industry_body}.",
        sv="Erkännandet från {authority} gäller {subject}, inte den godkännande organisationen "
        "{industry_body}.",
    ),
    "approval.recognition_outside_period": Message(
        en="The recognition of {industry_body} did not cover {date}, when it approved "
        "(valid from {valid_from} until {valid_until}).",
        sv="Erkännandet av {industry_body} gällde inte {date}, då godkännandet gavs "
        "(giltigt från {valid_from} till {valid_until}).",
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
