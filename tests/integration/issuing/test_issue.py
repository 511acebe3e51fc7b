"""Issuing one award: the signed credential, idempotency, every refusal naming its field."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.accounts.models import Role
from meritpass.audit.models import AuditEvent
from meritpass.catalog import services as catalog
from meritpass.core.verification.report import CheckName, Outcome
from meritpass.core.verification.verify import verify_credential
from meritpass.issuing import services
from meritpass.issuing.errors import InvalidAwardError, IssuingError
from meritpass.issuing.models import Award, StatusList
from meritpass.registry import services as registry
from meritpass.registry.models import Accreditation
from meritpass.registry.trust import platform_policy
from tests.integration.issuing.conftest import World, make_member


def issue(world: World, **changes: object) -> services.Issued:
    key = changes.pop("idempotency_key", None)
    return services.issue(
        issuer=world.provider,
        version=world.version,
        learner=world.learner(**changes),  # type: ignore[arg-type]
        idempotency_key=key,  # type: ignore[arg-type]
        actor=world.issuer,
    )


def refusal(world: World, **changes: object) -> dict[str, str]:
    """Return the field → English message of every error of an award that is refused."""
    with pytest.raises(InvalidAwardError) as caught:
        issue(world, **changes)
    return {str(error.field): error.message("en") for error in caught.value.errors}


def outcomes(document: str) -> dict[CheckName, set[Outcome]]:
    report = verify_credential(document, policy=platform_policy(timezone.now()))
    found: dict[CheckName, set[Outcome]] = {}
    for check in report.checks:
        found.setdefault(check.name, set()).add(check.outcome)
    return found


def test_the_credential_verifies_with_trust_approval_and_status(world: World) -> None:
    award = issue(world).award
    checks = outcomes(award.credential)
    for name in (CheckName.PROOF, CheckName.TRUST, CheckName.APPROVAL, CheckName.STATUS):
        assert checks[name] == {Outcome.PASSED}, name


def test_the_credential_carries_the_chain_and_both_status_entries(world: World) -> None:
    award = issue(world, did="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").award
    document = json.loads(award.credential)
    assert document["id"] == f"urn:uuid:{award.uuid}"
    assert document["issuer"]["endorsement"][0]["type"][-1] == "AccreditationCredential"
    achievement = document["credentialSubject"]["achievement"]
    assert len(achievement["endorsement"]) == 1
    assert document["credentialSubject"]["id"].startswith("did:key:")
    assert document["credentialSubject"]["result"][0]["value"] == "G"
    entries = {entry["statusPurpose"]: entry for entry in document["credentialStatus"]}
    assert entries["revocation"]["statusListIndex"] == str(award.revocation_index)
    assert entries["suspension"]["statusListIndex"] == str(award.suspension_index)
    assert entries["revocation"]["statusListCredential"].endswith(
        f"/status/{award.revocation_list.uuid}"
    )
    assert "learner1@example.org" not in award.credential  # only a salted hash of the email


def test_an_award_dated_earlier_is_valid_from_that_day(world: World) -> None:
    day = timezone.localdate() - timedelta(days=3)
    document = json.loads(issue(world, awarded_on=day).award.credential)
    assert document["validFrom"] == f"{day.isoformat()}T00:00:00Z"


def test_issuing_is_recorded_and_the_learner_gets_a_working_claim_link(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        award = issue(world).award
    assert AuditEvent.objects.filter(action="issued", target_id=str(award.uuid)).count() == 1
    assert [message.to for message in mail.outbox] == [["learner1@example.org"]]
    with translation.override(award.language):  # the email speaks the award's language
        claim = reverse("issuing:claim", kwargs={"token": "TOKEN"}).split("TOKEN")[0]
    link = re.search(re.escape(claim) + r"\S+/", mail.outbox[0].body)
    assert link is not None
    path = link.group(0)
    response = Client().get(path)
    assert response.status_code == 200
    award.refresh_from_db()
    assert award.claimed_at is not None
    assert award.claim_token_hash
    assert award.claim_token_hash not in mail.outbox[0].body


def test_the_same_request_twice_issues_once(world: World) -> None:
    first = issue(world)
    again = issue(world)
    assert first.created
    assert not again.created
    assert again.award.pk == first.award.pk
    assert Award.objects.count() == 1


def test_a_retry_with_other_details_is_refused_not_ignored(world: World) -> None:
    first = issue(world)
    with pytest.raises(IssuingError) as caught:
        issue(world, name="Another Spelling", grade="VG")
    assert caught.value.code == "issuing.idempotency_conflict"
    assert "(name, grade)" in caught.value.message("en")
    first.award.refresh_from_db()
    assert first.award.learner_name == "Learner 1"  # the first award, unchanged
    assert Award.objects.count() == 1


def test_the_email_is_compared_without_case_and_another_date_is_another_award(
    world: World,
) -> None:
    issue(world)
    assert not issue(world, email="LEARNER1@example.org").created
    assert issue(world, awarded_on=timezone.localdate() - timedelta(days=1)).created


def test_an_explicit_key_names_the_award(world: World) -> None:
    first = issue(world, idempotency_key="lms:course-7:user-42")
    again = issue(world, idempotency_key="lms:course-7:user-42")
    assert again.award.pk == first.award.pk
    with pytest.raises(IssuingError, match="idempotency"):
        issue(world, n=2, idempotency_key="lms:course-7:user-42")
    assert refusal(world, idempotency_key="no spaces allowed")["idempotency_key"].startswith(
        "Idempotency key:"
    )


@pytest.mark.parametrize(
    ("changes", "field", "english"),
    [
        ({"name": ""}, "name", "Name: enter the learner's name."),
        ({"name": "x" * 201}, "name", "Name: at most 200 characters (this has 201)."),
        ({"email": "not-an-address"}, "email", "Email: “not-an-address” is not a valid email"),
        ({"did": "did:example:123"}, "did", "DID: only did:key and did:web identifiers"),
        ({"did": "did:key:zNotAKey"}, "did", "DID: “did:key:zNotAKey” is not a valid"),
        (
            {"grade": "A"},
            "grade",
            "Grade: “A” is not a grade of this specification; use one of G, VG",
        ),
    ],
)
def test_each_refusal_names_its_field(
    world: World, changes: dict[str, object], field: str, english: str
) -> None:
    assert refusal(world, **changes)[field].startswith(english)


def test_every_field_error_is_reported_at_once_in_swedish_too(world: World) -> None:
    with pytest.raises(InvalidAwardError) as caught:
        issue(world, name="", email="nope")
    assert [error.field for error in caught.value.errors] == ["name", "email"]
    assert caught.value.errors[0].message("sv") == "Namn: ange mottagarens namn."


def test_dates_in_the_future_or_before_publication_are_refused(world: World) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert refusal(world, awarded_on=tomorrow)["date"].startswith("Date: ")
    assert "in the future" in refusal(world, awarded_on=tomorrow)["date"]
    before = timezone.localdate() - timedelta(days=60)
    assert (
        "before this version of the specification was published"
        in (refusal(world, awarded_on=before)["date"])
    )


def test_a_grade_is_refused_when_the_specification_has_none(world: World) -> None:
    version = world.publish(world.provider, graded=False)
    with pytest.raises(InvalidAwardError) as caught:
        services.issue(issuer=world.provider, version=version, learner=world.learner())
    assert caught.value.errors[0].message("en") == (
        "Grade: this specification has no grading; leave the grade empty."
    )
    learner = world.learner(grade=None)
    assert services.issue(issuer=world.provider, version=version, learner=learner).created


def test_any_grade_text_is_allowed_when_the_scale_lists_none(world: World) -> None:
    version = world.publish(world.provider, grades=[])
    learner = world.learner(grade="4.5 of 5")
    award = services.issue(issuer=world.provider, version=version, learner=learner).award
    assert award.grade == "4.5 of 5"


def test_an_award_outside_the_accreditation_scope_is_refused(world: World) -> None:
    version = world.publish(world.provider, eqfLevel=7)
    with pytest.raises(InvalidAwardError) as caught:
        services.issue(issuer=world.provider, version=version, learner=world.learner())
    message = caught.value.errors[0].message("en")
    assert caught.value.errors[0].field == "date"
    assert "is not accredited" in message
    assert "EQF level 7" in message
    assert Award.objects.count() == 0


def test_a_withdrawn_provider_issues_nothing_more_not_even_backdated(world: World) -> None:
    issue(world)  # accredited: issued
    accreditation = Accreditation.objects.get(provider=world.provider)
    registry.withdraw_accreditation(world.authority, accreditation, actor=None, now=timezone.now())
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(InvalidAwardError) as caught:
        issue(world, n=2, awarded_on=yesterday)
    assert "is not accredited" in caught.value.errors[0].message("en")
    assert Award.objects.count() == 1


def test_another_provider_cannot_issue_an_undelegated_specification(world: World) -> None:
    with pytest.raises(IssuingError) as caught:
        services.issue(issuer=world.other, version=world.version, learner=world.learner())
    assert caught.value.field == "version"
    assert "may not issue" in caught.value.message("en")


def test_a_delegated_provider_can_issue(world: World) -> None:
    catalog.delegate(world.version.specification, world.other, world.author)
    learner = world.learner()
    issued = services.issue(
        issuer=world.other, version=world.version, learner=learner, actor=world.other_issuer
    )
    assert issued.award.issuer == world.other
    assert outcomes(issued.award.credential)[CheckName.TRUST] == {Outcome.PASSED}


def test_a_retired_version_cannot_be_awarded(world: World) -> None:
    catalog.retire(world.version, world.author)
    with pytest.raises(IssuingError) as caught:
        issue(world)
    assert "is not published" in caught.value.message("en")


def test_nobody_issues_for_an_organisation_they_do_not_act_for(world: World) -> None:
    author = make_member(world.provider, Role.AUTHOR)
    for actor in (world.other_issuer, author):
        with pytest.raises(PermissionDenied):
            services.issue(
                issuer=world.provider, version=world.version, learner=world.learner(), actor=actor
            )
    assert Award.objects.count() == 0


def test_the_first_award_opens_and_publishes_both_status_lists(world: World) -> None:
    issue(world)
    lists = StatusList.objects.filter(organisation=world.provider)
    assert sorted(lists.values_list("purpose", flat=True)) == ["revocation", "suspension"]
    assert all(item.credential and item.allocated_count == 1 for item in lists)
    issue(world, n=2, email="two@example.org")
    assert StatusList.objects.filter(organisation=world.provider).count() == 2
