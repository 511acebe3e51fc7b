"""The verification policy of this platform: its resolver, trust anchors and status lists."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings

from meritpass.accounts.models import Organisation
from meritpass.core.errors import ResolutionError
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.registry.dids import organisation_did
from meritpass.registry.resolver import platform_resolver

__all__ = ["fetch_status_list", "platform_policy", "trust_anchors"]

_STATUS_PATH = "/status/"


def platform_policy(now: datetime) -> VerificationPolicy:
    """Return the policy with which the platform verifies credentials at ``now``."""
    return VerificationPolicy(
        now=now,
        resolver=platform_resolver(),
        fetch_status_list=fetch_status_list,
        trust_anchors=trust_anchors(),
    )


def trust_anchors() -> frozenset[str]:
    """Return the configured anchor DIDs and those of every authority on this platform."""
    authorities = Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY)
    own = {organisation_did(authority) for authority in authorities}
    return frozenset(settings.MERITPASS_TRUST_ANCHORS) | own


def fetch_status_list(url: str) -> bytes:
    """Return the status list credential at ``url``: ours from the database, others over HTTPS."""
    prefix = settings.MERITPASS_PUBLIC_URL + _STATUS_PATH
    if not url.startswith(prefix):
        from meritpass.net import fetch_https  # noqa: PLC0415 - only foreign lists need the network

        return fetch_https(url)
    from meritpass.issuing.models import StatusList  # noqa: PLC0415 - issuing depends on registry

    try:
        key = uuid.UUID(url.removeprefix(prefix).rstrip("/"))
    except ValueError:
        raise ResolutionError("resolution.failed", what=url, reason="no such status list") from None
    credential = StatusList.objects.filter(uuid=key).values_list("credential", flat=True).first()
    if not credential:
        raise ResolutionError("resolution.failed", what=url, reason="no such status list")
    return credential.encode("utf-8")
