"""The life of a specification: draft, submission, review, publication, retirement, new versions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from meritpass.audit.models import AuditEvent
from meritpass.catalog import services
from meritpass.catalog.errors import CatalogError, IncompleteSpecificationError
from meritpass.catalog.models import ReviewComment, SpecificationVersion
from meritpass.core.credentials.microcredential import content_digest
from meritpass.core.errors import SpecificationError
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member

Status = SpecificationVersion.Status


def submitted(world: World, **changes: Any) -> SpecificationVersion:
    version = draft(world.owner, world.author, complete_content(world.skills, **changes))
    return services.submit(version, world.body, world.author)


def approved(world: World) -> SpecificationVersion:
    version = submitted(world)
    services.approve(version, "Meets the industry's needs.", world.reviewer, world.body)
    version.refresh_from_db()
    return version


def test_a_new_specification_starts_as_an_empty_draft_of_version_1(world: World) -> None:
    version = services.create_specification(world.owner, world.author)
    assert (version.number, version.status, version.content) == (1, Status.DRAFT, {})
    assert version.specification.owner == world.owner
    assert AuditEvent.objects.filter(action="spec_created", organisation=world.owner).exists()


def test_a_draft_saves_partial_content_and_keeps_search_columns_in_step(world: World) -> None:
    version = services.create_specification(world.owner, world.author)
    partial = {"title": {"sv": "Svetsning", "en": ""}, "eqfLevel": 4}
    services.save_draft(version, partial, world.author)
    version.refresh_from_db()
    assert version.content == partial
    assert (version.title_sv, version.title_en, version.eqf_level) == ("Svetsning", "", 4)
    assert list(version.skills.all()) == []

    services.save_draft(version, complete_content(world.skills), world.author)
    version.refresh_from_db()
    assert version.title_en == "Welding stainless steel"
    assert version.field_of_education == "0715"
    assert sorted(version.skills.values_list("uri", flat=True)) == sorted(world.skills)


def test_submission_freezes_the_content_with_its_digest_and_achievement(world: World) -> None:
    version = submitted(world)
    assert version.status == Status.SUBMITTED
    assert version.reviewing_body == world.body
    assert version.digest == content_digest(version.content)
    achievement = version.achievement
    assert achievement is not None
    spec_id = version.specification.uuid
    assert achievement["id"] == f"https://meritpass.example/specifications/{spec_id}/versions/1"
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["creator"]["id"].endswith(":orgs:yrkesakademin")
    targets = {item["targetUrl"]: item["targetName"] for item in achievement["alignment"]}
    assert set(targets) == set(world.skills)
    assert all(targets.values())
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SPEC_SUBMITTED).count() == 1

    with pytest.raises(CatalogError) as refused:
        services.save_draft(version, {"title": {"sv": "Ändrad", "en": "Changed"}}, world.author)
    assert refused.value.code == "catalog.not_draft"
    assert "Make a new version" in refused.value.message("en")
    version.refresh_from_db()
    assert version.content["title"]["sv"] == "Svetsning i rostfritt stål"


def test_the_achievement_labels_skills_in_the_specification_language(world: World) -> None:
    version = submitted(world, language="en")
    assert version.achievement is not None
    assert version.achievement["name"] == "Welding stainless steel"
    welding = next(
        item for item in version.achievement["alignment"] if item["targetUrl"] == world.skills[0]
    )
    assert welding["targetName"] == "welding techniques"


def test_approval_rejection_publication_and_retirement(world: World) -> None:
    first = approved(world)
    assert first.status == Status.APPROVED
    assert first.decided_at is not None
    services.publish(first, world.author)
    first.refresh_from_db()
    assert first.status == Status.PUBLISHED
    assert first.published_at is not None

    second = services.new_version(first.specification, world.author)
    assert (second.number, second.status) == (2, Status.DRAFT)
    assert second.content == first.content
    services.save_draft(second, complete_content(world.skills, eqfLevel=5, seqf=None), world.author)
    services.submit(second, world.body, world.author)
    services.reject(second, "Level 5 is not justified.", world.reviewer, world.body)
    second.refresh_from_db()
    assert second.status == Status.REJECTED
    assert second.comments.get().kind == ReviewComment.Kind.REJECTION

    with pytest.raises(CatalogError, match="approved"):
        services.publish(second, world.author)

    third = services.new_version(first.specification, world.author)
    services.save_draft(third, complete_content(world.skills, eqfLevel=4), world.author)
    services.submit(third, world.body, world.author)
    services.approve(third, "", world.reviewer, world.body)
    services.publish(third, world.author)
    first.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, third.status) == (Status.RETIRED, Status.PUBLISHED)

    services.retire(third, world.author)
    third.refresh_from_db()
    assert third.status == Status.RETIRED
    assert third.retired_at is not None
    retired = AuditEvent.objects.filter(action=AuditEvent.Action.SPEC_RETIRED)
    assert retired.count() == 2


def test_a_changed_approved_specification_needs_a_new_version(world: World) -> None:
    version = approved(world)
    with pytest.raises(CatalogError) as refused:
        services.save_draft(version, complete_content(world.skills, eqfLevel=5), world.author)
    assert refused.value.code == "catalog.not_draft"
    version.refresh_from_db()
    assert version.content["eqfLevel"] == 4


def test_there_is_at_most_one_draft(world: World) -> None:
    version = services.create_specification(world.owner, world.author)
    with pytest.raises(CatalogError) as refused:
        services.new_version(version.specification, world.author)
    assert refused.value.code == "catalog.draft_exists"
    with transaction.atomic(), pytest.raises(IntegrityError):
        SpecificationVersion.objects.create(specification=version.specification, number=2)


def test_only_a_submitted_version_can_be_decided(world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    with pytest.raises(CatalogError, match="submitted"):
        services.approve(version, "", world.reviewer, world.body)
    decided = approved(world)
    with pytest.raises(CatalogError):
        services.reject(decided, "Too late.", world.reviewer, world.body)


def test_a_rejection_needs_a_comment(world: World) -> None:
    version = submitted(world)
    with pytest.raises(CatalogError) as refused:
        services.reject(version, "   ", world.reviewer, world.body)
    assert refused.value.field == "comment"
    assert refused.value.message("sv") == "Kommentar: skriv varför specifikationen avslås."
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED


def test_comments_by_both_sides_make_a_thread(world: World) -> None:
    version = submitted(world)
    services.comment(version, "Please add a drawing exercise.", world.reviewer, world.body)
    services.comment(version, "Added in outcome 2.", world.author, world.owner)
    thread = [(note.organisation, note.text) for note in version.comments.all()]
    assert thread == [
        (world.body, "Please add a drawing exercise."),
        (world.owner, "Added in outcome 2."),
    ]
    with pytest.raises(CatalogError):
        services.comment(version, "", world.author, world.owner)


def test_a_draft_cannot_be_commented(world: World) -> None:
    version = draft(world.owner, world.author, {})
    with pytest.raises(CatalogError) as refused:
        services.comment(version, "Hello", world.author, world.owner)
    assert refused.value.code == "catalog.not_commentable"


def test_submission_refuses_a_body_that_is_not_recognised(world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    for body in (world.partner, world.authority):
        with pytest.raises(CatalogError) as refused:
            services.submit(version, body, world.author)
        assert refused.value.code == "catalog.not_reviewing_body"
    version.refresh_from_db()
    assert version.status == Status.DRAFT
    assert version.digest == ""


def test_submission_refuses_optional_elements_given_in_part(world: World) -> None:
    content = complete_content(world.skills, grading={"scheme": None, "values": ["A"]})
    version = draft(world.owner, world.author, content)
    assert services.completeness(version) == []
    with pytest.raises(SpecificationError) as refused:
        services.submit(version, world.body, world.author)
    assert refused.value.message("en") == "“grading.scheme” is required."
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_submission_refuses_skills_missing_from_the_classification(world: World) -> None:
    unknown = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"
    outcomes = [{"text": {"sv": "Något", "en": "Something"}, "skills": [unknown]}]
    version = draft(
        world.owner, world.author, complete_content(world.skills, learningOutcomes=outcomes)
    )
    with pytest.raises(CatalogError) as refused:
        services.submit(version, world.body, world.author)
    assert refused.value.code == "catalog.unknown_skills"
    assert unknown in refused.value.message("en")


def test_nothing_half_written_stays_behind_when_submission_fails(world: World) -> None:
    content = complete_content(world.skills)
    del content["qualityAssurance"]
    version = draft(world.owner, world.author, content)
    with pytest.raises(IncompleteSpecificationError):
        services.submit(version, world.body, world.author)
    version.refresh_from_db()
    assert (version.status, version.achievement, version.reviewing_body) == (
        Status.DRAFT,
        None,
        None,
    )
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SPEC_SUBMITTED).exists()


def test_an_author_of_another_organisation_cannot_act_on_the_specification(world: World) -> None:
    stranger = make_member(world.partner, "author", "admin")
    version = draft(world.owner, world.author, complete_content(world.skills))
    for action in (
        lambda: services.save_draft(version, {}, stranger),
        lambda: services.submit(version, world.body, stranger),
        lambda: services.new_version(version.specification, stranger),
        lambda: services.create_specification(world.owner, stranger),
    ):
        with pytest.raises(PermissionDenied):
            action()
    issuer_only = make_member(world.owner, "issuer")
    with pytest.raises(PermissionDenied):
        services.save_draft(version, {}, issuer_only)
