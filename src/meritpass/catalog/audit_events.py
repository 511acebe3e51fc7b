"""Audit events of the catalog: which specification and version each one concerns."""

from __future__ import annotations

from typing import Any, Final

from meritpass import audit
from meritpass.accounts.models import Organisation, User
from meritpass.audit.models import AuditEvent
from meritpass.catalog.models import Delegation, SpecificationVersion

SPEC_CREATED: Final = AuditEvent.Action.SPEC_CREATED
SPEC_COMMENTED: Final = AuditEvent.Action.SPEC_COMMENTED


def record(
    actor: User | None,
    organisation: Organisation,
    action: str,
    target: SpecificationVersion | Delegation,
    **details: Any,
) -> None:
    """Record ``action`` on a version or delegation, naming the specification and version."""
    if isinstance(target, SpecificationVersion):
        details = {
            "specification": str(target.specification.uuid),
            "version": target.number,
            **details,
        }
    elif isinstance(target, Delegation):
        details = {"specification": str(target.specification.uuid), **details}
    audit.record(
        actor=actor, organisation=organisation, action=action, target=target, details=details
    )
