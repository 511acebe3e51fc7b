"""Build the unsigned endorsement credentials of the trust chain (DESIGN §3).

Each is an OB 3.0 ``EndorsementCredential`` with a Meritpass type that says what it attests:

- ``AccreditationCredential``: an authority accredits a provider for EQF levels and ISCED-F
  fields during a period (``validFrom`` … ``validUntil``);
- ``RecognitionCredential``: an authority recognises an industry body for sectors;
- ``ApprovalCredential``: an industry body approves one achievement (a specification version),
  bound to it by ``digestMultibase`` (:func:`meritpass.core.credentials.ob3.achievement_digest`);
- ``TrustListCredential``: an authority lists the providers and industry bodies it trusts.

Signing is the proof code's work; the signed accreditation goes into the provider's
``Profile.endorsements`` and the signed recognition into the industry body's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from meritpass.core.credentials.ob3 import CONTEXTS, Profile, absolute, achievement_digest
from meritpass.core.datetimes import format_datetime_stamp
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import CredentialError, InputError
from meritpass.core.messages import Message
from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.eqf import eqf_level

__all__ = [
    "ACCREDITATION",
    "APPROVAL",
    "RECOGNITION",
    "TRUST_LIST",
    "TrustListEntry",
    "accreditation_credential",
    "approval_credential",
    "recognition_credential",
    "trust_list_credential",
]

ENDORSEMENT: Final = "EndorsementCredential"
ACCREDITATION: Final = "AccreditationCredential"
RECOGNITION: Final = "RecognitionCredential"
APPROVAL: Final = "ApprovalCredential"
TRUST_LIST: Final = "TrustListCredential"

_NAMES: Final[Mapping[str, Message]] = {
    ACCREDITATION: Message(en="Accreditation of {name}", sv="Ackreditering av {name}"),
    RECOGNITION: Message(
        en="Recognition of {name} as an industry body",
        sv="Erkännande av {name} som branschorganisation",
    ),
    APPROVAL: Message(en="Industry approval of {name}", sv="Branschgodkännande av {name}"),
    TRUST_LIST: Message(en="Trust list of {name}", sv="Förtroendelista från {name}"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class TrustListEntry:
    """One trusted organisation on a trust list, with the credential that attests it."""

    id: str
    name: str
    credential: str
    valid_from: datetime
    valid_until: datetime | None = None
    eqf_levels: Sequence[int] = ()
    fields: Sequence[str] = ()
    sectors: Sequence[str] = ()

    def to_json(self) -> JsonObject:
        entry: JsonObject = {
            "id": absolute(self.id, "id"),
            "type": ["TrustListEntry"],
            "name": self.name,
            "attestation": absolute(self.credential, "credential"),
            "periodStart": format_datetime_stamp(self.valid_from),
        }
        if self.valid_until is not None:
            entry["periodEnd"] = format_datetime_stamp(self.valid_until)
        if self.eqf_levels:
            entry["eqfLevel"] = _eqf_uris(self.eqf_levels)
        if self.fields:
            entry["fieldOfEducation"] = _field_uris(self.fields)
        if self.sectors:
            entry["sector"] = _sectors(self.sectors)
        return entry


def accreditation_credential(
    *,
    id: str,
    authority: Profile,
    provider: Profile,
    eqf_levels: Sequence[int],
    fields: Sequence[str],
    valid_from: datetime,
    valid_until: datetime | None,
    decision: str,
    language: str = "sv",
) -> JsonObject:
    """Return the accreditation of ``provider`` for EQF levels and ISCED-F fields (codes)."""
    if not eqf_levels or not fields:
        raise CredentialError("credential.empty_scope")
    subject: JsonObject = {
        "id": absolute(provider.id, "provider.id"),
        "type": ["EndorsementSubject"],
        "name": provider.name,
        "eqfLevel": _eqf_uris(eqf_levels),
        "fieldOfEducation": _field_uris(fields),
    }
    if decision.strip():
        subject["accreditationDecision"] = decision.strip()
    name = _NAMES[ACCREDITATION].text(language).format(name=provider.name)
    return _credential(
        id,
        ACCREDITATION,
        name=name,
        issuer=authority,
        subject=subject,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def recognition_credential(
    *,
    id: str,
    authority: Profile,
    industry_body: Profile,
    sectors: Sequence[str],
    valid_from: datetime,
    valid_until: datetime | None,
    language: str = "sv",
) -> JsonObject:
    """Return the recognition of ``industry_body`` for ``sectors`` (free text or URIs)."""
    subject: JsonObject = {
        "id": absolute(industry_body.id, "industry_body.id"),
        "type": ["EndorsementSubject"],
        "name": industry_body.name,
    }
    if sectors:
        subject["sector"] = _sectors(sectors)
    name = _NAMES[RECOGNITION].text(language).format(name=industry_body.name)
    return _credential(
        id,
        RECOGNITION,
        name=name,
        issuer=authority,
        subject=subject,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def approval_credential(
    *,
    id: str,
    industry_body: Profile,
    achievement: Mapping[str, JsonValue],
    comment: str,
    valid_from: datetime,
    valid_until: datetime | None = None,
) -> JsonObject:
    """Return the approval of ``achievement``, bound to it by its digest.

    ``industry_body.endorsements`` should hold its signed recognition, so a verifier can check
    that an anchor recognised the body that approved.
    """
    achievement_id = achievement.get("id")
    if not isinstance(achievement_id, str):
        raise CredentialError("credential.not_absolute", field="achievement.id", value="—")
    subject: JsonObject = {
        "id": absolute(achievement_id, "achievement.id"),
        "type": ["EndorsementSubject"],
        "digestMultibase": achievement_digest(achievement),
    }
    if comment.strip():
        subject["endorsementComment"] = comment.strip()
    language = achievement.get("inLanguage")
    title = achievement.get("name")
    name = _NAMES[APPROVAL].text(str(language)).format(name=title)
    return _credential(
        id,
        APPROVAL,
        name=name,
        issuer=industry_body,
        subject=subject,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def trust_list_credential(
    *,
    id: str,
    authority: Profile,
    providers: Sequence[TrustListEntry],
    industry_bodies: Sequence[TrustListEntry],
    valid_from: datetime,
    valid_until: datetime | None,
    language: str = "sv",
) -> JsonObject:
    """Return the authority's list of accredited providers and recognised industry bodies."""
    subject: JsonObject = {
        "id": absolute(id, "id") + "#list",
        "type": ["EndorsementSubject"],
        "accreditedProvider": [entry.to_json() for entry in providers],
        "recognisedIndustryBody": [entry.to_json() for entry in industry_bodies],
    }
    name = _NAMES[TRUST_LIST].text(language).format(name=authority.name)
    return _credential(
        id,
        TRUST_LIST,
        name=name,
        issuer=authority,
        subject=subject,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def _credential(
    id: str,
    kind: str,
    *,
    name: str,
    issuer: Profile,
    subject: JsonObject,
    valid_from: datetime,
    valid_until: datetime | None,
) -> JsonObject:
    credential: JsonObject = {
        "@context": list(CONTEXTS),
        "id": absolute(id, "id"),
        "type": ["VerifiableCredential", ENDORSEMENT, kind],
        "name": name,
        "issuer": issuer.to_json(),
        "validFrom": format_datetime_stamp(valid_from),
    }
    if valid_until is not None:
        if valid_until <= valid_from:
            raise CredentialError("credential.period_reversed")
        credential["validUntil"] = format_datetime_stamp(valid_until)
    credential["credentialSubject"] = subject
    return credential


def _eqf_uris(levels: Sequence[int]) -> list[JsonValue]:
    try:
        return [eqf_level(level).uri for level in sorted(set(levels))]
    except InputError as error:
        raise CredentialError(error.code, **error.params) from None


def _field_uris(codes: Sequence[str]) -> list[JsonValue]:
    try:
        return [isced_f.field(code).uri for code in sorted(set(codes))]
    except InputError as error:
        raise CredentialError(error.code, **error.params) from None


def _sectors(sectors: Sequence[str]) -> list[JsonValue]:
    return list(dict.fromkeys(sector.strip() for sector in sectors if sector.strip()))
