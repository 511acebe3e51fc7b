"""Presentations: holder binding, challenge and domain, and the credentials inside."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from meritpass.core.credentials.presentation import presentation
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.documents import JsonObject
from meritpass.core.errors import InputError
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.verification.report import CheckName, Outcome, Report
from meritpass.core.verification.verify import verify_presentation
from tests.factories import NOW, Issuer, key, policy

HOLDER = key(2)


def present(
    credentials: list[JsonObject],
    signer: Ed25519Multikey = HOLDER,
    *,
    holder: str | None = None,
    challenge: str | None = "c-123",
    domain: str | None = "verifier.example",
) -> JsonObject:
    unsigned = presentation(credentials, holder=holder or did_key(signer))
    return sign(
        unsigned,
        key=signer,
        verification_method=verification_method_id(signer),
        proof_purpose="authentication",
        challenge=challenge,
        domain=domain,
        created=NOW - timedelta(minutes=1),
    )


def subject_credential(subject: str | None = None) -> JsonObject:
    issuer = Issuer()
    document = issuer.credential(status_index=None)
    credential_subject = document["credentialSubject"]
    assert isinstance(credential_subject, dict)
    if subject is None:
        credential_subject.pop("id")
    else:
        credential_subject["id"] = subject
    return issuer.sign(document)


def codes(report: Report, name: CheckName) -> list[tuple[Outcome, str]]:
    return [(check.outcome, check.code) for check in report.by_name(name)]


def test_holder_presents_own_credential_with_the_challenge() -> None:
    vp = present([subject_credential(did_key(HOLDER))])
    report = verify_presentation(vp, policy=policy(), challenge="c-123", domain="verifier.example")
    assert report.verified
    assert codes(report, CheckName.HOLDER) == [
        (Outcome.PASSED, "holder.controls_key"),
        (Outcome.PASSED, "holder.challenge"),
        (Outcome.PASSED, "holder.is_subject"),
    ]
    assert len(report.credentials) == 1
    assert report.credentials[0].verified


@pytest.mark.parametrize(
    ("challenge", "domain", "code"),
    [
        ("other", "verifier.example", "proof.wrong_challenge"),
        ("c-123", "evil.example", "proof.wrong_domain"),
    ],
)
def test_replay_to_another_challenge_or_domain_fails(
    challenge: str, domain: str, code: str
) -> None:
    vp = present([subject_credential(did_key(HOLDER))])
    report = verify_presentation(vp, policy=policy(), challenge=challenge, domain=domain)
    assert codes(report, CheckName.PROOF) == [(Outcome.FAILED, code)]
    assert not report.verified


def test_a_presentation_without_a_requested_challenge_says_so() -> None:
    vp = present([subject_credential(did_key(HOLDER))], challenge=None, domain=None)
    report = verify_presentation(vp, policy=policy())
    assert (Outcome.SKIPPED, "holder.no_challenge") in codes(report, CheckName.HOLDER)


def test_someone_else_presenting_my_credential_fails_holder_binding() -> None:
    thief = key(3)
    vp = present([subject_credential(did_key(HOLDER))], signer=thief)
    report = verify_presentation(vp, policy=policy(), challenge="c-123")
    assert (Outcome.FAILED, "holder.not_subject") in codes(report, CheckName.HOLDER)
    assert not report.verified


def test_claiming_another_holder_fails() -> None:
    thief = key(3)
    vp = present([subject_credential(did_key(HOLDER))], signer=thief, holder=did_key(HOLDER))
    report = verify_presentation(vp, policy=policy(), challenge="c-123")
    assert (Outcome.FAILED, "holder.not_controller") in codes(report, CheckName.HOLDER)
    assert not report.verified


def test_a_credential_without_subject_id_is_unbound_not_failed() -> None:
    vp = present([subject_credential(None)])
    report = verify_presentation(vp, policy=policy(), challenge="c-123")
    assert (Outcome.SKIPPED, "holder.subject_unbound") in codes(report, CheckName.HOLDER)
    assert report.verified


def test_a_tampered_credential_inside_fails_the_presentation() -> None:
    credential = subject_credential(did_key(HOLDER))
    tampered = copy.deepcopy(credential)
    tampered["name"] = "Changed"
    vp = present([tampered])
    report = verify_presentation(vp, policy=policy(), challenge="c-123")
    assert codes(report, CheckName.PROOF) == [(Outcome.PASSED, "proof.verified")]
    assert not report.credentials[0].verified
    assert not report.verified
    assert any(check.code == "proof.invalid_signature" for check in report.failures())


def test_a_credential_signed_for_assertion_is_not_a_presentation_proof() -> None:
    credential = subject_credential(did_key(HOLDER))
    unsigned = presentation([credential], holder=did_key(HOLDER))
    wrong = sign(unsigned, key=HOLDER, verification_method=verification_method_id(HOLDER))
    report = verify_presentation(wrong, policy=policy())
    assert codes(report, CheckName.PROOF) == [(Outcome.FAILED, "proof.wrong_purpose")]


def test_a_presentation_needs_credentials() -> None:
    with pytest.raises(InputError) as raised:
        presentation([], holder=did_key(HOLDER))
    assert raised.value.code == "presentation.no_credentials"


def test_vc_1_1_credentials_get_a_vc_1_1_presentation() -> None:
    credential: JsonObject = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": []}
    assert presentation([credential], holder="did:example:h")["@context"] == [
        "https://www.w3.org/2018/credentials/v1"
    ]
