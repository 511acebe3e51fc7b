"""The Open Badges 3.0 achievement and credential of a micro-credential award."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pytest

from meritpass.core.credentials.microcredential import Specification
from meritpass.core.credentials.ob3 import (
    CONTEXTS,
    Learner,
    Profile,
    achievement,
    achievement_digest,
    email_identity_hash,
)
from meritpass.core.documents import JsonObject
from meritpass.core.errors import CredentialError
from meritpass.core.jsonld.to_rdf import convert
from meritpass.core.status.credential import status_list_entry
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.verify import verify_credential
from tests.factories import (
    ACHIEVEMENT_ID,
    SIGNED_AT,
    STATUS_URL,
    WELDING_SKILLS,
    TrustChain,
    specification_content,
    trust_chain,
)

CREATOR = Profile(id="did:web:meritpass.example:orgs:yrkesakademin", name="Yrkesakademin")


@pytest.fixture(scope="module")
def chain() -> TrustChain:
    return trust_chain()


def build(language: str = "sv", **changes: Any) -> JsonObject:
    spec = Specification.from_json(specification_content(**changes))
    return achievement(
        spec, id=ACHIEVEMENT_ID, creator=CREATOR, language=language, skill_labels=WELDING_SKILLS
    )


def entry(purpose: str = "revocation", index: int = 94567) -> JsonObject:
    return status_list_entry(
        status_list_credential=STATUS_URL, status_list_index=index, status_purpose=purpose
    )


# --- the achievement --------------------------------------------------------------------------


def test_the_achievement_carries_every_annex_i_element_of_the_specification() -> None:
    built = build()
    assert built["type"] == ["Achievement"]
    assert built["achievementType"] == "MicroCredential"
    assert built["name"] == "Svetsning MIG/MAG, grundnivå"
    assert built["description"].startswith("Mikromerit i MIG/MAG-svetsning")
    assert built["criteria"] == {
        "narrative": "- Deltagaren svetsar kälsvetsar i stålplåt med MAG enligt WPS.\n"
        "- Deltagaren läser svetsritningar och arbetar säkert."
    }
    assert [item["targetUrl"] for item in built["alignment"]] == list(WELDING_SKILLS)
    assert built["alignment"][1]["targetName"] == "använda svetsutrustning"
    assert built["creditsAvailable"] == 7.5
    assert built["volumeOfLearning"] == "PT200H"
    assert built["eqfLevel"] == "http://data.europa.eu/snb/eqf/4"
    assert (built["seqfLevel"], built["seqfDecision"]) == (4, "MYH 2024/1234")
    assert built["fieldOfEducation"] == "http://data.europa.eu/snb/isced-f/0715"
    assert built["fieldOfStudy"] == "Maskinteknik och metallarbete"
    assert built["assessmentType"] == "http://data.europa.eu/snb/assessment/6a4db9f11d"
    assert built["participationForm"].endswith("/9191af2ed9")
    assert built["qualityAssurance"].endswith("industry-approval")
    assert built["supervision"].endswith("supervised-onsite-with-id")
    assert built["prerequisites"] == "Grundläggande verkstadsvana."
    assert built["homepage"] == "https://yrkesakademin.example/svetsning"
    assert built["inLanguage"] == "sv"
    assert built["creator"] == {"id": CREATOR.id, "type": ["Profile"], "name": "Yrkesakademin"}
    assert "endorsement" not in built
    assert "furtherInformation" not in built


def test_the_grading_scheme_becomes_a_result_description() -> None:
    assert build()["resultDescription"] == [
        {
            "id": ACHIEVEMENT_ID + "#grade",
            "type": ["ResultDescription"],
            "name": "Godkänd eller underkänd",
            "resultType": "LetterGrade",
            "allowedValue": ["Godkänd", "Underkänd"],
        }
    ]
    free_text = build(grading={"scheme": {"sv": "Omdöme", "en": "Assessment"}})
    assert free_text["resultDescription"][0]["resultType"] == "Result"
    assert "allowedValue" not in free_text["resultDescription"][0]
    assert "resultDescription" not in build(grading=None)


def test_the_texts_follow_the_language() -> None:
    built = build("en")
    assert built["name"] == "MIG/MAG welding, basic level"
    assert built["fieldOfStudy"] == "Mechanics and metal trades"
    assert built["inLanguage"] == "en"


def test_whole_ects_credits_are_written_as_an_integer() -> None:
    built = build(workload={"ects": "30.0"})
    assert built["creditsAvailable"] == 30
    assert isinstance(built["creditsAvailable"], int)
    assert "volumeOfLearning" not in built


def test_a_skill_without_a_label_is_refused() -> None:
    spec = Specification.from_json(specification_content())
    labels = dict(list(WELDING_SKILLS.items())[1:])
    with pytest.raises(CredentialError) as raised:
        achievement(spec, id=ACHIEVEMENT_ID, creator=CREATOR, language="sv", skill_labels=labels)
    assert raised.value.code == "credential.missing_skill_label"


@pytest.mark.parametrize("identifier", ["versions/3", "", "3", "://x"])
def test_a_relative_id_is_refused(identifier: str) -> None:
    spec = Specification.from_json(specification_content())
    with pytest.raises(CredentialError) as raised:
        achievement(
            spec, id=identifier, creator=CREATOR, language="sv", skill_labels=WELDING_SKILLS
        )
    assert raised.value.code == "credential.not_absolute"


def test_the_digest_ignores_endorsements_but_nothing_else() -> None:
    built = build()
    digest = achievement_digest(built)
    assert achievement_digest({**built, "endorsement": [{"id": "urn:x"}]}) == digest
    assert achievement_digest({**built, "eqfLevel": "http://data.europa.eu/snb/eqf/5"}) != digest
    assert achievement_digest(build()) == digest  # deterministic


# --- the credential ---------------------------------------------------------------------------


def test_the_credential_embeds_the_chain_unchanged(chain: TrustChain) -> None:
    credential = chain.credential()
    assert credential["@context"] == list(CONTEXTS)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["name"] == "Svetsning MIG/MAG, grundnivå"
    assert credential["validFrom"] == "2026-06-12T09:00:00Z"
    issuer = credential["issuer"]
    assert issuer["address"] == {"type": ["Address"], "addressCountryCode": "SE"}
    assert issuer["endorsement"] == [chain.accreditation]
    assert issuer["endorsement"][0] is not chain.accreditation
    embedded = credential["credentialSubject"]["achievement"]
    assert embedded["endorsement"] == [chain.approval]
    assert {k: v for k, v in embedded.items() if k != "endorsement"} == chain.achievement
    assert "endorsement" not in chain.achievement


def test_the_learner_is_identified_by_a_salted_email_hash_and_name(chain: TrustChain) -> None:
    subject = chain.credential()["credentialSubject"]
    digest = hashlib.sha256(b"alva.lindqvist@example.sep7Q2xL9v").hexdigest()
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": "sha256$" + digest,
            "identityType": "emailAddress",
            "hashed": True,
            "salt": "p7Q2xL9v",
        },
        {
            "type": "IdentityObject",
            "identityHash": "Alva Lindqvist",
            "identityType": "name",
            "hashed": False,
        },
    ]
    assert subject["id"].startswith("did:key:")
    assert "alva" not in str(subject["identifier"][0]).lower()


def test_the_email_hash_ignores_case_and_surrounding_space() -> None:
    assert email_identity_hash(" Alva.Lindqvist@Example.SE ", "s") == email_identity_hash(
        "alva.lindqvist@example.se", "s"
    )
    assert email_identity_hash("a@example.se", "s1") != email_identity_hash("a@example.se", "s2")


def test_a_learner_without_a_did_has_no_subject_id(chain: TrustChain) -> None:
    learner = Learner(name="Alva Lindqvist", email="alva@example.se", salt="x")
    subject = chain.credential(learner=learner)["credentialSubject"]
    assert "id" not in subject


def test_the_grade_is_a_result_of_the_result_description(chain: TrustChain) -> None:
    subject = chain.credential(grade="Underkänd")["credentialSubject"]
    assert subject["result"] == [
        {"type": ["Result"], "resultDescription": ACHIEVEMENT_ID + "#grade", "value": "Underkänd"}
    ]
    assert "result" not in chain.credential(grade=None)["credentialSubject"]


def test_a_grade_outside_the_scheme_is_refused(chain: TrustChain) -> None:
    with pytest.raises(CredentialError) as raised:
        chain.credential(grade="A")
    assert raised.value.code == "credential.grade_not_allowed"
    assert "Godkänd, Underkänd" in raised.value.message("sv")
    ungraded = {k: v for k, v in chain.achievement.items() if k != "resultDescription"}
    with pytest.raises(CredentialError) as raised:
        chain.credential(achievement=ungraded, grade="Godkänd")
    assert raised.value.code == "credential.no_grading"


def test_one_status_entry_is_an_object_and_several_a_list(chain: TrustChain) -> None:
    assert chain.credential(status=[entry()])["credentialStatus"] == entry()
    both = chain.credential(status=[entry(), entry("suspension", 12)])["credentialStatus"]
    assert both == [entry(), entry("suspension", 12)]
    assert "credentialStatus" not in chain.credential(status=[])


def test_a_learner_needs_an_email(chain: TrustChain) -> None:
    with pytest.raises(CredentialError) as raised:
        chain.credential(learner=Learner(name="Alva", email=" ", salt="x"))
    assert raised.value.code == "credential.no_email"


def test_building_leaves_the_inputs_untouched(chain: TrustChain) -> None:
    before = copy.deepcopy((chain.achievement, chain.approval, chain.accreditation))
    credential = chain.credential()
    credential["credentialSubject"]["achievement"]["endorsement"][0]["name"] = "changed"
    credential["issuer"]["endorsement"][0]["name"] = "changed"
    assert (chain.achievement, chain.approval, chain.accreditation) == before


# --- signing in safe mode ---------------------------------------------------------------------


def test_the_credential_signs_in_safe_mode_and_verifies(chain: TrustChain) -> None:
    credential = chain.credential()
    assert convert(credential).fallback is None  # the fast path handles every term
    signed = chain.provider.sign(credential)
    report = verify_credential(signed, policy=chain.policy())
    assert report.verified, report.failures()
    for name in (CheckName.FORMAT, CheckName.PROOF, CheckName.TRUST, CheckName.APPROVAL):
        assert [check.outcome for check in report.by_name(name)] == [Outcome.PASSED]


def test_a_credential_with_several_status_entries_signs_and_verifies(chain: TrustChain) -> None:
    signed = chain.signed_credential(status=[entry(), entry("suspension", 12)])
    report = verify_credential(signed, policy=chain.policy())
    for name in (CheckName.FORMAT, CheckName.PROOF):
        assert [check.outcome for check in report.by_name(name)] == [Outcome.PASSED]


def test_the_award_date_is_the_valid_from(chain: TrustChain) -> None:
    credential = chain.credential(valid_from=SIGNED_AT, valid_until=SIGNED_AT.replace(year=2031))
    assert credential["validUntil"] == "2031-06-12T09:00:00Z"
