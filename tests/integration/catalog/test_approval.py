"""Approval: a signed credential, bound to the exact version, by a reviewer of the chosen body."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from meritpass.audit.models import AuditEvent
from meritpass.catalog import services
from meritpass.catalog.errors import CatalogError
from meritpass.catalog.models import Approval, SpecificationVersion
from meritpass.core.credentials.ob3 import achievement_digest
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.verify import verify_credential
from meritpass.registry import services as registry
from meritpass.registry.dids import organisation_did
from meritpass.registry.models import Recognition
from meritpass.registry.trust import platform_policy
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member

Status = SpecificationVersion.Status


def submitted(world: World) -> SpecificationVersion:
    version = draft(world.owner, world.author, complete_content(world.skills))
    return services.submit(version, world.body, world.author)


def test_the_approval_credential_verifies_and_is_bound_to_the_achievement(world: World) -> None:
    version = submitted(world)
    approval = services.approve(version, "Good.", world.reviewer, world.body)
    version.refresh_from_db()
    credential = json.loads(approval.credential)
    assert version.achievement is not None

    report = verify_credential(approval.credential, policy=platform_policy(timezone.now()))
    outcomes = {check.name: check.outcome for check in report.checks}
    assert report.verified, report.checks
    assert outcomes[CheckName.PROOF] == Outcome.PASSED
    assert outcomes[CheckName.APPROVAL] == Outcome.PASSED

    subject = credential["credentialSubject"]
    assert subject["id"] == version.achievement["id"]
    assert subject["digestMultibase"] == achievement_digest(version.achievement)
    assert credential["id"] == version.achievement["id"] + "/approval"
    assert credential["issuer"]["id"] == organisation_did(world.body)
    recognition = Recognition.objects.get(industry_body=world.body)
    assert credential["issuer"]["endorsement"] == [json.loads(recognition.credential)]
    assert approval.industry_body == world.body
    assert approval.approved_by == world.reviewer
    event = AuditEvent.objects.get(action=AuditEvent.Action.SPEC_APPROVED)
    assert (event.actor, event.organisation) == (world.reviewer, world.body)


def test_the_approval_no_longer_matches_a_changed_achievement(world: World) -> None:
    version = submitted(world)
    approval = services.approve(version, "", world.reviewer, world.body)
    version.refresh_from_db()
    assert version.achievement is not None
    changed = dict(version.achievement, name="Something else")
    digest = json.loads(approval.credential)["credentialSubject"]["digestMultibase"]
    assert digest != achievement_digest(changed)


def test_a_reviewer_of_another_industry_body_cannot_approve(world: World) -> None:
    version = submitted(world)
    with pytest.raises(CatalogError) as refused:
        services.approve(version, "", world.other_reviewer, world.other_body)
    assert refused.value.code == "catalog.not_addressed"
    with pytest.raises(PermissionDenied):  # acting for a body one does not belong to
        services.approve(version, "", world.other_reviewer, world.body)
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED
    assert not Approval.objects.exists()


def test_a_provider_cannot_approve_and_nor_can_a_non_reviewer(world: World) -> None:
    version = submitted(world)
    provider_reviewer = make_member(world.owner, "reviewer", "admin", "author")
    with pytest.raises(CatalogError):
        services.approve(version, "", provider_reviewer, world.owner)
    author_of_body = make_member(world.body, "author", "admin")
    with pytest.raises(PermissionDenied):
        services.approve(version, "", author_of_body, world.body)
    with pytest.raises(PermissionDenied):
        services.reject(version, "No.", world.author, world.owner)
    assert not Approval.objects.exists()


def test_a_body_whose_recognition_was_withdrawn_cannot_approve(world: World) -> None:
    version = submitted(world)
    recognition = Recognition.objects.get(industry_body=world.body)
    registry.withdraw_recognition(world.authority, recognition, actor=None, now=timezone.now())
    with pytest.raises(CatalogError) as refused:
        services.approve(version, "", world.reviewer, world.body)
    assert refused.value.code == "catalog.not_recognised"
    assert not Approval.objects.exists()
