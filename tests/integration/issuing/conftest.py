"""A small world to issue in: an authority, an industry body, two accredited providers, a
published and approved specification, members with their roles, and signed-in clients.

The chain is built through the real services (registry, catalog), so the awards carry real signed
accreditations and approvals. Times are the real clock: a published version is a month old and
the accreditations run from a year ago to a year ahead.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from meritpass.accounts.models import Membership, Organisation, Role, User
from meritpass.accounts.permissions import SESSION_KEY
from meritpass.catalog import services as catalog
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.vocabularies.controlled_lists import (
    ASSESSMENT_TYPES,
    PARTICIPATION_FORMS,
    QUALITY_ASSURANCE_TYPES,
)
from meritpass.issuing.validation import LearnerInput
from meritpass.registry import keystore
from meritpass.registry import services as registry
from meritpass.taxonomy.models import Concept

SKILL = "http://data.europa.eu/esco/skill/0b6a0f8e-5e7f-4a39-9d2e-9a4a8c1a7b01"
SKILL_2 = "http://data.europa.eu/esco/skill/2c4d8c7e-07b6-4f6a-8c44-9d8f3c2b1a02"


def content(*, grades: list[str] | None = None, graded: bool = True, **changes: Any) -> dict:
    """Return complete Annex I content of a specification (EQF 4, ISCED-F 0715)."""
    value: dict[str, Any] = {
        "title": {"sv": "Svetsning, grund", "en": "Welding, basic"},
        "description": {"sv": "Grundläggande svetsning.", "en": "Basic welding."},
        "learningOutcomes": [
            {"text": {"sv": "Svetsar stumfogar", "en": "Welds butt joints"}, "skills": [SKILL]},
            {"text": {"sv": "Läser ritningar", "en": "Reads drawings"}, "skills": [SKILL_2]},
        ],
        "workload": {"ects": "3", "hours": 80},
        "eqfLevel": 4,
        "seqf": None,
        "fieldOfEducation": "0715",
        "assessmentType": ASSESSMENT_TYPES.terms[2].uri,
        "participationForm": PARTICIPATION_FORMS.terms[1].uri,
        "qualityAssurance": QUALITY_ASSURANCE_TYPES.terms[0].uri,
        "prerequisites": None,
        "supervision": None,
        "grading": {
            "scheme": {"sv": "Godkänd eller väl godkänd", "en": "Pass or pass with distinction"},
            "values": grades if grades is not None else ["G", "VG"],
        }
        if graded
        else None,
        "stackability": None,
        "furtherInformation": None,
        "homepage": None,
        "language": "sv",
    }
    value.update(changes)
    return value


@dataclass
class World:
    authority: Organisation
    body: Organisation
    provider: Organisation
    other: Organisation
    version: SpecificationVersion
    author: User
    issuer: User
    other_issuer: User
    now: datetime

    def learner(self, n: int = 1, **changes: Any) -> LearnerInput:
        values: dict[str, Any] = {
            "name": f"Learner {n}",
            "email": f"learner{n}@example.org",
            "did": None,
            "awarded_on": timezone.localdate(),
            "grade": "G",
        }
        values.update(changes)
        return LearnerInput(**values)

    def publish(self, owner: Organisation, **changes: Any) -> SpecificationVersion:
        """Return another published version of a new specification owned by ``owner``."""
        author = make_member(owner, Role.AUTHOR)
        return publish_specification(owner, self.body, author, content(**changes), self.now)


@pytest.fixture(autouse=True)
def key_encryption_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the tests' private keys under a throw-away KEK, never the file in var/."""
    monkeypatch.setenv(
        "MERITPASS_KEY_ENCRYPTION_KEY", base64.urlsafe_b64encode(b"\x09" * 32).decode()
    )
    keystore.reset_cache()
    yield
    keystore.reset_cache()


_COUNT = iter(range(1_000_000))


def make_member(organisation: Organisation, *roles: str) -> User:
    user = User.objects.create_user(f"person{next(_COUNT)}@example.org", "a long passphrase")
    for role in roles:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def signed_in(user: User, *, two_factor: bool = True) -> Client:
    """Return a client signed in as ``user``, past the TOTP step when ``two_factor``."""
    client = Client()
    client.force_login(user)
    if two_factor:
        session = client.session
        session[SESSION_KEY] = timezone.now().isoformat()
        session.save()
    return client


def organisation(slug: str, kind: str) -> Organisation:
    return Organisation.objects.create(
        slug=slug, kind=kind, name_sv=f"{slug} (sv)", name_en=f"{slug} (en)", region="Skåne"
    )


def publish_specification(
    owner: Organisation, body: Organisation, author: User, value: dict, now: datetime
) -> SpecificationVersion:
    reviewer = make_member(body, Role.REVIEWER)
    version = catalog.create_specification(owner, author)
    catalog.save_draft(version, value, author)
    catalog.submit(version, body, author, now=now - timedelta(days=40))
    catalog.approve(version, "Bra.", reviewer, body, now=now - timedelta(days=35))
    return catalog.publish(version, author, now=now - timedelta(days=30))


def accredit(authority: Organisation, provider: Organisation, now: datetime, **scope: Any) -> None:
    registry.accredit(
        authority,
        provider,
        eqf_levels=scope.get("eqf_levels", [3, 4, 5]),
        fields=scope.get("fields", ["07"]),
        valid_from=now - timedelta(days=365),
        valid_until=now + timedelta(days=365),
        decision="Beslut 2026:1",
        actor=None,
        now=now - timedelta(days=365),
    )


@pytest.fixture
def world(db: None) -> World:
    now = timezone.now()
    for uri, label in ((SKILL, "weld metal"), (SKILL_2, "read engineering drawings")):
        Concept.objects.create(uri=uri, kind=Concept.Kind.SKILL, label_en=label, label_sv=label)
    authority = organisation("myndigheten", Organisation.Kind.AUTHORITY)
    body = organisation("branschen", Organisation.Kind.INDUSTRY_BODY)
    provider = organisation("akademin", Organisation.Kind.PROVIDER)
    other = organisation("andra", Organisation.Kind.PROVIDER)
    registry.recognise(
        authority,
        body,
        sectors=["07"],
        valid_from=now - timedelta(days=365),
        valid_until=None,
        actor=None,
        now=now - timedelta(days=365),
    )
    accredit(authority, provider, now)
    accredit(authority, other, now)
    author = make_member(provider, Role.AUTHOR)
    version = publish_specification(provider, body, author, content(), now)
    return World(
        authority=authority,
        body=body,
        provider=provider,
        other=other,
        version=version,
        author=author,
        issuer=make_member(provider, Role.ISSUER),
        other_issuer=make_member(other, Role.ISSUER),
        now=now,
    )


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def member() -> Callable[..., User]:
    return make_member
