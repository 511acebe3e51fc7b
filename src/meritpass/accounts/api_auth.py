"""Bearer-token authentication for the API: a learning-management system acts for an organisation.

Tokens look like ``mp_<prefix>_<secret>``; only their SHA-256 is stored, so a database leak does
not leak usable tokens.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from meritpass.accounts.models import ApiToken
from meritpass.accounts.services import TOKEN_PREFIX, digest

__all__ = ["ApiTokenAuth"]

#: ``last_used_at`` is written at most this often, so busy clients do not cause a write per call.
LAST_USED_PRECISION: Final = timedelta(minutes=1)


class ApiTokenAuth(HttpBearer):
    """Accept a valid, unrevoked API token; ``request.auth`` becomes the ``ApiToken``."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token.startswith(f"{TOKEN_PREFIX}_") or len(token) > 200:
            return None
        found = (
            ApiToken.objects.select_related("organisation")
            .filter(token_hash=digest(token), revoked_at__isnull=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or found.last_used_at < now - LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
            found.last_used_at = now
        return found
