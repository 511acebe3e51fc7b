"""The audit log: ``record`` each issuance, revocation, approval, accreditation and key change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model

    from meritpass.accounts.models import ApiToken, Organisation, User


def record(
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    target: Model,
    details: dict[str, Any] | None = None,
    token: ApiToken | None = None,
) -> None:
    """Record that ``actor`` (or an API ``token``) did ``action`` to ``target``.

    Call it inside the transaction of the change, so the event exists exactly when the change does.
    """
    from meritpass.audit.models import AuditEvent  # noqa: PLC0415 - models load after the app registry

    AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        via_token=token.prefix if token is not None else "",
        organisation=organisation,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(getattr(target, "uuid", None) or target.pk),
        details=details or {},
    )
