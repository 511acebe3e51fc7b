"""Read-only questions about the catalogue: what is published, who may issue it, what to review."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import Delegation, Specification, SpecificationVersion
from meritpass.registry.services import current_accreditation, current_recognition
from meritpass.taxonomy.models import Concept

Status = SpecificationVersion.Status


def published() -> QuerySet[SpecificationVersion]:
    """Return the published versions, newest first, with their owners."""
    return (
        SpecificationVersion.objects.filter(status=Status.PUBLISHED)
        .select_related("specification__owner")
        .order_by("-published_at", "-pk")
    )


def search(
    *,
    text: str = "",
    skill: Concept | None = None,
    eqf_level: int | None = None,
    provider: Organisation | None = None,
) -> QuerySet[SpecificationVersion]:
    """Return the published versions that match every criterion given."""
    found = published()
    for word in text.split()[:10]:
        found = found.filter(
            Q(title_sv__icontains=word)
            | Q(title_en__icontains=word)
            | Q(content__description__sv__icontains=word)
            | Q(content__description__en__icontains=word)
        )
    if skill is not None:
        found = found.filter(skills=skill)
    if eqf_level is not None:
        found = found.filter(eqf_level=eqf_level)
    if provider is not None:
        delegated = Delegation.objects.filter(
            specification=OuterRef("specification"), provider=provider, revoked_at__isnull=True
        )
        found = found.filter(Q(specification__owner=provider) | Q(Exists(delegated)))
    return found.distinct()


def catalogue_providers() -> QuerySet[Organisation]:
    """Return the organisations that own or may issue a published specification."""
    live = SpecificationVersion.objects.filter(status=Status.PUBLISHED)
    owners = live.values("specification__owner")
    delegated = Delegation.objects.filter(
        revoked_at__isnull=True, specification__versions__status=Status.PUBLISHED
    ).values("provider")
    return Organisation.objects.filter(Q(pk__in=owners) | Q(pk__in=delegated)).order_by("name_sv")


def issuers(specification: Specification) -> list[Organisation]:
    """Return who may issue the specification: its owner if a provider, then its delegates."""
    owner = specification.owner
    result = [owner] if owner.kind == Organisation.Kind.PROVIDER else []
    delegations = specification.delegations.filter(revoked_at__isnull=True).select_related(
        "provider"
    )
    result.extend(delegation.provider for delegation in delegations.order_by("provider__name_sv"))
    return result


def reviewing_bodies() -> list[Organisation]:
    """Return the industry bodies that hold a current recognition and can review."""
    now = timezone.now()
    bodies = Organisation.objects.filter(kind=Organisation.Kind.INDUSTRY_BODY)
    return [body for body in bodies if current_recognition(body, at=now) is not None]


def delegable_providers(specification: Specification) -> list[Organisation]:
    """Return the accredited providers the owner may still delegate the specification to."""
    now = timezone.now()
    active = specification.delegations.filter(revoked_at__isnull=True).values("provider")
    candidates = Organisation.objects.filter(kind=Organisation.Kind.PROVIDER).exclude(
        Q(pk=specification.owner_id) | Q(pk__in=active)
    )
    return [item for item in candidates if current_accreditation(item, at=now) is not None]


def review_queue(body: Organisation) -> QuerySet[SpecificationVersion]:
    """Return the versions submitted to ``body`` and waiting for its decision, oldest first."""
    return (
        SpecificationVersion.objects.filter(reviewing_body=body, status=Status.SUBMITTED)
        .select_related("specification__owner")
        .order_by("submitted_at", "pk")
    )


def decided_by(body: Organisation, limit: int = 20) -> QuerySet[SpecificationVersion]:
    """Return the versions ``body`` decided on most recently."""
    return (
        SpecificationVersion.objects.filter(reviewing_body=body, decided_at__isnull=False)
        .select_related("specification__owner")
        .order_by("-decided_at")[:limit]
    )


def owned(owner: Organisation) -> list[tuple[Specification, list[SpecificationVersion]]]:
    """Return the owner's specifications, newest first, each with its versions newest first."""
    specifications = owner.specifications.order_by("-created_at").prefetch_related("versions")
    return [
        (item, sorted(item.versions.all(), key=lambda version: -version.number))
        for item in specifications
    ]
