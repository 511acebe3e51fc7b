"""Every check of the verification report, with a passing and a failing case."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from meritpass.core.did.key import verification_method_id
from meritpass.core.documents import JsonObject
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.verification.report import CheckName, Outcome, Report
from meritpass.core.verification.verify import verify_credential
from tests.factories import NOW, STATUS_URL, Issuer, key, policy

SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022"]


def outcome(report: Report, name: CheckName) -> tuple[Outcome, str]:
    checks = report.by_name(name)
    assert len(checks) == 1, checks
    return checks[0].outcome, checks[0].code


@pytest.fixture
def issuer() -> Issuer:
    return Issuer()


def verified_report(issuer: Issuer, document: JsonObject, suite: str = SUITES[0]) -> Report:
    signed = issuer.sign(document, suite)
    return verify_credential(signed, policy=policy(lists={STATUS_URL: issuer.status_list()}))


@pytest.mark.parametrize("suite", SUITES)
def test_a_good_credential_passes_every_check_it_can(issuer: Issuer, suite: str) -> None:
    report = verified_report(issuer, issuer.credential(), suite)
    assert report.verified
    assert outcome(report, CheckName.FORMAT) == (Outcome.PASSED, "format.credential")
    assert outcome(report, CheckName.PROOF) == (Outcome.PASSED, "proof.verified")
    assert outcome(report, CheckName.ISSUER) == (Outcome.PASSED, "issuer.controls_key")
    assert outcome(report, CheckName.STATUS) == (Outcome.PASSED, "status.not_revoked")
    assert outcome(report, CheckName.VALIDITY) == (Outcome.PASSED, "validity.open_ended")
    assert outcome(report, CheckName.TRUST)[0] is Outcome.SKIPPED
    assert outcome(report, CheckName.APPROVAL)[0] is Outcome.SKIPPED


def test_report_json_carries_both_languages(issuer: Issuer) -> None:
    report = verified_report(issuer, issuer.credential()).to_json()
    assert report["verified"] is True
    checks = report["checks"]
    assert isinstance(checks, list)
    first = checks[0]
    assert isinstance(first, dict)
    assert first["message"] == {
        "sv": "Dokumentet är ett korrekt uppbyggt verifierbart intyg (VC Data Model 2.0).",
        "en": "The document is a well-formed verifiable credential (VC Data Model 2.0).",
    }


# --- format -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"@context": ["https://www.w3.org/ns/credentials/examples/v2"]}, "format.base_context"),
        ({"type": ["OpenBadgeCredential"]}, "format.missing_type"),
        ({"issuer": 42}, "format.party"),
        ({"issuer": {"name": "No id"}}, "format.party"),
        ({"credentialSubject": "a string"}, "format.subject"),
        ({"validFrom": "12 June 2026"}, "format.date"),
        ({"validUntil": "2026-13-40T00:00:00Z"}, "format.date"),
    ],
)
def test_format_failures_are_named(issuer: Issuer, change: JsonObject, code: str) -> None:
    document = issuer.credential(status_index=None)
    document.update(change)
    report = verify_credential(document, policy=policy())
    assert outcome(report, CheckName.FORMAT) == (Outcome.FAILED, code)
    assert not report.verified


def test_unknown_context_fails_format_without_a_fetch(issuer: Issuer) -> None:
    document = issuer.credential(status_index=None)
    contexts = document["@context"]
    assert isinstance(contexts, list)
    document["@context"] = [*contexts, "https://evil.example/context.json"]
    report = verify_credential(document, policy=policy())
    assert outcome(report, CheckName.FORMAT) == (Outcome.FAILED, "jsonld.unknown_context")


def test_undefined_term_under_vc_1_1_fails_format() -> None:
    document: JsonObject = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:subject", "unsignedClaim": "would be dropped"},
    }
    report = verify_credential(document, policy=policy())
    assert outcome(report, CheckName.FORMAT) == (Outcome.FAILED, "jsonld.undefined_term")


def test_vc_1_1_requires_issuance_date() -> None:
    document: JsonObject = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:subject"},
    }
    report = verify_credential(document, policy=policy())
    assert outcome(report, CheckName.FORMAT) == (Outcome.FAILED, "format.missing_property")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"not json", "json.invalid"),
        (b'{"a": 1, "a": 2}', "json.duplicate_key"),
        (b"\xff\xfe{}", "json.not_utf8"),
        (b"[1, 2]", "json.not_object"),
        (b'{"n": 9007199254740993}', "json.bad_number"),
        (b'{"n": NaN}', "json.bad_number"),
        (b'{"a":' * 100 + b"1" + b"}" * 100, "json.too_deep"),
        (b'{"s": "\\ud800"}', "json.lone_surrogate"),
    ],
)
def test_unusable_input_is_a_failed_format_check(raw: bytes, code: str) -> None:
    report = verify_credential(raw, policy=policy())
    assert [(c.name, c.outcome, c.code) for c in report.checks] == [
        (CheckName.FORMAT, Outcome.FAILED, code)
    ]


def test_oversized_input_is_refused_before_parsing() -> None:
    raw = b'{"padding": "' + b"x" * 1_000_001 + b'"}'
    report = verify_credential(raw, policy=policy())
    assert outcome(report, CheckName.FORMAT) == (Outcome.FAILED, "json.too_large")


# --- proof and issuer -------------------------------------------------------------------------


@pytest.mark.parametrize("suite", SUITES)
def test_a_changed_credential_fails_its_proof(issuer: Issuer, suite: str) -> None:
    signed = issuer.sign(issuer.credential(), suite)
    changed = copy.deepcopy(signed)
    changed["name"] = "Svetsning TIG, grundnivå"
    report = verify_credential(changed, policy=policy(lists={STATUS_URL: issuer.status_list()}))
    assert outcome(report, CheckName.PROOF) == (Outcome.FAILED, "proof.invalid_signature")
    assert outcome(report, CheckName.ISSUER)[0] is Outcome.SKIPPED
    assert not report.verified


def test_unsigned_credential_is_not_verified(issuer: Issuer) -> None:
    report = verify_credential(issuer.credential(), policy=policy())
    assert outcome(report, CheckName.PROOF) == (Outcome.FAILED, "proof.missing")
    assert not report.verified


def test_signature_by_someone_else_fails_the_issuer_check(issuer: Issuer) -> None:
    impostor = key(9)
    signed = sign(
        issuer.credential(status_index=None),
        key=impostor,
        verification_method=verification_method_id(impostor),
        created=NOW - timedelta(days=1),
    )
    report = verify_credential(signed, policy=policy())
    assert outcome(report, CheckName.PROOF)[0] is Outcome.PASSED
    assert outcome(report, CheckName.ISSUER) == (Outcome.FAILED, "issuer.not_controller")
    assert not report.verified


def test_every_proof_of_a_proof_set_is_reported(issuer: Issuer) -> None:
    endorser = key(7)
    signed = issuer.sign(issuer.credential(status_index=None))
    both = sign(
        signed,
        key=endorser,
        verification_method=verification_method_id(endorser),
        created=NOW - timedelta(days=1),
    )
    report = verify_credential(both, policy=policy())
    assert [check.outcome for check in report.by_name(CheckName.PROOF)] == [Outcome.PASSED] * 2
    assert outcome(report, CheckName.ISSUER)[0] is Outcome.PASSED
    assert report.verified


# --- status -----------------------------------------------------------------------------------


def test_a_revoked_credential_fails_the_status_check(issuer: Issuer) -> None:
    issuer.revoked.add(94567)
    report = verified_report(issuer, issuer.credential())
    assert outcome(report, CheckName.STATUS) == (Outcome.FAILED, "status.revoked")
    assert not report.verified


def test_a_suspended_credential_fails_the_status_check(issuer: Issuer) -> None:
    issuer.revoked.add(12)
    document = issuer.credential(status_index=None)
    document["credentialStatus"] = {
        "id": f"{STATUS_URL}#12",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "suspension",
        "statusListIndex": "12",
        "statusListCredential": STATUS_URL,
    }
    signed = issuer.sign(document)
    lists = {STATUS_URL: issuer.status_list(purpose="suspension")}
    report = verify_credential(signed, policy=policy(lists=lists))
    assert outcome(report, CheckName.STATUS) == (Outcome.FAILED, "status.suspended")


def test_an_unreadable_list_is_never_reported_valid(issuer: Issuer) -> None:
    signed = issuer.sign(issuer.credential())
    report = verify_credential(signed, policy=policy(lists={}))
    assert outcome(report, CheckName.STATUS) == (Outcome.FAILED, "status.list_unavailable")
    assert not report.verified


def test_without_a_status_source_the_status_is_unknown(issuer: Issuer) -> None:
    signed = issuer.sign(issuer.credential())
    quiet = policy()
    report = verify_credential(
        signed,
        policy=type(quiet)(now=quiet.now, resolver=quiet.resolver, fetch_status_list=None),
    )
    assert outcome(report, CheckName.STATUS) == (Outcome.FAILED, "status.not_checked")


def test_a_list_signed_by_another_issuer_is_refused(issuer: Issuer) -> None:
    signed = issuer.sign(issuer.credential())
    other = Issuer(signing_key=key(5))
    forged = other.status_list()
    report = verify_credential(signed, policy=policy(lists={STATUS_URL: forged}))
    status = report.by_name(CheckName.STATUS)[0]
    assert (status.outcome, status.code) == (Outcome.FAILED, "status.list_unavailable")
    assert status.params["cause"] == "status.list_other_issuer"


def test_a_tampered_list_is_refused(issuer: Issuer) -> None:
    signed = issuer.sign(issuer.credential())
    issuer.revoked.add(94567)
    tampered = issuer.status_list()
    clean = Issuer(signing_key=issuer.signing_key).status_list()
    subject = tampered["credentialSubject"]
    assert isinstance(subject, dict)
    tampered["proof"] = clean["proof"]
    report = verify_credential(signed, policy=policy(lists={STATUS_URL: tampered}))
    status = report.by_name(CheckName.STATUS)[0]
    assert status.outcome is Outcome.FAILED
    assert status.params["cause"] == "status.list_not_verified"


def test_no_status_entry_is_skipped_not_passed(issuer: Issuer) -> None:
    report = verified_report(issuer, issuer.credential(status_index=None))
    assert outcome(report, CheckName.STATUS) == (Outcome.SKIPPED, "status.absent")
    assert report.verified


# --- validity period --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"validFrom": "2027-01-01T00:00:00Z"}, (Outcome.FAILED, "validity.not_yet_valid")),
        ({"validUntil": "2026-01-01T00:00:00Z"}, (Outcome.FAILED, "validity.expired")),
        ({"validUntil": "2030-01-01T00:00:00+01:00"}, (Outcome.PASSED, "validity.current")),
    ],
)
def test_validity_period(issuer: Issuer, dates: JsonObject, expected: tuple[Outcome, str]) -> None:
    document = issuer.credential(status_index=None)
    document.update(dates)
    report = verified_report(issuer, document)
    assert outcome(report, CheckName.VALIDITY) == expected
    assert report.verified is (expected[0] is Outcome.PASSED)
