"""The trust and approval checks: the chain to a trust anchor, each way it can break, and
hostile shapes that must fail a check without raising."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from meritpass.core.credentials.endorsements import (
    accreditation_credential,
    approval_credential,
    recognition_credential,
)
from meritpass.core.credentials.ob3 import Learner
from meritpass.core.credentials.presentation import presentation
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.documents import JsonObject
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.verification.report import Check, CheckName, Outcome, Report
from meritpass.core.verification.trust import MAX_ENDORSEMENTS, check_approval, check_trust
from meritpass.core.verification.verify import verify_credential, verify_presentation
from tests.factories import (
    ACCREDITED_FROM,
    APPROVED_AT,
    RECOGNISED_FROM,
    Issuer,
    Party,
    TrustChain,
    key,
    trust_chain,
)
from tests.factories import policy as plain_policy


@pytest.fixture(scope="module")
def chain() -> TrustChain:
    return trust_chain()


def report(chain: TrustChain, credential: JsonObject, **policy: Any) -> Report:
    return verify_credential(chain.provider.sign(credential), policy=chain.policy(**policy))


def only(report: Report, name: CheckName) -> Check:
    (check,) = report.by_name(name)
    for language in ("sv", "en"):  # every parameter of the text is filled in
        assert "{" not in check.message(language), check.message(language)
    return check


def trust(report: Report) -> tuple[Outcome, str]:
    check = only(report, CheckName.TRUST)
    return check.outcome, check.code


def approval(report: Report) -> tuple[Outcome, str]:
    check = only(report, CheckName.APPROVAL)
    return check.outcome, check.code


def accreditation(chain: TrustChain, **changes: Any) -> JsonObject:
    arguments: dict[str, Any] = {
        "id": "urn:uuid:5b1d7c0e-1f2a-4b3c-8d4e-6f7a8b9c0d1e",
        "authority": chain.authority.profile(),
        "provider": chain.provider.profile(),
        "eqf_levels": [4],
        "fields": ["071"],
        "valid_from": ACCREDITED_FROM,
        "valid_until": None,
        "decision": "MYH 2026/7",
    }
    arguments.update(changes)
    return accreditation_credential(**arguments)


def approval_by(
    chain: TrustChain, body: Party, recognition: JsonObject | None, **changes: Any
) -> JsonObject:
    endorsements = () if recognition is None else (recognition,)
    arguments: dict[str, Any] = {
        "id": "urn:uuid:0d6c5b4a-3f2e-4d1c-9b8a-7e6f5d4c3b2a",
        "industry_body": body.profile(endorsements),
        "achievement": chain.achievement,
        "comment": "",
        "valid_from": APPROVED_AT,
    }
    arguments.update(changes)
    return body.sign(approval_credential(**arguments), created=APPROVED_AT)


def recognition_of(chain: TrustChain, body: Party, **changes: Any) -> JsonObject:
    arguments: dict[str, Any] = {
        "id": "urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "authority": chain.authority.profile(),
        "industry_body": body.profile(),
        "sectors": ["Svetsning"],
        "valid_from": RECOGNISED_FROM,
        "valid_until": None,
    }
    arguments.update(changes)
    signer = changes.pop("signer", chain.authority)
    arguments.pop("signer", None)
    return signer.sign(recognition_credential(**arguments), created=RECOGNISED_FROM)


def with_accreditation(chain: TrustChain, *endorsements: JsonObject) -> JsonObject:
    return chain.credential(issuer=chain.provider.profile(endorsements))


# --- the whole chain --------------------------------------------------------------------------


def test_the_full_chain_passes(chain: TrustChain) -> None:
    result = report(chain, chain.credential())
    assert trust(result) == (Outcome.PASSED, "trust.passed")
    assert approval(result) == (Outcome.PASSED, "approval.passed")
    assert result.verified
    message = only(result, CheckName.TRUST).message("sv")
    assert "EQF-nivå 4" in message
    assert "0715" in message
    assert chain.authority.did in only(result, CheckName.APPROVAL).message("en")


def test_without_anchors_both_checks_are_skipped(chain: TrustChain) -> None:
    result = report(chain, chain.credential(), anchors=frozenset())
    assert trust(result) == (Outcome.SKIPPED, "trust.not_configured")
    assert approval(result) == (Outcome.SKIPPED, "approval.not_configured")
    assert result.verified


def test_a_presentation_checks_the_chain_of_each_credential(chain: TrustChain) -> None:
    holder = key(9)
    learner = Learner(name="Alva", email="alva@example.se", salt="s", did=did_key(holder))
    credential = chain.signed_credential(learner=learner)
    document = sign(
        presentation([credential], holder=did_key(holder)),
        key=holder,
        verification_method=verification_method_id(holder),
        proof_purpose="authentication",
        challenge="c-1",
        created=APPROVED_AT,
    )
    result = verify_presentation(document, policy=chain.policy(), challenge="c-1")
    assert result.verified, result.failures()
    (inner,) = result.credentials
    assert trust(inner) == (Outcome.PASSED, "trust.passed")
    assert approval(inner) == (Outcome.PASSED, "approval.passed")


# --- trust: each way the accreditation can fail -----------------------------------------------


def test_an_accreditation_from_an_authority_that_is_no_anchor_fails(chain: TrustChain) -> None:
    other = Party(key(31), "Annan myndighet").did
    result = report(chain, chain.credential(), anchors=frozenset({other}))
    assert trust(result) == (Outcome.FAILED, "trust.untrusted_authority")
    assert approval(result) == (Outcome.FAILED, "approval.not_recognised")
    assert chain.authority.did in only(result, CheckName.TRUST).message("en")
    assert not result.verified


def test_an_accreditation_that_ended_before_the_award_fails() -> None:
    expired = trust_chain(
        accredited_from=datetime(2024, 1, 1, tzinfo=UTC),
        accredited_until=datetime(2025, 12, 31, tzinfo=UTC),
    )
    result = report(expired, expired.credential())
    assert trust(result) == (Outcome.FAILED, "trust.outside_period")
    assert "2025-12-31T00:00:00Z" in only(result, CheckName.TRUST).message("sv")


def test_an_accreditation_that_started_after_the_award_fails() -> None:
    late = trust_chain(accredited_from=datetime(2026, 7, 1, tzinfo=UTC))
    assert trust(report(late, late.credential())) == (Outcome.FAILED, "trust.outside_period")


def test_an_award_stays_trusted_after_its_accreditation_ends() -> None:
    ended = trust_chain(accredited_until=datetime(2026, 9, 30, tzinfo=UTC))  # before NOW
    result = report(ended, ended.credential())
    assert trust(result) == (Outcome.PASSED, "trust.passed")


def test_a_level_outside_the_scope_fails() -> None:
    narrow = trust_chain(eqf_levels=(5, 6))
    result = report(narrow, narrow.credential())
    assert trust(result) == (Outcome.FAILED, "trust.level_outside_scope")
    assert only(result, CheckName.TRUST).params["level"] == "4"


@pytest.mark.parametrize(
    ("fields", "outcome"),
    [
        (("07",), Outcome.PASSED),
        (("071",), Outcome.PASSED),
        (("0715",), Outcome.PASSED),
        (("072", "0714"), Outcome.FAILED),
        (("0716",), Outcome.FAILED),
    ],
)
def test_the_field_must_be_inside_the_scope(fields: tuple[str, ...], outcome: Outcome) -> None:
    scoped = trust_chain(fields=fields)
    check = only(report(scoped, scoped.credential()), CheckName.TRUST)
    assert check.outcome is outcome
    if outcome is Outcome.FAILED:
        assert (check.code, check.params["field"]) == ("trust.field_outside_scope", "0715")


def test_an_accreditation_of_another_provider_fails(chain: TrustChain) -> None:
    stranger = Party(key(32), "Annan skola")
    other = chain.authority.sign(accreditation(chain, provider=stranger.profile()))
    result = report(chain, with_accreditation(chain, other))
    assert trust(result) == (Outcome.FAILED, "trust.subject_mismatch")


def test_a_tampered_accreditation_fails_its_proof(chain: TrustChain) -> None:
    tampered = copy.deepcopy(chain.accreditation)
    tampered["credentialSubject"]["eqfLevel"].append("http://data.europa.eu/snb/eqf/8")
    result = report(chain, with_accreditation(chain, tampered))
    check = only(result, CheckName.TRUST)
    assert (check.outcome, check.code) == (Outcome.FAILED, "trust.accreditation_invalid")
    assert check.params["reason"] == "proof.invalid_signature"
    assert [c.outcome for c in result.by_name(CheckName.PROOF)] == [Outcome.PASSED]


def test_an_unsigned_accreditation_fails(chain: TrustChain) -> None:
    result = report(chain, with_accreditation(chain, accreditation(chain)))
    check = only(result, CheckName.TRUST)
    assert (check.code, check.params["reason"]) == ("trust.accreditation_invalid", "proof.missing")


def test_an_accreditation_the_provider_signed_itself_fails(chain: TrustChain) -> None:
    forged = chain.provider.sign(accreditation(chain, eqf_levels=[1, 2, 3, 4, 5, 6, 7, 8]))
    check = only(report(chain, with_accreditation(chain, forged)), CheckName.TRUST)
    assert (check.code, check.params["reason"]) == (
        "trust.accreditation_invalid",
        "proof.controller_mismatch",
    )


def test_an_issuer_without_accreditation_fails(chain: TrustChain) -> None:
    result = report(chain, with_accreditation(chain))
    assert trust(result) == (Outcome.FAILED, "trust.no_accreditation")


def test_the_accreditation_that_got_furthest_is_reported(chain: TrustChain) -> None:
    untrusted = Party(key(33), "Falsk myndighet")
    stranger = untrusted.sign(accreditation(chain, authority=untrusted.profile()))
    narrow = chain.authority.sign(accreditation(chain, eqf_levels=[6]))
    result = report(chain, with_accreditation(chain, stranger, narrow))
    assert trust(result) == (Outcome.FAILED, "trust.level_outside_scope")
    result = report(chain, with_accreditation(chain, stranger, narrow, chain.accreditation))
    assert trust(result) == (Outcome.PASSED, "trust.passed")


def test_only_the_first_endorsements_are_examined(chain: TrustChain) -> None:
    crowded = [
        chain.authority.sign(accreditation(chain, id=f"urn:example:narrow:{n}", eqf_levels=[6]))
        for n in range(MAX_ENDORSEMENTS)
    ]
    crowded.append(chain.accreditation)
    result = report(chain, with_accreditation(chain, *crowded))
    assert trust(result) == (Outcome.FAILED, "trust.level_outside_scope")


# --- approval: each way it can fail -----------------------------------------------------------


def test_a_changed_achievement_no_longer_matches_the_approved_digest(chain: TrustChain) -> None:
    changed = {**chain.achievement, "name": "Svetsning MIG/MAG, fortsättning"}
    result = report(chain, chain.credential(achievement=changed))
    assert approval(result) == (Outcome.FAILED, "approval.digest_mismatch")
    assert [c.outcome for c in result.by_name(CheckName.PROOF)] == [Outcome.PASSED]


def test_an_achievement_without_approval_fails(chain: TrustChain) -> None:
    result = report(chain, chain.credential(approvals=()))
    assert approval(result) == (Outcome.FAILED, "approval.missing")


def test_an_approval_of_another_achievement_fails(chain: TrustChain) -> None:
    other = {**chain.achievement, "id": "https://meritpass.example/specifications/other/1"}
    elsewhere = approval_by(chain, chain.industry_body, chain.recognition, achievement=other)
    result = report(chain, chain.credential(approvals=(elsewhere,)))
    assert approval(result) == (Outcome.FAILED, "approval.subject_mismatch")


def test_an_approval_given_after_the_award_fails(chain: TrustChain) -> None:
    late = approval_by(
        chain, chain.industry_body, chain.recognition, valid_from=datetime(2026, 7, 1, tzinfo=UTC)
    )
    result = report(chain, chain.credential(approvals=(late,)))
    assert approval(result) == (Outcome.FAILED, "approval.outside_period")


def test_a_tampered_approval_fails_its_proof(chain: TrustChain) -> None:
    tampered = copy.deepcopy(chain.approval)
    tampered["credentialSubject"]["endorsementComment"] = "Godkänd utan förbehåll."
    check = only(report(chain, chain.credential(approvals=(tampered,))), CheckName.APPROVAL)
    assert (check.code, check.params["reason"]) == ("approval.invalid", "proof.invalid_signature")


def test_an_approval_by_an_unrecognised_body_fails(chain: TrustChain) -> None:
    unrecognised = approval_by(chain, chain.industry_body, None)
    result = report(chain, chain.credential(approvals=(unrecognised,)))
    assert approval(result) == (Outcome.FAILED, "approval.not_recognised")


def test_a_recognition_by_an_authority_that_is_no_anchor_fails(chain: TrustChain) -> None:
    rogue = Party(key(34), "Falsk myndighet")
    recognition = recognition_of(
        chain, chain.industry_body, authority=rogue.profile(), signer=rogue
    )
    result = report(
        chain, chain.credential(approvals=(approval_by(chain, chain.industry_body, recognition),))
    )
    check = only(result, CheckName.APPROVAL)
    assert (check.code, check.params["authority"]) == ("approval.not_recognised", rogue.did)


def test_a_recognition_of_another_body_fails(chain: TrustChain) -> None:
    recognition = recognition_of(chain, Party(key(35), "Annan bransch"))
    result = report(
        chain, chain.credential(approvals=(approval_by(chain, chain.industry_body, recognition),))
    )
    assert approval(result) == (Outcome.FAILED, "approval.recognition_subject_mismatch")


def test_a_recognition_that_began_after_the_approval_fails(chain: TrustChain) -> None:
    recognition = recognition_of(
        chain, chain.industry_body, valid_from=datetime(2026, 5, 1, tzinfo=UTC)
    )
    result = report(
        chain, chain.credential(approvals=(approval_by(chain, chain.industry_body, recognition),))
    )
    assert approval(result) == (Outcome.FAILED, "approval.recognition_outside_period")


def test_a_tampered_recognition_fails_its_proof(chain: TrustChain) -> None:
    recognition = copy.deepcopy(chain.recognition)
    recognition["credentialSubject"]["sector"] = ["Vård och omsorg"]
    result = report(
        chain, chain.credential(approvals=(approval_by(chain, chain.industry_body, recognition),))
    )
    assert approval(result) == (Outcome.FAILED, "approval.recognition_invalid")


def test_a_credential_that_awards_no_micro_credential_needs_no_approval(chain: TrustChain) -> None:
    badge = {**chain.achievement, "achievementType": "Badge"}
    result = report(chain, chain.credential(achievement=badge, approvals=()))
    assert approval(result) == (Outcome.SKIPPED, "approval.not_applicable")


# --- hostile shapes: a failed check, never an exception ---------------------------------------

HOSTILE = ["x", [1], {}, [None], 42, True, [[]], [{"type": "AccreditationCredential"}]]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_hostile_issuer_endorsement_fails_the_trust_check(chain: TrustChain, value: Any) -> None:
    credential = chain.credential()
    credential["issuer"]["endorsement"] = value
    for document in (credential, chain.provider.sign(credential)):
        result = verify_credential(document, policy=chain.policy())
        outcome, code = trust(result)
        assert outcome is Outcome.FAILED
        assert code in {
            "trust.malformed_endorsement",
            "trust.no_accreditation",
            "trust.untrusted_authority",
        }
        assert result.to_json()["verified"] is False


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_hostile_achievement_endorsement_fails_the_approval_check(
    chain: TrustChain, value: Any
) -> None:
    credential = chain.credential()
    credential["credentialSubject"]["achievement"]["endorsement"] = value
    outcome, code = approval(verify_credential(credential, policy=chain.policy()))
    assert outcome is Outcome.FAILED
    assert code in {"approval.malformed_endorsement", "approval.missing", "approval.invalid"}


@pytest.mark.parametrize(
    "change",
    [
        {"issuer": "did:example:no-profile"},
        {"issuer": {"id": 42, "endorsement": "x"}},
        {"credentialSubject": "x"},
        {"credentialSubject": [{"achievement": "x"}]},
        {"credentialSubject": {"achievement": {"id": 7, "endorsement": []}}},
        {"validFrom": "yesterday"},
    ],
    ids=repr,
)
def test_hostile_documents_never_raise(chain: TrustChain, change: JsonObject) -> None:
    credential = chain.credential()
    credential.update(change)
    policy = chain.policy()
    for check in (check_trust(credential, policy), check_approval(credential, policy)):
        assert check.code != "report.internal_error"
    assert not verify_credential(credential, policy=policy).verified


def test_a_hostile_embedded_credential_body_fails_cleanly(chain: TrustChain) -> None:
    hostile = {
        "type": ["VerifiableCredential", "EndorsementCredential", "AccreditationCredential"],
        "issuer": chain.authority.did,
        "validFrom": "not a date",
        "credentialSubject": [1, 2],
        "proof": "x",
    }
    check = check_trust(with_accreditation(chain, hostile), chain.policy())
    assert (check.code, check.params["reason"]) == ("trust.accreditation_invalid", "format.date")
    hostile["validFrom"] = "2026-01-01T00:00:00Z"
    check = check_trust(with_accreditation(chain, hostile), chain.policy())
    assert (check.code, check.params["reason"]) == (
        "trust.accreditation_invalid",
        "proof.malformed",
    )


def test_a_plain_credential_fails_trust_once_anchors_are_configured(chain: TrustChain) -> None:
    issuer = Issuer()
    signed = issuer.sign(issuer.credential(status_index=None))
    result = verify_credential(signed, policy=plain_policy(anchors=chain.anchors))
    assert trust(result) == (Outcome.FAILED, "trust.no_accreditation")
    assert approval(result) == (Outcome.FAILED, "approval.missing")


def test_an_award_typed_as_an_endorsement_is_still_checked_as_an_award(chain: TrustChain) -> None:
    credential = chain.credential(approvals=())
    credential["type"] = [*credential["type"], "ApprovalCredential", "AccreditationCredential"]
    result = report(chain, credential)
    assert trust(result) == (Outcome.PASSED, "trust.passed")
    assert approval(result) == (Outcome.FAILED, "approval.missing")
