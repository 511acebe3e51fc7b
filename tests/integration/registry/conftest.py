"""Organisations, members and signed-in clients for the registry tests."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from django.test import Client

from meritpass.accounts.models import Membership, Organisation, User
from meritpass.accounts.permissions import SESSION_KEY
from meritpass.registry import keystore

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def key_encryption_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the tests' private keys under a throw-away KEK, never the file in var/."""
    monkeypatch.setenv(
        "MERITPASS_KEY_ENCRYPTION_KEY", base64.urlsafe_b64encode(b"\x07" * 32).decode()
    )
    keystore.reset_cache()
    yield
    keystore.reset_cache()


def make_organisation(slug: str, kind: str, **fields: object) -> Organisation:
    names = {"name_sv": f"{slug} (sv)", "name_en": f"{slug} (en)"}
    return Organisation.objects.create(slug=slug, kind=kind, **(names | fields))


@pytest.fixture
def authority(db: None) -> Organisation:
    return make_organisation(
        "uhr", Organisation.Kind.AUTHORITY, name_sv="Myndigheten", name_en="The Agency"
    )


@pytest.fixture
def provider(db: None) -> Organisation:
    return make_organisation(
        "yrkesakademin", Organisation.Kind.PROVIDER, region="Skåne", homepage="https://ya.example"
    )


@pytest.fixture
def industry_body(db: None) -> Organisation:
    return make_organisation("byggbranschen", Organisation.Kind.INDUSTRY_BODY)


@pytest.fixture
def member() -> Callable[..., User]:
    """Return a function that makes a user holding ``roles`` in an organisation."""
    count = iter(range(1000))

    def make(organisation: Organisation, *roles: str) -> User:
        user = User.objects.create_user(f"person{next(count)}@example.org", "a long passphrase")
        for role in roles:
            Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

    return make


def signed_in(user: User, *, two_factor: bool = True) -> Client:
    """Return a client signed in as ``user``, past the TOTP step when ``two_factor``."""
    client = Client()
    client.force_login(user)
    if two_factor:
        session = client.session
        session[SESSION_KEY] = NOW.isoformat()
        session.save()
    return client


@pytest.fixture
def authority_admin(authority: Organisation, member: Callable[..., User]) -> Client:
    return signed_in(member(authority, "admin"))
