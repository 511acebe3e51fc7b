"""Read-only questions the issuing pages and the API ask."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import Delegation, SpecificationVersion
from meritpass.issuing.models import Award, BulkJob

__all__ = ["awards", "issuable_versions", "recent_jobs"]

PAGE_SIZE = 25


def issuable_versions(organisation: Organisation) -> QuerySet[SpecificationVersion]:
    """Return the published versions ``organisation`` may issue (as ``can_issue`` decides)."""
    delegated = Delegation.objects.filter(provider=organisation, revoked_at__isnull=True)
    mine = (
        Q(specification__owner=organisation)
        if organisation.kind == Organisation.Kind.PROVIDER
        else Q(pk__in=[])
    )
    return (
        SpecificationVersion.objects.filter(status=SpecificationVersion.Status.PUBLISHED)
        .filter(mine | Q(specification__in=delegated.values("specification")))
        .select_related("specification__owner")
        .order_by("title_sv", "pk")
    )


def awards(
    organisation: Organisation, *, text: str = "", state: str = "", page: str | int | None = 1
) -> Page[Award]:
    """Return one page of ``organisation``'s awards, newest first, found by name, email, state."""
    found = Award.objects.filter(issuer=organisation).select_related("version")
    if text:
        found = found.filter(Q(learner_name__icontains=text) | Q(learner_email__icontains=text))
    if state:
        found = found.filter(state=state)
    return Paginator(found.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(page)


def recent_jobs(organisation: Organisation, limit: int = 10) -> QuerySet[BulkJob]:
    """Return ``organisation``'s latest bulk jobs."""
    return BulkJob.objects.filter(organisation=organisation).select_related("version")[:limit]
