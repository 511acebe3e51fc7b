"""Fixtures of the catalog tests: a throw-away KEK, the ESCO sample, organisations and members.

The world: an authority; a provider (the owner, Swedish) with an author; an industry body that the
authority recognised, with a reviewer; a second recognised industry body with its own reviewer;
an accredited provider and one that is not.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytest_django.fixtures import Settings

from meritpass.accounts.models import Organisation, User
from meritpass.registry import keystore
from meritpass.taxonomy.importer import ImportSummary
from tests.integration.catalog import support
from tests.taxonomy_fixtures import esco_sample, in_english

__all__ = ["esco_sample", "in_english"]


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Iterator[None]:
    """Use a throw-away KEK, a fast password hasher and a fixed public URL."""
    monkeypatch.setenv(
        "MERITPASS_KEY_ENCRYPTION_KEY", base64.urlsafe_b64encode(b"\x0b" * 32).decode()
    )
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MERITPASS_PUBLIC_URL = "https://meritpass.example"
    keystore.reset_cache()
    yield
    keystore.reset_cache()


@dataclass
class World:
    authority: Organisation
    owner: Organisation
    author: User
    body: Organisation
    reviewer: User
    other_body: Organisation
    other_reviewer: User
    partner: Organisation
    unaccredited: Organisation
    skills: list[str]


@pytest.fixture
def world(esco_sample: ImportSummary) -> World:
    authority = support.make_organisation("uhr", Organisation.Kind.AUTHORITY)
    owner = support.make_organisation("yrkesakademin", Organisation.Kind.PROVIDER)
    body = support.make_organisation("byggbranschen", Organisation.Kind.INDUSTRY_BODY)
    other_body = support.make_organisation("vardbranschen", Organisation.Kind.INDUSTRY_BODY)
    partner = support.make_organisation("partnerskolan", Organisation.Kind.PROVIDER)
    unaccredited = support.make_organisation("okand-skola", Organisation.Kind.PROVIDER)
    for industry_body in (body, other_body):
        support.recognise(authority, industry_body)
    support.accredit(authority, owner)
    support.accredit(authority, partner)
    return World(
        authority=authority,
        owner=owner,
        author=support.make_member(owner, "author", email="author@example.org"),
        body=body,
        reviewer=support.make_member(body, "reviewer", email="reviewer@example.org"),
        other_body=other_body,
        other_reviewer=support.make_member(other_body, "reviewer"),
        partner=partner,
        unaccredited=unaccredited,
        skills=support.skills(),
    )
