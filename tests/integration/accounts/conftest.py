"""Fixtures of the accounts tests: a throw-away KEK, fast hashing, organisations and members."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from pytest_django.fixtures import Settings

from meritpass.accounts import services
from meritpass.accounts.models import Organisation, User
from meritpass.registry import keystore
from tests.integration.accounts.support import make_organisation, make_user
from tests.taxonomy_fixtures import in_english  # noqa: F401 - a fixture for the tests here


@pytest.fixture(autouse=True)
def fast_and_isolated(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Iterator[None]:
    """Use a throw-away KEK, a fast password hasher and an empty cache (failure counters)."""
    monkeypatch.setenv(
        "MERITPASS_KEY_ENCRYPTION_KEY", base64.urlsafe_b64encode(b"\x09" * 32).decode()
    )
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MERITPASS_PUBLIC_URL = "https://meritpass.example"
    keystore.reset_cache()
    cache.clear()
    yield
    cache.clear()
    keystore.reset_cache()


@pytest.fixture
def provider(db: None) -> Organisation:
    return make_organisation("yrkesakademin")


@pytest.fixture
def other_provider(db: None) -> Organisation:
    return make_organisation("annan-skola")


@pytest.fixture
def authority(db: None) -> Organisation:
    return make_organisation("uhr", Organisation.Kind.AUTHORITY)


@pytest.fixture
def member(db: None) -> Callable[..., User]:
    """Return a function that makes a user holding ``roles`` in an organisation."""
    count = iter(range(1000))

    def make(
        organisation: Organisation, *roles: str, email: str | None = None, **fields: str
    ) -> User:
        user = make_user(email or f"person{next(count)}@example.org", **fields)
        for role in roles:
            services.add_role(organisation, user, role, actor=None)
        return user

    return make
