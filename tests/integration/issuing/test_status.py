"""Revoke, suspend and reinstate: the rules, the history, and the status lists verifiers read."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from meritpass.audit.models import AuditEvent
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.verify import verify_credential
from meritpass.issuing import services
from meritpass.issuing.errors import IssuingError
from meritpass.issuing.models import Award, StatusList
from meritpass.registry.trust import platform_policy
from tests.integration.issuing.conftest import World


@pytest.fixture
def award(world: World) -> Award:
    return services.issue(
        issuer=world.provider, version=world.version, learner=world.learner(), actor=world.issuer
    ).award


def bit(status_list: StatusList, index: int) -> int:
    status_list.refresh_from_db()
    document = json.loads(status_list.credential)
    encoded = document["credentialSubject"]["encodedList"]
    return BitstringStatusList.decode(encoded).get_status(index)


def bits(award: Award) -> tuple[int, int]:
    return (
        bit(award.revocation_list, award.revocation_index),
        bit(award.suspension_list, award.suspension_index),
    )


def status_outcomes(award: Award) -> dict[str, Outcome]:
    report = verify_credential(award.credential, policy=platform_policy(timezone.now()))
    return {
        str(check.params.get("purpose", check.code)): check.outcome
        for check in report.by_name(CheckName.STATUS)
    }


def test_suspend_reinstate_then_revoke_sets_and_clears_the_bits(world: World, award: Award) -> None:
    assert bits(award) == (0, 0)
    services.suspend(award, "Under investigation", world.issuer)
    assert bits(award) == (0, 1)
    assert Outcome.FAILED in status_outcomes(award).values()
    services.reinstate(award, "Cleared", world.issuer)
    assert bits(award) == (0, 0)
    assert set(status_outcomes(award).values()) == {Outcome.PASSED}
    services.revoke(award, "Assessment was void", world.issuer)
    assert bits(award) == (1, 0)
    award.refresh_from_db()
    assert award.state == Award.State.REVOKED
    assert award.state_reason == "Assessment was void"
    assert (
        verify_credential(award.credential, policy=platform_policy(timezone.now())).verified
        is False
    )


def test_revoking_a_suspended_award_clears_its_suspension(world: World, award: Award) -> None:
    services.suspend(award, "Checking", world.issuer)
    services.revoke(award, "Confirmed fraud", world.issuer)
    assert bits(award) == (1, 0)


def test_every_change_is_in_the_history_and_the_audit_log(world: World, award: Award) -> None:
    services.suspend(award, "One", world.issuer)
    services.reinstate(award, "Two", world.issuer)
    history = list(award.status_changes.values_list("action", "reason", "actor"))
    assert history == [("suspend", "One", world.issuer.pk), ("reinstate", "Two", world.issuer.pk)]
    actions = AuditEvent.objects.filter(target_id=str(award.uuid)).values_list("action", flat=True)
    assert set(actions) == {"issued", "suspended", "reinstated"}


@pytest.mark.parametrize(
    ("steps", "action", "english"),
    [
        (["revoke"], "revoke", "This credential is revoked; a revocation is final."),
        (
            ["revoke"],
            "reinstate",
            "Only a suspended credential can be reinstated; this one is revoked.",
        ),
        ([], "reinstate", "Only a suspended credential can be reinstated; this one is valid."),
        (
            ["suspend"],
            "suspend",
            "Only a valid credential can be suspended; this one is suspended.",
        ),
    ],
)
def test_the_transitions_that_are_refused(
    world: World, award: Award, steps: list[str], action: str, english: str
) -> None:
    for step in steps:
        getattr(services, step)(award, "Because", world.issuer)
    with pytest.raises(IssuingError) as caught:
        getattr(services, action)(award, "Because", world.issuer)
    assert caught.value.message("en") == english


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(world: World, award: Award, reason: str) -> None:
    with pytest.raises(IssuingError) as caught:
        services.revoke(award, reason, world.issuer)
    assert caught.value.field == "reason"
    assert caught.value.message("sv") == "Orsak: skriv varför meritens status ändras."
    award.refresh_from_db()
    assert award.state == Award.State.ACTIVE


def test_another_organisation_cannot_change_the_status(world: World, award: Award) -> None:
    with pytest.raises(PermissionDenied):
        services.revoke(award, "Not mine", world.other_issuer)
    award.refresh_from_db()
    assert award.state == Award.State.ACTIVE


def test_the_status_list_is_served_with_validators_and_no_stale_cache(
    world: World, award: Award
) -> None:
    client = Client()
    url = f"/status/{award.revocation_list.uuid}"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert response.content == award.revocation_list.credential.encode("utf-8")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    services.revoke(award, "Void", world.issuer)
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert json.loads(changed.content)["credentialSubject"]["statusPurpose"] == "revocation"


def test_an_unknown_status_list_is_not_found(db: None) -> None:
    assert Client().get("/status/00000000-0000-4000-8000-000000000000").status_code == 404
