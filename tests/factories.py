"""Small builders for signed credentials, presentations and status lists used across tests."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meritpass.core.credentials.endorsements import (
    accreditation_credential,
    approval_credential,
    recognition_credential,
)
from meritpass.core.credentials.microcredential import Specification
from meritpass.core.credentials.ob3 import Learner, Profile, open_badge_credential
from meritpass.core.credentials.ob3 import achievement as ob3_achievement
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.documents import JsonObject
from meritpass.core.errors import ResolutionError
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.status.credential import status_list_credential, status_list_entry
from meritpass.core.verification.policy import VerificationPolicy

TYPICAL = Path(__file__).parent / "data" / "credentials" / "ob3-microcredential.json"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SIGNED_AT = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
STATUS_URL = "https://meritpass.example/status/1"


def key(seed: int) -> Ed25519Multikey:
    """Return a reproducible key."""
    return Ed25519Multikey.generate(bytes([seed]) * 32)


def typical_credential() -> JsonObject:
    """Return the unsigned typical Open Badges 3.0 micro-credential (3 KB)."""
    document: JsonObject = json.loads(TYPICAL.read_text("utf-8"))
    return document


@dataclass
class Issuer:
    """An issuer with a did:key and, optionally, a revocation list."""

    signing_key: Ed25519Multikey = field(default_factory=lambda: key(1))
    revoked: set[int] = field(default_factory=set)

    @property
    def did(self) -> str:
        return did_key(self.signing_key)

    def credential(self, *, status_index: int | None = 94567, **changes: Any) -> JsonObject:
        document = typical_credential()
        issuer = document["issuer"]
        assert isinstance(issuer, dict)
        issuer["id"] = self.did
        document.pop("credentialStatus")
        if status_index is not None:
            document["credentialStatus"] = status_list_entry(
                status_list_credential=STATUS_URL,
                status_list_index=status_index,
                status_purpose="revocation",
            )
        document.update(changes)
        return document

    def sign(self, document: JsonObject, suite: str = "eddsa-rdfc-2022") -> JsonObject:
        return sign(
            document,
            key=self.signing_key,
            verification_method=verification_method_id(self.signing_key),
            suite=suite,
            created=SIGNED_AT,
        )

    def status_list(self, *, purpose: str = "revocation") -> JsonObject:
        bits = BitstringStatusList()
        for index in self.revoked:
            bits.set_status(index, 1)
        unsigned = status_list_credential(
            credential_id=STATUS_URL, issuer=self.did, status_purpose=purpose, status_list=bits
        )
        return self.sign(unsigned)


def policy(
    *,
    lists: dict[str, JsonObject] | None = None,
    now: datetime = NOW,
    anchors: frozenset[str] = frozenset(),
) -> VerificationPolicy:
    """Return an offline policy serving the given status list credentials by URL."""
    served = dict(lists or {})

    def fetch(url: str) -> JsonObject:
        if url not in served:
            raise ResolutionError("resolution.failed", what=url, reason="not served")
        return copy.deepcopy(served[url])

    return VerificationPolicy(
        now=now, resolver=StandardResolver(), fetch_status_list=fetch, trust_anchors=anchors
    )


# --- micro-credential specifications and the trust chain ----------------------------------------

ESCO_SKILL = "http://data.europa.eu/esco/skill/"
WELDING_SKILLS = {
    ESCO_SKILL + "60ff3eac-7d4d-4e51-87b8-74c3b5d62498": "MAG-svetsa",
    ESCO_SKILL + "2ee57de4-bffd-4194-b009-0060edec77cc": "använda svetsutrustning",
    ESCO_SKILL + "68b6ef08-d823-489d-a95c-752ae6f6e6a7": "läsa ritningar",
    ESCO_SKILL + "6122d586-5978-431f-8e7a-96e61fc1f3fc": "bära skyddsutrustning",
}
_SKILLS = list(WELDING_SKILLS)
ACCREDITED_FROM = datetime(2026, 1, 1, tzinfo=UTC)
ACCREDITED_UNTIL = datetime(2028, 12, 31, tzinfo=UTC)
RECOGNISED_FROM = datetime(2025, 1, 1, tzinfo=UTC)
APPROVED_AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ACHIEVEMENT_ID = "https://meritpass.example/specifications/5e2f0a7c/versions/3"


def specification_content(**changes: Any) -> JsonObject:
    """Return the content of a complete welding specification (every Annex I element)."""
    content: JsonObject = {
        "title": {"sv": "Svetsning MIG/MAG, grundnivå", "en": "MIG/MAG welding, basic level"},
        "description": {
            "sv": "Mikromerit i MIG/MAG-svetsning av stålplåt enligt SS-EN ISO 9606-1.",
            "en": "Micro-credential in MIG/MAG welding of steel plate to SS-EN ISO 9606-1.",
        },
        "learningOutcomes": [
            {
                "text": {
                    "sv": "Deltagaren svetsar kälsvetsar i stålplåt med MAG enligt WPS.",
                    "en": "The learner welds fillet welds in steel plate with MAG to a WPS.",
                },
                "skills": _SKILLS[:2],
            },
            {
                "text": {
                    "sv": "Deltagaren läser svetsritningar och arbetar säkert.",
                    "en": "The learner reads welding drawings and works safely.",
                },
                "skills": _SKILLS[2:],
            },
        ],
        "workload": {"ects": "7.5", "hours": 200},
        "eqfLevel": 4,
        "seqf": {"level": 4, "decision": "MYH 2024/1234"},
        "fieldOfEducation": "0715",
        "assessmentType": "http://data.europa.eu/snb/assessment/6a4db9f11d",
        "participationForm": "http://data.europa.eu/snb/learning-assessment/9191af2ed9",
        "qualityAssurance": "urn:meritpass:vocabulary:quality-assurance:industry-approval",
        "prerequisites": {"sv": "Grundläggande verkstadsvana.", "en": "Basic workshop practice."},
        "supervision": "urn:meritpass:vocabulary:supervision:supervised-onsite-with-id",
        "grading": {
            "scheme": {"sv": "Godkänd eller underkänd", "en": "Pass or fail"},
            "values": ["Godkänd", "Underkänd"],
        },
        "stackability": {
            "sv": "Ingår i svetsarutbildning enligt SS-EN ISO 9606-1.",
            "en": "Part of welder training to SS-EN ISO 9606-1.",
        },
        "furtherInformation": None,
        "homepage": "https://yrkesakademin.example/svetsning",
        "language": "sv",
    }
    content.update(changes)
    return content


@dataclass
class Party:
    """An organisation with a did:key, able to sign as itself."""

    signing_key: Ed25519Multikey
    name: str
    country_code: str | None = "SE"

    @property
    def did(self) -> str:
        return did_key(self.signing_key)

    def profile(self, endorsements: tuple[JsonObject, ...] = ()) -> Profile:
        return Profile(
            id=self.did,
            name=self.name,
            url="https://" + self.name.lower().replace(" ", "-") + ".example",
            country_code=self.country_code,
            endorsements=endorsements,
        )

    def sign(self, document: JsonObject, *, created: datetime = SIGNED_AT) -> JsonObject:
        return sign(
            document,
            key=self.signing_key,
            verification_method=verification_method_id(self.signing_key),
            created=created,
        )


@dataclass
class TrustChain:
    """An authority, an accredited provider and a recognised industry body, with their
    signed accreditation, recognition and approval of one achievement."""

    authority: Party
    provider: Party
    industry_body: Party
    specification: Specification
    achievement: JsonObject
    accreditation: JsonObject
    recognition: JsonObject
    approval: JsonObject

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset({self.authority.did})

    def credential(self, **changes: Any) -> JsonObject:
        """Return the unsigned OB 3.0 credential of one award, with the whole chain embedded."""
        arguments: dict[str, Any] = {
            "id": "urn:uuid:0f5b2c4e-7a1d-4c3e-9b8f-2d6e1a9c4b70",
            "issuer": self.provider.profile((self.accreditation,)),
            "achievement": self.achievement,
            "learner": Learner(
                name="Alva Lindqvist",
                email="alva.lindqvist@example.se",
                salt="p7Q2xL9v",
                did="did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E",
            ),
            "valid_from": SIGNED_AT,
            "status": [
                status_list_entry(
                    status_list_credential=STATUS_URL,
                    status_list_index=94567,
                    status_purpose="revocation",
                )
            ],
            "grade": "Godkänd",
            "approvals": (self.approval,),
        }
        arguments.update(changes)
        return open_badge_credential(**arguments)

    def signed_credential(self, **changes: Any) -> JsonObject:
        return self.provider.sign(self.credential(**changes))

    def status_list(self) -> JsonObject:
        unsigned = status_list_credential(
            credential_id=STATUS_URL,
            issuer=self.provider.did,
            status_purpose="revocation",
            status_list=BitstringStatusList(),
        )
        return self.provider.sign(unsigned)

    def policy(self, **changes: Any) -> VerificationPolicy:
        arguments: dict[str, Any] = {
            "lists": {STATUS_URL: self.status_list()},
            "anchors": self.anchors,
        }
        arguments.update(changes)
        return policy(**arguments)


def trust_chain(
    *,
    eqf_levels: tuple[int, ...] = (3, 4, 5),
    fields: tuple[str, ...] = ("071",),
    accredited_from: datetime = ACCREDITED_FROM,
    accredited_until: datetime | None = ACCREDITED_UNTIL,
    content: JsonObject | None = None,
) -> TrustChain:
    """Return a signed chain: authority → provider (accreditation), authority → industry body
    (recognition), industry body → achievement (approval)."""
    authority = Party(key(21), "Myndigheten för yrkeshögskolan")
    provider = Party(key(22), "Yrkesakademin i Norrland")
    industry_body = Party(key(23), "Svetskommissionen")
    accreditation = authority.sign(
        accreditation_credential(
            id="urn:uuid:2c0b3f1e-0a4e-4f7e-9a51-0d2c6b1a7e10",
            authority=authority.profile(),
            provider=provider.profile(),
            eqf_levels=eqf_levels,
            fields=fields,
            valid_from=accredited_from,
            valid_until=accredited_until,
            decision="MYH 2025/0042",
        ),
        created=accredited_from,
    )
    recognition = authority.sign(
        recognition_credential(
            id="urn:uuid:7d9e4a50-3b1f-4c2a-8e6d-5f0a9b8c7d21",
            authority=authority.profile(),
            industry_body=industry_body.profile(),
            sectors=["Svetsning", "Verkstadsindustri"],
            valid_from=RECOGNISED_FROM,
            valid_until=None,
        ),
        created=RECOGNISED_FROM,
    )
    specification = Specification.from_json(content or specification_content())
    achievement = ob3_achievement(
        specification,
        id=ACHIEVEMENT_ID,
        creator=provider.profile(),
        language=specification.language,
        skill_labels=WELDING_SKILLS,
    )
    approval = industry_body.sign(
        approval_credential(
            id="urn:uuid:b8a3c1d2-9e4f-4a6b-8c7d-1e2f3a4b5c6d",
            industry_body=industry_body.profile((recognition,)),
            achievement=achievement,
            comment="Kraven motsvarar branschens behov.",
            valid_from=APPROVED_AT,
        ),
        created=APPROVED_AT,
    )
    return TrustChain(
        authority=authority,
        provider=provider,
        industry_body=industry_body,
        specification=specification,
        achievement=achievement,
        accreditation=accreditation,
        recognition=recognition,
        approval=approval,
    )
