"""Delegation of issuing rights: the owner lets other accredited providers issue a specification."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from meritpass.accounts.models import Organisation, User
from meritpass.accounts.permissions import check_role
from meritpass.audit.models import AuditEvent
from meritpass.catalog.audit_events import record
from meritpass.catalog.errors import CatalogError
from meritpass.catalog.models import Delegation, Specification, SpecificationVersion
from meritpass.catalog.roles import AUTHORING_ROLES, message_name
from meritpass.registry.services import current_accreditation

__all__ = ["can_issue", "delegate", "revoke_delegation"]


@transaction.atomic
def delegate(
    specification: Specification,
    provider: Organisation,
    actor: User,
    *,
    now: datetime | None = None,
) -> Delegation:
    """Let ``provider``, an accredited education provider, issue the specification too."""
    specification = Specification.objects.select_for_update().get(pk=specification.pk)
    check_role(actor, specification.owner, *AUTHORING_ROLES)
    name = message_name(provider)
    if provider.kind != Organisation.Kind.PROVIDER:
        raise CatalogError("catalog.not_provider", name=name, field="provider")
    if provider.pk == specification.owner_id:
        raise CatalogError("catalog.delegate_to_owner", name=name, field="provider")
    if current_accreditation(provider, at=now or timezone.now()) is None:
        raise CatalogError("catalog.not_accredited", name=name, field="provider")
    active = specification.delegations.filter(provider=provider, revoked_at__isnull=True)
    if active.exists():
        raise CatalogError("catalog.already_delegated", name=name, field="provider")
    delegation = Delegation.objects.create(
        specification=specification, provider=provider, granted_by=actor
    )
    record(
        actor, specification.owner, AuditEvent.Action.DELEGATED, delegation, provider=provider.slug
    )
    return delegation


@transaction.atomic
def revoke_delegation(
    delegation: Delegation, actor: User, *, now: datetime | None = None
) -> Delegation:
    """Withdraw a provider's right to issue the specification (awards already issued stay)."""
    Delegation.objects.select_for_update().filter(pk=delegation.pk).values_list("pk").get()
    delegation.refresh_from_db()
    owner = delegation.specification.owner
    check_role(actor, owner, *AUTHORING_ROLES)
    if delegation.revoked_at is not None:
        raise CatalogError("catalog.delegation_revoked")
    delegation.revoked_at = now or timezone.now()
    delegation.save(update_fields=["revoked_at"])
    record(
        actor,
        owner,
        AuditEvent.Action.DELEGATION_REVOKED,
        delegation,
        provider=delegation.provider.slug,
    )
    return delegation


def can_issue(org: Organisation, version: SpecificationVersion) -> bool:
    """Tell whether ``org`` may issue awards of ``version`` now.

    The version must be published; ``org`` must be its owner (an education provider) or a
    provider to whom the owner delegated the specification. Accreditation scope is checked by
    issuing itself, against the award's date.
    """
    if not SpecificationVersion.objects.filter(
        pk=version.pk, status=SpecificationVersion.Status.PUBLISHED
    ).exists():
        return False
    specification = version.specification
    if specification.owner_id == org.pk:
        return org.kind == Organisation.Kind.PROVIDER
    return Delegation.objects.filter(
        specification=specification, provider=org, revoked_at__isnull=True
    ).exists()
