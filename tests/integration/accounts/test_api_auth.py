"""API token authentication: a valid token acts for its organisation; others are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.testing import TestClient

from meritpass.accounts import services
from meritpass.accounts.api_auth import ApiTokenAuth
from meritpass.accounts.models import ApiToken, Organisation

router = Router()


@router.get("/whoami", auth=ApiTokenAuth())
def whoami(request: HttpRequest) -> dict[str, str]:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    return {"organisation": token.organisation.slug, "token": token.name}


client = TestClient(router)


def call(authorization: str | None) -> tuple[int, object]:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = client.get("/whoami", headers=headers)
    return response.status_code, response.json()


def test_a_valid_token_acts_for_its_organisation(provider: Organisation) -> None:
    token, secret = services.create_api_token(provider, "Moodle", actor=None)
    assert call(f"Bearer {secret}") == (200, {"organisation": provider.slug, "token": "Moodle"})
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(provider: Organisation) -> None:
    token, secret = services.create_api_token(provider, "Moodle", actor=None)
    recent = timezone.now() - timedelta(seconds=20)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recent)
    call(f"Bearer {secret}")
    token.refresh_from_db()
    assert token.last_used_at == recent
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recent - timedelta(minutes=2))
    call(f"Bearer {secret}")
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.last_used_at > recent


def test_a_revoked_token_is_refused(provider: Organisation) -> None:
    token, secret = services.create_api_token(provider, "Moodle", actor=None)
    services.revoke_api_token(provider, token.pk, actor=None)
    assert call(f"Bearer {secret}")[0] == 401


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer mp_00000000_wrong", "Bearer nonsense", "Basic bXA6eA==", "Bearer "],
)
def test_a_missing_or_wrong_token_is_refused(
    provider: Organisation, authorization: str | None
) -> None:
    services.create_api_token(provider, "Moodle", actor=None)
    assert call(authorization)[0] == 401


def test_a_token_altered_by_one_character_is_refused(provider: Organisation) -> None:
    _, secret = services.create_api_token(provider, "Moodle", actor=None)
    altered = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    assert call(f"Bearer {altered}")[0] == 401
