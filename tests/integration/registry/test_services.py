"""Accreditation, recognition and the trust list: signed, validated, audited, all or nothing."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from typing import Any

import pytest

from meritpass.accounts.models import Organisation
from meritpass.audit.models import AuditEvent
from meritpass.core.credentials.endorsements import approval_credential
from meritpass.core.documents import JsonObject
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.trust import check_approval, check_trust
from meritpass.core.verification.verify import verify_credential
from meritpass.registry import services
from meritpass.registry.dids import organisation_did
from meritpass.registry.errors import RegistryError
from meritpass.registry.models import Accreditation, Recognition, TrustListPublication
from meritpass.registry.signing import sign_as
from meritpass.registry.trust import platform_policy
from tests.integration.registry.conftest import NOW, make_organisation

pytestmark = pytest.mark.django_db

EQF = "http://data.europa.eu/snb/eqf/"
ISCED = "http://data.europa.eu/snb/isced-f/"
YEAR = timedelta(days=365)


def accredit(authority: Organisation, provider: Organisation, **changes: Any) -> Accreditation:
    arguments: dict[str, Any] = {
        "eqf_levels": [4, 5],
        "fields": ["073", "0715"],
        "valid_from": NOW - YEAR,
        "valid_until": NOW + YEAR,
        "decision": "UHR dnr 2026/123",
        "actor": None,
        "now": NOW,
    }
    return services.accredit(authority, provider, **(arguments | changes))


def recognise(authority: Organisation, body: Organisation, **changes: Any) -> Recognition:
    arguments: dict[str, Any] = {
        "sectors": ["073"],
        "valid_from": NOW - YEAR,
        "valid_until": None,
        "actor": None,
        "now": NOW,
    }
    return services.recognise(authority, body, **(arguments | changes))


def _proofs_and_issuer_pass(credential: JsonObject, issuer: str) -> None:
    report = verify_credential(credential, policy=platform_policy(NOW))
    for name in (CheckName.FORMAT, CheckName.PROOF, CheckName.ISSUER, CheckName.VALIDITY):
        checks = report.by_name(name)
        assert checks, name
        assert all(check.outcome is Outcome.PASSED for check in checks), report.to_json()
    assert credential["issuer"]["id"] == issuer


def _award(
    provider: Organisation, accreditation: Accreditation, level: int, field: str
) -> JsonObject:
    """Return the parts of a micro-credential that the trust check reads."""
    return {
        "issuer": {
            "id": organisation_did(provider),
            "endorsement": [json.loads(accreditation.credential)],
        },
        "validFrom": "2026-11-01T00:00:00Z",
        "credentialSubject": {
            "achievement": {
                "id": "https://meritpass.example/achievements/1",
                "eqfLevel": [f"{EQF}{level}"],
                "fieldOfEducation": [f"{ISCED}{field}"],
            }
        },
    }


def test_accreditation_is_a_signed_credential_of_the_authority(
    authority: Organisation, provider: Organisation
) -> None:
    accreditation = accredit(authority, provider)

    credential = json.loads(accreditation.credential)
    _proofs_and_issuer_pass(credential, organisation_did(authority))
    assert "AccreditationCredential" in credential["type"]
    subject = credential["credentialSubject"]
    assert subject["id"] == organisation_did(provider)
    assert subject["eqfLevel"] == [f"{EQF}4", f"{EQF}5"]
    assert subject["fieldOfEducation"] == [f"{ISCED}0715", f"{ISCED}073"]
    assert subject["accreditationDecision"] == "UHR dnr 2026/123"
    assert accreditation.eqf_levels == [4, 5]
    assert accreditation.fields_of_education == ["0715", "073"]


def test_accreditation_makes_the_trust_check_pass_within_its_scope_only(
    authority: Organisation, provider: Organisation
) -> None:
    accreditation = accredit(authority, provider)
    policy = platform_policy(NOW)

    assert check_trust(_award(provider, accreditation, 5, "0732"), policy).outcome is Outcome.PASSED
    outside_level = check_trust(_award(provider, accreditation, 6, "0732"), policy)
    assert (outside_level.outcome, outside_level.code) == (
        Outcome.FAILED,
        "trust.level_outside_scope",
    )
    outside_field = check_trust(_award(provider, accreditation, 5, "0611"), policy)
    assert (outside_field.outcome, outside_field.code) == (
        Outcome.FAILED,
        "trust.field_outside_scope",
    )


def test_an_authority_that_is_not_an_anchor_is_not_trusted(
    authority: Organisation, provider: Organisation
) -> None:
    accreditation = accredit(authority, provider)
    authority.kind = Organisation.Kind.EMPLOYER  # no longer an authority of the platform
    authority.save()
    make_organisation("annan-myndighet", Organisation.Kind.AUTHORITY)  # the only anchor
    check = check_trust(_award(provider, accreditation, 5, "0732"), platform_policy(NOW))
    assert (check.outcome, check.code) == (Outcome.FAILED, "trust.untrusted_authority")


def test_recognition_is_signed_and_lets_an_approval_pass(
    authority: Organisation, industry_body: Organisation
) -> None:
    recognition = recognise(authority, industry_body)
    credential = json.loads(recognition.credential)
    _proofs_and_issuer_pass(credential, organisation_did(authority))
    assert "RecognitionCredential" in credential["type"]
    assert credential["credentialSubject"]["id"] == organisation_did(industry_body)
    assert credential["credentialSubject"]["sector"] == [f"{ISCED}073"]

    achievement: JsonObject = {"id": "https://meritpass.example/achievements/2", "name": "Betong"}
    body = dataclasses.replace(
        services.organisation_profile(industry_body), endorsements=(credential,)
    )
    unsigned = approval_credential(
        id="urn:uuid:5d9c1d53-5bd8-4c40-8f70-6f0c1d5e6a11",
        industry_body=body,
        achievement=achievement,
        comment="",
        valid_from=NOW - timedelta(days=30),
    )
    approval = sign_as(industry_body, unsigned, now=NOW)
    award = {
        "validFrom": "2026-11-01T00:00:00Z",
        "credentialSubject": {"achievement": {**achievement, "endorsement": [approval]}},
    }
    assert check_approval(award, platform_policy(NOW)).outcome is Outcome.PASSED


def test_each_decision_publishes_a_new_trust_list_edition(
    authority: Organisation, provider: Organisation, industry_body: Organisation
) -> None:
    accreditation = accredit(authority, provider)
    recognition = recognise(authority, industry_body)

    publication = services.latest_trust_list(authority)
    assert publication is not None
    assert publication.number == 2
    credential = json.loads(publication.credential)
    _proofs_and_issuer_pass(credential, organisation_did(authority))
    assert credential["id"] == services.trust_list_url(authority)
    subject = credential["credentialSubject"]
    [provider_entry] = subject["accreditedProvider"]
    assert provider_entry["id"] == organisation_did(provider)
    assert provider_entry["attestation"] == accreditation.uuid.urn
    assert provider_entry["eqfLevel"] == [f"{EQF}4", f"{EQF}5"]
    [body_entry] = subject["recognisedIndustryBody"]
    assert body_entry["id"] == organisation_did(industry_body)
    assert body_entry["attestation"] == recognition.uuid.urn

    services.withdraw_accreditation(authority, accreditation, actor=None, now=NOW)
    latest = services.latest_trust_list(authority)
    assert latest is not None
    assert latest.number == 3
    assert json.loads(latest.credential)["credentialSubject"]["accreditedProvider"] == []


def test_publishing_by_hand_makes_the_next_edition(authority: Organisation) -> None:
    first = services.publish_trust_list(authority, actor=None, now=NOW)
    second = services.publish_trust_list(authority, actor=None, now=NOW + timedelta(minutes=1))
    assert (first.number, second.number) == (1, 2)
    assert json.loads(second.credential)["credentialSubject"]["accreditedProvider"] == []


def test_expired_and_withdrawn_decisions_leave_the_trust_list(
    authority: Organisation, provider: Organisation, industry_body: Organisation
) -> None:
    accredit(authority, provider, valid_from=NOW - 3 * YEAR, valid_until=NOW - YEAR)
    future = accredit(authority, provider, valid_from=NOW + YEAR, valid_until=NOW + 2 * YEAR)
    recognition = recognise(authority, industry_body)
    services.withdraw_recognition(authority, recognition, actor=None, now=NOW)

    latest = services.latest_trust_list(authority)
    assert latest is not None
    subject = json.loads(latest.credential)["credentialSubject"]
    assert [entry["attestation"] for entry in subject["accreditedProvider"]] == [future.uuid.urn]
    assert subject["recognisedIndustryBody"] == []


def test_current_accreditation_follows_the_period_and_withdrawal(
    authority: Organisation, provider: Organisation
) -> None:
    accreditation = accredit(authority, provider, valid_from=NOW, valid_until=NOW + YEAR)

    assert services.current_accreditation(provider, at=NOW - timedelta(seconds=1)) is None
    assert services.current_accreditation(provider, at=NOW) == accreditation
    assert services.current_accreditation(provider, at=NOW + YEAR) is None

    withdrawn = NOW + timedelta(days=10)
    services.withdraw_accreditation(authority, accreditation, actor=None, now=withdrawn)
    assert services.current_accreditation(provider, at=withdrawn + timedelta(seconds=1)) is None
    assert services.current_accreditation(provider, at=NOW + timedelta(days=5)) == accreditation


def test_current_recognition_without_end_date(
    authority: Organisation, industry_body: Organisation
) -> None:
    recognition = recognise(authority, industry_body, valid_from=NOW)
    assert services.current_recognition(industry_body, at=NOW + 10 * YEAR) == recognition
    assert services.current_recognition(industry_body, at=NOW - YEAR) is None


def test_decisions_are_audited(
    authority: Organisation, provider: Organisation, industry_body: Organisation
) -> None:
    accreditation = accredit(authority, provider)
    recognise(authority, industry_body)
    services.withdraw_accreditation(authority, accreditation, actor=None, now=NOW)

    actions = list(
        AuditEvent.objects.filter(organisation=authority)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert [action for action in actions if action != AuditEvent.Action.KEY_CREATED] == [
        AuditEvent.Action.ACCREDITED,
        AuditEvent.Action.TRUST_LIST_PUBLISHED,
        AuditEvent.Action.RECOGNISED,
        AuditEvent.Action.TRUST_LIST_PUBLISHED,
        AuditEvent.Action.ACCREDITATION_WITHDRAWN,
        AuditEvent.Action.TRUST_LIST_PUBLISHED,
    ]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACCREDITED)
    assert event.target_id == str(accreditation.uuid)
    assert event.details["did"] == organisation_did(provider)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"eqf_levels": []}, "registry.eqf_levels_missing", "eqf_levels"),
        ({"eqf_levels": [9]}, "registry.eqf_level_invalid", "eqf_levels"),
        ({"eqf_levels": ["0"]}, "registry.eqf_level_invalid", "eqf_levels"),
        ({"eqf_levels": [True]}, "registry.eqf_level_invalid", "eqf_levels"),
        ({"fields": []}, "registry.fields_missing", "fields"),
        ({"fields": ["0737"]}, "registry.field_invalid", "fields"),
        ({"fields": ["7"]}, "registry.field_invalid", "fields"),
        ({"valid_until": NOW - YEAR}, "registry.period_invalid", "valid_until"),
        ({"valid_until": None}, "registry.valid_until_missing", "valid_until"),
        ({"decision": "   "}, "registry.decision_missing", "decision"),
        ({"decision": "x" * 201}, "registry.decision_too_long", "decision"),
    ],
)
def test_invalid_scope_is_refused_naming_the_field_and_nothing_is_stored(
    authority: Organisation, provider: Organisation, changes: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises(RegistryError) as raised:
        accredit(authority, provider, **changes)
    assert (raised.value.code, raised.value.field) == (code, field)
    assert raised.value.message("sv") != raised.value.message("en")
    assert not Accreditation.objects.exists()
    assert not TrustListPublication.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ACCREDITED).exists()


def test_invalid_sector_is_refused(authority: Organisation, industry_body: Organisation) -> None:
    with pytest.raises(RegistryError) as raised:
        recognise(authority, industry_body, sectors=["banking"])
    assert (raised.value.code, raised.value.field) == ("registry.sector_invalid", "sectors")
    assert "banking" in raised.value.message("en")
    assert not Recognition.objects.exists()


def test_only_an_authority_decides_about_the_right_kind_of_organisation(
    authority: Organisation, provider: Organisation, industry_body: Organisation
) -> None:
    other_provider = make_organisation("annan-skola", Organisation.Kind.PROVIDER)
    with pytest.raises(RegistryError, match="Only an authority"):
        accredit(provider, other_provider)
    with pytest.raises(RegistryError, match="Only an education provider"):
        accredit(authority, industry_body)
    with pytest.raises(RegistryError, match="Only an industry body"):
        recognise(authority, provider)
    with pytest.raises(RegistryError, match="Only an authority"):
        services.publish_trust_list(provider, actor=None, now=NOW)
    assert not Accreditation.objects.exists()
    assert not Recognition.objects.exists()


def test_only_the_deciding_authority_withdraws_and_only_once(
    authority: Organisation, provider: Organisation
) -> None:
    other = make_organisation("annan-myndighet", Organisation.Kind.AUTHORITY)
    accreditation = accredit(authority, provider)
    with pytest.raises(RegistryError) as raised:
        services.withdraw_accreditation(other, accreditation, actor=None, now=NOW)
    assert raised.value.code == "registry.other_authority"
    accreditation.refresh_from_db()
    assert accreditation.withdrawn_at is None

    services.withdraw_accreditation(authority, accreditation, actor=None, now=NOW)
    with pytest.raises(RegistryError) as again:
        services.withdraw_accreditation(authority, accreditation, actor=None, now=NOW)
    assert again.value.code == "registry.already_withdrawn"


def test_a_failure_while_publishing_leaves_no_accreditation_behind(
    authority: Organisation, provider: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services.TrustListPublication.objects, "create", broken)
    with pytest.raises(RuntimeError):
        accredit(authority, provider)
    assert not Accreditation.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ACCREDITED).exists()


def test_broader_fields_absorb_the_narrower_ones(
    authority: Organisation, provider: Organisation
) -> None:
    accreditation = accredit(authority, provider, fields=["07", "073", "0732", "0611"])
    assert accreditation.fields_of_education == ["0611", "07"]
