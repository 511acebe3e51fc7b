"""Builders for the catalog tests: complete content, organisations, members, signed-in clients."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from meritpass.accounts.models import Membership, Organisation, User
from meritpass.accounts.permissions import SESSION_KEY
from meritpass.catalog import services
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.vocabularies import controlled_lists
from meritpass.registry import services as registry
from meritpass.taxonomy.models import Concept

YEAR = timedelta(days=365)
WELDING = "http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea"


def skills(count: int = 3) -> list[str]:
    """Return ``count`` ESCO skill URIs of the sample that have Swedish labels, welding first."""
    found = Concept.objects.filter(kind="skill", obsolete=False).exclude(label_sv="")
    uris = [WELDING] + [uri for uri in found.values_list("uri", flat=True) if uri != WELDING]
    return uris[:count]


def complete_content(skill_uris: list[str], **changes: Any) -> dict[str, Any]:
    """Return content with every mandatory element and some optional ones."""
    content: dict[str, Any] = {
        "language": "sv",
        "title": {"sv": "Svetsning i rostfritt stål", "en": "Welding stainless steel"},
        "description": {"sv": "En kort kurs i TIG-svetsning.", "en": "A short TIG welding course."},
        "learningOutcomes": [
            {
                "text": {"sv": "Svetsa rostfria rör", "en": "Weld stainless pipes"},
                "skills": skill_uris[:2],
            },
            {
                "text": {"sv": "Läsa ritningar", "en": "Read drawings"},
                "skills": skill_uris[2:3] or skill_uris[:1],
            },
        ],
        "workload": {"ects": "7.5", "hours": 200},
        "eqfLevel": 4,
        "seqf": {"level": 4, "decision": "MYH 2025/1234"},
        "fieldOfEducation": "0715",
        "assessmentType": controlled_lists.ASSESSMENT_TYPES.terms[2].uri,
        "participationForm": controlled_lists.PARTICIPATION_FORMS.terms[1].uri,
        "qualityAssurance": controlled_lists.QUALITY_ASSURANCE_TYPES.terms[0].uri,
        "grading": {
            "scheme": {"sv": "U, G, VG", "en": "Fail, pass, distinction"},
            "values": ["U", "G", "VG"],
        },
    }
    content.update(changes)
    return copy.deepcopy(content)


def make_organisation(slug: str, kind: str, **fields: object) -> Organisation:
    names = {"name_sv": f"{slug} på svenska", "name_en": f"{slug} in English"}
    return Organisation.objects.create(slug=slug, kind=kind, **(names | fields))


def make_member(organisation: Organisation, *roles: str, email: str | None = None) -> User:
    count = User.objects.count()
    user = User.objects.create_user(email or f"person{count}@example.org", "a long passphrase")
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


def recognise(authority: Organisation, body: Organisation, *, now: datetime | None = None) -> None:
    now = now or timezone.now()
    registry.recognise(
        authority,
        body,
        sectors=["07"],
        valid_from=now - YEAR,
        valid_until=None,
        actor=None,
        now=now,
    )


def accredit(
    authority: Organisation, provider: Organisation, *, now: datetime | None = None
) -> None:
    now = now or timezone.now()
    registry.accredit(
        authority,
        provider,
        eqf_levels=[3, 4, 5],
        fields=["07"],
        valid_from=now - YEAR,
        valid_until=now + YEAR,
        decision="UHR dnr 2026/1",
        actor=None,
        now=now,
    )


def draft(owner: Organisation, author: User, content: dict[str, Any]) -> SpecificationVersion:
    version = services.create_specification(owner, author)
    return services.save_draft(version, content, author)
