"""The accreditation, recognition, approval and trust-list credentials of the trust chain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from meritpass.core.credentials.endorsements import (
    TrustListEntry,
    accreditation_credential,
    approval_credential,
    recognition_credential,
    trust_list_credential,
)
from meritpass.core.credentials.ob3 import CONTEXTS, achievement_digest
from meritpass.core.documents import JsonObject
from meritpass.core.errors import CredentialError
from meritpass.core.jsonld.to_rdf import convert
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.verify import verify_credential
from tests.factories import (
    ACCREDITED_FROM,
    ACCREDITED_UNTIL,
    ACHIEVEMENT_ID,
    TrustChain,
    trust_chain,
)

TRUST_LIST_ID = "https://meritpass.example/trust/list.json"


@pytest.fixture(scope="module")
def chain() -> TrustChain:
    return trust_chain()


def accreditation(chain: TrustChain, **changes: object) -> JsonObject:
    arguments: dict[str, object] = {
        "id": "urn:uuid:2c0b3f1e-0a4e-4f7e-9a51-0d2c6b1a7e10",
        "authority": chain.authority.profile(),
        "provider": chain.provider.profile(),
        "eqf_levels": [5, 4, 4],
        "fields": ["071", "0413"],
        "valid_from": ACCREDITED_FROM,
        "valid_until": ACCREDITED_UNTIL,
        "decision": " MYH 2025/0042 ",
    }
    arguments.update(changes)
    return accreditation_credential(**arguments)  # type: ignore[arg-type]


def trust_list(chain: TrustChain) -> JsonObject:
    return trust_list_credential(
        id=TRUST_LIST_ID,
        authority=chain.authority.profile(),
        providers=[
            TrustListEntry(
                id=chain.provider.did,
                name="Yrkesakademin i Norrland",
                credential="urn:uuid:2c0b3f1e-0a4e-4f7e-9a51-0d2c6b1a7e10",
                valid_from=ACCREDITED_FROM,
                valid_until=ACCREDITED_UNTIL,
                eqf_levels=(3, 4),
                fields=("071",),
            )
        ],
        industry_bodies=[
            TrustListEntry(
                id=chain.industry_body.did,
                name="Svetskommissionen",
                credential="urn:uuid:7d9e4a50-3b1f-4c2a-8e6d-5f0a9b8c7d21",
                valid_from=ACCREDITED_FROM,
                sectors=("Svetsning",),
            )
        ],
        valid_from=datetime(2026, 11, 1, tzinfo=UTC),
        valid_until=datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_an_accreditation_names_the_provider_and_its_scope(chain: TrustChain) -> None:
    built = accreditation(chain)
    assert built["@context"] == list(CONTEXTS)
    assert built["type"] == [
        "VerifiableCredential",
        "EndorsementCredential",
        "AccreditationCredential",
    ]
    assert built["name"] == "Ackreditering av Yrkesakademin i Norrland"
    assert built["issuer"]["id"] == chain.authority.did
    assert (built["validFrom"], built["validUntil"]) == (
        "2026-01-01T00:00:00Z",
        "2028-12-31T00:00:00Z",
    )
    assert built["credentialSubject"] == {
        "id": chain.provider.did,
        "type": ["EndorsementSubject"],
        "name": "Yrkesakademin i Norrland",
        "eqfLevel": ["http://data.europa.eu/snb/eqf/4", "http://data.europa.eu/snb/eqf/5"],
        "fieldOfEducation": [
            "http://data.europa.eu/snb/isced-f/0413",
            "http://data.europa.eu/snb/isced-f/071",
        ],
        "accreditationDecision": "MYH 2025/0042",
    }
    assert accreditation(chain, language="en")["name"] == (
        "Accreditation of Yrkesakademin i Norrland"
    )


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"eqf_levels": []}, "credential.empty_scope"),
        ({"fields": []}, "credential.empty_scope"),
        ({"eqf_levels": [9]}, "level.eqf_out_of_range"),
        ({"fields": ["0749"]}, "isced.unknown_field"),
        ({"valid_until": ACCREDITED_FROM}, "credential.period_reversed"),
        ({"id": "accreditation-1"}, "credential.not_absolute"),
    ],
)
def test_a_bad_accreditation_is_refused(
    chain: TrustChain, changes: dict[str, object], code: str
) -> None:
    with pytest.raises(CredentialError) as raised:
        accreditation(chain, **changes)
    assert raised.value.code == code


def test_a_recognition_names_the_industry_body_and_its_sectors(chain: TrustChain) -> None:
    built = recognition_credential(
        id="urn:uuid:7d9e4a50-3b1f-4c2a-8e6d-5f0a9b8c7d21",
        authority=chain.authority.profile(),
        industry_body=chain.industry_body.profile(),
        sectors=["Svetsning", " Svetsning", "Svetsning", ""],
        valid_from=ACCREDITED_FROM,
        valid_until=None,
        language="en",
    )
    assert built["type"][-1] == "RecognitionCredential"
    assert built["name"] == "Recognition of Svetskommissionen as an industry body"
    assert "validUntil" not in built
    assert built["credentialSubject"]["id"] == chain.industry_body.did
    assert built["credentialSubject"]["sector"] == ["Svetsning"]


def test_an_approval_is_bound_to_the_achievement_by_its_digest(chain: TrustChain) -> None:
    built = approval_credential(
        id="urn:uuid:b8a3c1d2-9e4f-4a6b-8c7d-1e2f3a4b5c6d",
        industry_body=chain.industry_body.profile((chain.recognition,)),
        achievement=chain.achievement,
        comment="  ",
        valid_from=ACCREDITED_FROM,
    )
    assert built["type"][-1] == "ApprovalCredential"
    assert built["name"] == "Branschgodkännande av Svetsning MIG/MAG, grundnivå"
    assert built["credentialSubject"] == {
        "id": ACHIEVEMENT_ID,
        "type": ["EndorsementSubject"],
        "digestMultibase": achievement_digest(chain.achievement),
    }
    assert built["issuer"]["endorsement"] == [chain.recognition]
    signed_comment = chain.approval["credentialSubject"]["endorsementComment"]
    assert signed_comment == "Kraven motsvarar branschens behov."


def test_an_approval_needs_an_achievement_id(chain: TrustChain) -> None:
    with pytest.raises(CredentialError):
        approval_credential(
            id="urn:uuid:b8a3c1d2-9e4f-4a6b-8c7d-1e2f3a4b5c6d",
            industry_body=chain.industry_body.profile(),
            achievement={"name": "No id"},
            comment="",
            valid_from=ACCREDITED_FROM,
        )


def test_a_trust_list_lists_providers_and_industry_bodies(chain: TrustChain) -> None:
    built = trust_list(chain)
    assert built["type"][-1] == "TrustListCredential"
    subject = built["credentialSubject"]
    assert subject["id"] == TRUST_LIST_ID + "#list"
    assert subject["accreditedProvider"] == [
        {
            "id": chain.provider.did,
            "type": ["TrustListEntry"],
            "name": "Yrkesakademin i Norrland",
            "attestation": "urn:uuid:2c0b3f1e-0a4e-4f7e-9a51-0d2c6b1a7e10",
            "periodStart": "2026-01-01T00:00:00Z",
            "periodEnd": "2028-12-31T00:00:00Z",
            "eqfLevel": ["http://data.europa.eu/snb/eqf/3", "http://data.europa.eu/snb/eqf/4"],
            "fieldOfEducation": ["http://data.europa.eu/snb/isced-f/071"],
        }
    ]
    body = subject["recognisedIndustryBody"][0]
    assert (body["sector"], "periodEnd" in body) == (["Svetsning"], False)


KINDS: dict[str, Callable[[TrustChain], tuple[JsonObject, str]]] = {
    "accreditation": lambda chain: (chain.accreditation, "trust.anchor"),
    "recognition": lambda chain: (chain.recognition, "trust.anchor"),
    "approval": lambda chain: (chain.approval, "trust.not_applicable"),
    "trust list": lambda chain: (chain.authority.sign(trust_list(chain)), "trust.anchor"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_signs_in_safe_mode_and_verifies(chain: TrustChain, kind: str) -> None:
    signed, trust_code = KINDS[kind](chain)
    assert convert({k: v for k, v in signed.items() if k != "proof"}).fallback is None
    report = verify_credential(signed, policy=chain.policy())
    assert report.verified, report.failures()
    assert [check.outcome for check in report.by_name(CheckName.PROOF)] == [Outcome.PASSED]
    assert [check.code for check in report.by_name(CheckName.TRUST)] == [trust_code]


def test_an_approval_on_its_own_is_trusted_through_the_recognition(chain: TrustChain) -> None:
    report = verify_credential(chain.approval, policy=chain.policy())
    assert [check.code for check in report.by_name(CheckName.APPROVAL)] == ["approval.passed"]


def test_an_endorsement_from_an_unknown_authority_is_not_trusted(chain: TrustChain) -> None:
    policy = chain.policy(anchors=frozenset({chain.provider.did}))
    report = verify_credential(chain.accreditation, policy=policy)
    assert [check.code for check in report.by_name(CheckName.TRUST)] == [
        "trust.untrusted_authority"
    ]
    assert not report.verified
