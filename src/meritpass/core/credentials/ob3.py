"""Build the unsigned Open Badges 3.0 ``OpenBadgeCredential`` of a micro-credential award.

https://www.imsglobal.org/spec/ob/v3p0/. The achievement carries the Annex I elements: OB 3.0's own
properties where it has them (name, description, criteria, alignment to ESCO skills,
creditsAvailable, resultDescription) and the Meritpass extension context
(``https://meritpass.eu/ns/v1``) for the rest (EQF/SeQF level, field of education, assessment,
participation, quality assurance, …). The issuer's accreditation travels in
``issuer.endorsement`` and the industry approval of the specification in
``achievement.endorsement``, each a signed ``EndorsementCredential`` embedded unchanged, so the
whole chain can be checked offline. Signing is the proof code's work.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from meritpass.core.credentials.digest import jcs_digest
from meritpass.core.credentials.microcredential import Specification
from meritpass.core.datetimes import format_datetime_stamp
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import CredentialError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.eqf import EQF

__all__ = [
    "CONTEXTS",
    "MERITPASS_CONTEXT",
    "OB3_CONTEXT",
    "Learner",
    "Profile",
    "absolute",
    "achievement",
    "achievement_digest",
    "email_identity_hash",
    "open_badge_credential",
]

VC_V2_CONTEXT: Final = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT: Final = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MERITPASS_CONTEXT: Final = "https://meritpass.eu/ns/v1"
CONTEXTS: Final = (VC_V2_CONTEXT, OB3_CONTEXT, MERITPASS_CONTEXT)
MICRO_CREDENTIAL: Final = "MicroCredential"
#: OB 3.0 AlignmentTargetType for a competency in an external framework.
COMPETENCY: Final = "ceasn:Competency"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """An organisation as OB 3.0 describes it, with the signed endorsements it carries."""

    id: str
    name: str
    url: str | None = None
    country_code: str | None = None
    region: str | None = None
    endorsements: Sequence[JsonObject] = ()

    def to_json(self, *, with_endorsements: bool = True) -> JsonObject:
        """Return the OB 3.0 ``Profile``; endorsements are copied unchanged."""
        profile = self.reference()
        address: JsonObject = {"type": ["Address"]}
        if self.country_code:
            address["addressCountryCode"] = self.country_code
        if self.region:
            address["addressRegion"] = self.region
        if len(address) > 1:
            profile["address"] = address
        if with_endorsements and self.endorsements:
            profile["endorsement"] = [copy.deepcopy(item) for item in self.endorsements]
        return profile

    def reference(self) -> JsonObject:
        """Return the ``Profile`` with its id, name and URL only (an achievement's creator).

        Repeating the address would add a second, identical blank node to the issuer's DID in
        the signed graph, which costs RDFC-1.0 n-degree work and says nothing new.
        """
        profile: JsonObject = {
            "id": absolute(self.id, "id"),
            "type": ["Profile"],
            "name": self.name,
        }
        if self.url:
            profile["url"] = absolute(self.url, "url")
        return profile


@dataclass(frozen=True, slots=True, kw_only=True)
class Learner:
    """The learner of an award (M1). The email is carried only as a salted hash."""

    name: str
    email: str
    salt: str
    did: str | None = None


def email_identity_hash(email: str, salt: str) -> str:
    """Return the OB 3.0 IdentityHash of an email: ``sha256$`` + hex(SHA-256(email ‖ salt)).

    The address is trimmed and lower-cased first, so the learner can prove it however they
    type it.
    """
    normalized = email.strip().lower()
    return "sha256$" + hashlib.sha256((normalized + salt).encode("utf-8")).hexdigest()


def achievement(
    spec: Specification,
    *,
    id: str,
    creator: Profile,
    language: str,
    skill_labels: Mapping[str, str],
) -> JsonObject:
    """Return the OB 3.0 ``Achievement`` of ``spec`` with its texts in ``language``.

    ``skill_labels`` maps each ESCO skill URI to its label in ``language``. The result is
    deterministic, so an approval's digest of it can be checked on every award; it has no
    ``endorsement`` (see :func:`open_badge_credential`).
    """
    result: JsonObject = {
        "id": absolute(id, "id"),
        "type": ["Achievement"],
        "achievementType": MICRO_CREDENTIAL,
        "name": spec.title.in_language(language),
        "description": _description(spec, language),
        "criteria": {"narrative": _narrative(spec, language)},
        "alignment": [_alignment(uri, skill_labels) for uri in spec.skills],
        "creator": creator.reference(),
        "fieldOfStudy": isced_f.field(spec.field_of_education).name.text(language),
        "inLanguage": language,
        "eqfLevel": EQF[spec.eqf_level].uri,
        "fieldOfEducation": isced_f.field(spec.field_of_education).uri,
        "assessmentType": spec.assessment_type,
        "participationForm": spec.participation_form,
        "qualityAssurance": spec.quality_assurance,
    }
    result.update(_workload(spec))
    result.update(_optional_elements(spec, language))
    if spec.grading is not None:
        result["resultDescription"] = [_result_description(spec, result["id"], language)]
    return result


def achievement_digest(achievement: Mapping[str, JsonValue]) -> str:
    """Return the multibase SHA-256 multihash of the achievement's JCS, without ``endorsement``."""
    unendorsed = {name: value for name, value in achievement.items() if name != "endorsement"}
    try:
        return jcs_digest(unendorsed)
    except ValueError:
        raise CredentialError("credential.invalid") from None


def open_badge_credential(
    *,
    id: str,
    issuer: Profile,
    achievement: JsonObject,
    learner: Learner,
    valid_from: datetime,
    status: Sequence[JsonObject] = (),
    grade: str | None = None,
    approvals: Sequence[JsonObject] = (),
    valid_until: datetime | None = None,
) -> JsonObject:
    """Return the unsigned ``OpenBadgeCredential`` awarding ``achievement`` to ``learner``.

    ``issuer.endorsements`` should hold the issuer's signed accreditation and ``approvals`` the
    signed industry approval of the achievement; both are embedded unchanged. ``status`` holds
    the ``BitstringStatusListEntry`` values; one entry is written as an object, as the OB 3.0
    schema requires, several as a list (VC Data Model 2.0).
    """
    credential: JsonObject = {
        "@context": list(CONTEXTS),
        "id": absolute(id, "id"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.get("name"),
        "issuer": issuer.to_json(),
        "validFrom": format_datetime_stamp(valid_from),
    }
    if valid_until is not None:
        credential["validUntil"] = format_datetime_stamp(valid_until)
    credential["credentialSubject"] = _subject(achievement, learner, grade, approvals)
    if status:
        entries = [copy.deepcopy(entry) for entry in status]
        credential["credentialStatus"] = entries[0] if len(entries) == 1 else list(entries)
    return credential


def absolute(value: str, field: str) -> str:
    """Return ``value`` if it is an absolute URI or DID; JSON-LD would resolve anything else."""
    scheme, colon, rest = value.partition(":")
    if not colon or not rest or not scheme[:1].isalpha() or not scheme.isascii():
        raise CredentialError("credential.not_absolute", field=field, value=excerpt(value))
    return value


def _subject(
    achievement: JsonObject, learner: Learner, grade: str | None, approvals: Sequence[JsonObject]
) -> JsonObject:
    if not learner.email.strip():
        raise CredentialError("credential.no_email")
    subject: JsonObject = {"type": ["AchievementSubject"]}
    if learner.did:
        subject["id"] = absolute(learner.did, "credentialSubject.id")
    subject["identifier"] = [
        {
            "type": "IdentityObject",
            "identityHash": email_identity_hash(learner.email, learner.salt),
            "identityType": "emailAddress",
            "hashed": True,
            "salt": learner.salt,
        },
        {
            "type": "IdentityObject",
            "identityHash": learner.name.strip(),
            "identityType": "name",
            "hashed": False,
        },
    ]
    embedded = copy.deepcopy(achievement)
    existing = embedded.get("endorsement")
    endorsements = list(existing) if isinstance(existing, list) else []
    endorsements.extend(copy.deepcopy(item) for item in approvals)
    if endorsements:
        embedded["endorsement"] = endorsements
    subject["achievement"] = embedded
    if grade is not None:
        subject["result"] = [_result(achievement, grade)]
    return subject


def _result(achievement: JsonObject, grade: str) -> JsonObject:
    descriptions = achievement.get("resultDescription")
    description = descriptions[0] if isinstance(descriptions, list) and descriptions else None
    if not isinstance(description, dict):
        raise CredentialError("credential.no_grading")
    allowed = description.get("allowedValue")
    if isinstance(allowed, list) and allowed and grade not in allowed:
        shown = ", ".join(str(value) for value in allowed)
        raise CredentialError("credential.grade_not_allowed", grade=excerpt(grade), allowed=shown)
    return {"type": ["Result"], "resultDescription": description["id"], "value": grade}


def _description(spec: Specification, language: str) -> str:
    if spec.description is not None:
        return spec.description.in_language(language)
    return _narrative(spec, language)


def _narrative(spec: Specification, language: str) -> str:
    return "\n".join(f"- {item.text.in_language(language)}" for item in spec.learning_outcomes)


def _alignment(uri: str, labels: Mapping[str, str]) -> JsonObject:
    label = labels.get(uri)
    if not label:
        raise CredentialError("credential.missing_skill_label", skill=uri)
    return {
        "type": ["Alignment"],
        "targetName": label,
        "targetUrl": uri,
        "targetFramework": "ESCO",
        "targetType": COMPETENCY,
    }


def _workload(spec: Specification) -> JsonObject:
    values: JsonObject = {}
    if spec.workload.ects is not None:
        values["creditsAvailable"] = _number(spec.workload.ects)
    if spec.workload.duration is not None:
        values["volumeOfLearning"] = spec.workload.duration
    return values


def _number(value: Decimal) -> int | float:
    """Write a whole number as an integer: JSON-LD would write 3.0 as a double, ``3.0E0``."""
    return int(value) if value == value.to_integral_value() else float(value)


def _optional_elements(spec: Specification, language: str) -> JsonObject:
    values: JsonObject = {}
    if spec.seqf is not None:
        values["seqfLevel"] = spec.seqf.level
        values["seqfDecision"] = spec.seqf.decision
    for name, text in (
        ("prerequisites", spec.prerequisites),
        ("stackability", spec.stackability),
        ("furtherInformation", spec.further_information),
    ):
        if text is not None:
            values[name] = text.in_language(language)
    if spec.supervision is not None:
        values["supervision"] = spec.supervision
    if spec.homepage is not None:
        values["homepage"] = spec.homepage
    return values


def _result_description(
    spec: Specification, achievement_id: JsonValue, language: str
) -> JsonObject:
    grading = spec.grading
    if grading is None:
        raise CredentialError("credential.no_grading")
    description: JsonObject = {
        "id": f"{achievement_id}#grade",
        "type": ["ResultDescription"],
        "name": grading.scheme.in_language(language),
        "resultType": "LetterGrade" if grading.values else "Result",
    }
    if grading.values:
        description["allowedValue"] = list(grading.values)
    return description
