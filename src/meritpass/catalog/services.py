"""The life of a specification: author, submit, review, approve, publish, retire, delegate.

Lifecycle: ``draft → submitted → approved | rejected``; ``approved → published → retired``.
Only a draft's content changes; from submission on a version is frozen (its ``digest`` and
``achievement`` are fixed then), and any change makes a new version. A specification has at most
one draft. Publishing a version retires the version of the same specification that was published
before it: the catalogue shows one current version, and awards keep pointing at the version they
were issued against, which stays readable (and verifiable) when retired.

Every change runs in one transaction, with the version row locked, and records an audit event;
who may act is checked here as well as in the views, so no path lets anybody act for an
organisation they do not belong to. Delegation of issuing rights lives in
``meritpass.catalog.delegation`` and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from meritpass.accounts.models import Organisation, Role, User
from meritpass.accounts.permissions import check_role
from meritpass.audit.models import AuditEvent
from meritpass.catalog import content as spec_content
from meritpass.catalog import credentials
from meritpass.catalog.audit_events import SPEC_COMMENTED, SPEC_CREATED, record
from meritpass.catalog.delegation import can_issue, delegate, revoke_delegation
from meritpass.catalog.errors import CatalogError, IncompleteSpecificationError, status_name
from meritpass.catalog.models import (
    Approval,
    ReviewComment,
    Specification,
    SpecificationVersion,
)
from meritpass.catalog.roles import AUTHORING_ROLES, message_name
from meritpass.core.credentials import microcredential
from meritpass.registry.services import current_recognition
from meritpass.taxonomy.models import Concept

__all__ = [
    "AUTHORING_ROLES",
    "approve",
    "can_issue",
    "check_content",
    "comment",
    "completeness",
    "create_specification",
    "delegate",
    "new_version",
    "publish",
    "reject",
    "retire",
    "revoke_delegation",
    "save_draft",
    "submit",
]

COMMENT_MAX_LENGTH: Final = 5000
Status = SpecificationVersion.Status


@transaction.atomic
def create_specification(owner: Organisation, actor: User) -> SpecificationVersion:
    """Create a specification owned by ``owner`` and return its empty draft, version 1."""
    check_role(actor, owner, *AUTHORING_ROLES)
    specification = Specification.objects.create(owner=owner, created_by=actor)
    version = SpecificationVersion.objects.create(
        specification=specification, number=1, created_by=actor, content={}
    )
    record(actor, owner, SPEC_CREATED, version)
    return version


@transaction.atomic
def save_draft(
    version: SpecificationVersion, content: Mapping[str, Any], actor: User
) -> SpecificationVersion:
    """Replace the draft's content (partial content is fine) and its search columns."""
    version = _lock(version)
    _check_author(actor, version)
    if version.status != Status.DRAFT:
        raise CatalogError(
            "catalog.not_draft", number=version.number, status=status_name(version.status)
        )
    if not isinstance(content, Mapping):
        raise CatalogError("catalog.content_invalid")
    version.content = dict(content)
    _sync_columns(version)
    return version


def completeness(version: SpecificationVersion) -> list[microcredential.MissingElement]:
    """Return every Annex I element the version still lacks (empty when it can be submitted)."""
    country = version.specification.owner.country_code or None
    return microcredential.missing_elements(version.content, issuer_country=country)


def check_content(version: SpecificationVersion) -> microcredential.Specification:
    """Read the complete content strictly; raise naming the first field that cannot be used.

    Beyond the mandatory elements that ``completeness`` lists, this catches optional elements
    given in part (grades without their scheme) and skills missing from the classification.
    """
    specification = microcredential.Specification.from_json(version.content)
    _require_known_skills(version.content)
    return specification


@transaction.atomic
def submit(
    version: SpecificationVersion,
    reviewing_body: Organisation,
    actor: User,
    *,
    now: datetime | None = None,
) -> SpecificationVersion:
    """Freeze the draft and send it to ``reviewing_body`` for review.

    Refused, naming every missing element, while the content is incomplete, and when the reviewing
    body is not an industry body with a current recognition.
    """
    now = now or timezone.now()
    version = _lock(version)
    _check_author(actor, version)
    _require_status(version, Status.DRAFT)
    missing = completeness(version)
    if missing:
        raise IncompleteSpecificationError(missing)
    _require_recognised(reviewing_body, now, code="catalog.not_reviewing_body")
    specification = check_content(version)
    version.digest = microcredential.content_digest(version.content)
    version.achievement = credentials.build_achievement(version, specification)
    version.reviewing_body = reviewing_body
    version.status = Status.SUBMITTED
    version.submitted_at = now
    version.save()
    record(actor, version.specification.owner, AuditEvent.Action.SPEC_SUBMITTED, version)
    return version


@transaction.atomic
def comment(
    version: SpecificationVersion, text: str, actor: User, org: Organisation
) -> ReviewComment:
    """Add a comment by ``actor`` for ``org``: a reviewer of the reviewing body or an author."""
    version = _lock(version)
    _check_party(actor, org, version)
    if version.reviewing_body_id is None:
        raise CatalogError("catalog.not_commentable")
    note = ReviewComment.objects.create(
        version=version, author=actor, organisation=org, text=_comment_text(text, required=True)
    )
    record(actor, org, SPEC_COMMENTED, version)
    return note


@transaction.atomic
def approve(
    version: SpecificationVersion,
    comment: str,
    actor: User,
    org: Organisation,
    *,
    now: datetime | None = None,
) -> Approval:
    """Approve the submitted version for ``org`` and sign the approval credential."""
    now = now or timezone.now()
    version = _lock(version)
    check_role(actor, org, Role.REVIEWER)
    _require_status(version, Status.SUBMITTED)
    _check_reviewer(actor, org, version)
    text = _comment_text(comment, required=False)
    recognition = _require_recognised(org, now, code="catalog.not_recognised")
    signed = credentials.signed_approval(version, org, recognition, comment=text, now=now)
    approval = Approval.objects.create(
        version=version,
        industry_body=org,
        approved_by=actor,
        credential=credentials.serialise(signed),
    )
    _decide(version, Status.APPROVED, now)
    ReviewComment.objects.create(
        version=version, author=actor, organisation=org, kind=ReviewComment.Kind.APPROVAL, text=text
    )
    record(actor, org, AuditEvent.Action.SPEC_APPROVED, version, approval=str(approval.uuid))
    return approval


@transaction.atomic
def reject(
    version: SpecificationVersion,
    comment: str,
    actor: User,
    org: Organisation,
    *,
    now: datetime | None = None,
) -> SpecificationVersion:
    """Reject the submitted version for ``org``; the comment saying why is required."""
    version = _lock(version)
    check_role(actor, org, Role.REVIEWER)
    _require_status(version, Status.SUBMITTED)
    _check_reviewer(actor, org, version)
    try:
        text = _comment_text(comment, required=True)
    except CatalogError as error:
        if error.code != "catalog.comment_empty":
            raise
        raise CatalogError("catalog.comment_required", field="comment") from None
    _decide(version, Status.REJECTED, now or timezone.now())
    ReviewComment.objects.create(
        version=version,
        author=actor,
        organisation=org,
        kind=ReviewComment.Kind.REJECTION,
        text=text,
    )
    record(actor, org, AuditEvent.Action.SPEC_REJECTED, version)
    return version


@transaction.atomic
def publish(
    version: SpecificationVersion, actor: User, *, now: datetime | None = None
) -> SpecificationVersion:
    """Publish the approved version; the version published before it, if any, is retired."""
    now = now or timezone.now()
    # Lock the specification first: two versions published at once must not both stay published.
    Specification.objects.select_for_update().filter(pk=version.specification_id).values_list(
        "pk"
    ).get()
    version = _lock(version)
    _check_author(actor, version)
    _require_status(version, Status.APPROVED)
    earlier = SpecificationVersion.objects.select_for_update().filter(
        specification_id=version.specification_id, status=Status.PUBLISHED
    )
    for previous in earlier:
        _retire(previous, actor, now, replaced_by=version.number)
    version.status = Status.PUBLISHED
    version.published_at = now
    version.save(update_fields=["status", "published_at", "updated_at"])
    record(actor, version.specification.owner, AuditEvent.Action.SPEC_PUBLISHED, version)
    return version


@transaction.atomic
def retire(
    version: SpecificationVersion, actor: User, *, now: datetime | None = None
) -> SpecificationVersion:
    """Withdraw the published version from the catalogue; issued awards stay valid."""
    version = _lock(version)
    _check_author(actor, version)
    _require_status(version, Status.PUBLISHED)
    _retire(version, actor, now or timezone.now())
    return version


@transaction.atomic
def new_version(specification: Specification, actor: User) -> SpecificationVersion:
    """Start a new draft with the content of the newest version (there is at most one draft)."""
    specification = Specification.objects.select_for_update().get(pk=specification.pk)
    check_role(actor, specification.owner, *AUTHORING_ROLES)
    versions = specification.versions.all()
    draft = versions.filter(status=Status.DRAFT).first()
    if draft is not None:
        raise CatalogError("catalog.draft_exists", number=draft.number)
    latest = versions.order_by("-number").first()
    number = (versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = SpecificationVersion.objects.create(
        specification=specification,
        number=number,
        created_by=actor,
        content=dict(latest.content) if latest else {},
    )
    _sync_columns(version)
    record(actor, specification.owner, SPEC_CREATED, version, based_on=latest and latest.number)
    return version


def _lock(version: SpecificationVersion) -> SpecificationVersion:
    """Lock the version's row and bring the caller's instance up to date, so it sees the change."""
    SpecificationVersion.objects.select_for_update().filter(pk=version.pk).values_list("pk").get()
    version.refresh_from_db()
    return version


def _check_author(actor: User, version: SpecificationVersion) -> None:
    check_role(actor, version.specification.owner, *AUTHORING_ROLES)


def _check_reviewer(actor: User, org: Organisation, version: SpecificationVersion) -> None:
    check_role(actor, org, Role.REVIEWER)
    if version.reviewing_body_id != org.pk:
        raise CatalogError("catalog.not_addressed")


def _check_party(actor: User, org: Organisation, version: SpecificationVersion) -> None:
    if org.pk == version.specification.owner_id:
        check_role(actor, org, *AUTHORING_ROLES)
    else:
        _check_reviewer(actor, org, version)


def _require_status(version: SpecificationVersion, expected: str) -> None:
    if version.status != expected:
        raise CatalogError(
            "catalog.wrong_status",
            number=version.number,
            status=status_name(version.status),
            expected=status_name(expected),
        )


def _require_recognised(body: Organisation, now: datetime, *, code: str) -> Any:
    recognition = (
        current_recognition(body, at=now) if body.kind == Organisation.Kind.INDUSTRY_BODY else None
    )
    if recognition is None:
        raise CatalogError(code, name=message_name(body), field="reviewing_body")
    return recognition


def _require_known_skills(content: Mapping[str, Any]) -> None:
    uris = spec_content.skill_uris(content)
    known = set(
        Concept.objects.filter(uri__in=uris, kind=Concept.Kind.SKILL).values_list("uri", flat=True)
    )
    unknown = [uri for uri in uris if uri not in known]
    if unknown:
        raise CatalogError("catalog.unknown_skills", skills=unknown, field="learningOutcomes")


def _comment_text(text: str, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise CatalogError("catalog.comment_empty", field="comment")
    if len(text) > COMMENT_MAX_LENGTH:
        raise CatalogError("catalog.comment_too_long", limit=COMMENT_MAX_LENGTH, field="comment")
    return text


def _decide(version: SpecificationVersion, status: str, now: datetime) -> None:
    version.status = status
    version.decided_at = now
    version.save(update_fields=["status", "decided_at", "updated_at"])


def _retire(
    version: SpecificationVersion, actor: User, now: datetime, *, replaced_by: int | None = None
) -> None:
    version.status = Status.RETIRED
    version.retired_at = now
    version.save(update_fields=["status", "retired_at", "updated_at"])
    details = {"replaced_by": replaced_by} if replaced_by else {}
    record(actor, version.specification.owner, AuditEvent.Action.SPEC_RETIRED, version, **details)


def _sync_columns(version: SpecificationVersion) -> None:
    for column, value in spec_content.denormalised(version.content).items():
        setattr(version, column, value)
    version.save()
    uris = spec_content.skill_uris(version.content)
    version.skills.set(Concept.objects.filter(uri__in=uris, kind=Concept.Kind.SKILL))
