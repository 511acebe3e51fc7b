"""The demo that ``make run`` loads: one account per role, a trust chain and issued credentials.

Every demo account's email ends with ``@demo.meritpass.eu`` and has the password below; accounts
that need a second factor get an authenticator whose current code the two-factor page shows in
demo mode (``MERITPASS_DEMO``). Loading is idempotent: a database that has the demo is left as is.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pyotp
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meritpass.accounts import services as accounts
from meritpass.accounts.models import Organisation, Role, TotpDevice, User
from meritpass.catalog import services as catalog
from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing import services as issuing
from meritpass.issuing.validation import LearnerInput
from meritpass.registry import keystore
from meritpass.registry import services as registry
from meritpass.taxonomy.models import Concept

__all__ = ["ACCOUNTS", "DEMO_DOMAIN", "DEMO_PASSWORD", "DemoAccount", "is_loaded", "load"]

DEMO_DOMAIN = "demo.meritpass.eu"
DEMO_PASSWORD = "meritpass-demo"  # noqa: S105 - public on purpose: demo accounts only

_QA = "urn:meritpass:vocabulary:quality-assurance:industry-approval"
_PRACTICAL = "http://data.europa.eu/snb/assessment/6a4db9f11d"
_WRITTEN = "http://data.europa.eu/snb/assessment/6e6cb2cc78"
_ON_SITE = "http://data.europa.eu/snb/learning-assessment/9191af2ed9"
_BLENDED = "http://data.europa.eu/snb/learning-assessment/e92d221e4d"
_SKILL = "http://data.europa.eu/esco/skill/"


@dataclass(frozen=True)
class DemoAccount:
    """A demo login: who it is and what it can try."""

    email: str
    first_name: str
    last_name: str
    organisation: str | None
    roles: tuple[str, ...]
    two_factor: bool


ORGANISATIONS: tuple[dict[str, Any], ...] = (
    {
        "kind": Organisation.Kind.AUTHORITY,
        "slug": "kvalifikationsmyndigheten",
        "names": {"sv": "Kvalifikationsmyndigheten (demo)", "en": "Qualifications Agency (demo)"},
        "region": "Stockholm",
    },
    {
        "kind": Organisation.Kind.INDUSTRY_BODY,
        "slug": "svetsradet",
        "names": {"sv": "Svetsbranschens yrkesråd (demo)", "en": "Welding Trades Council (demo)"},
        "region": "Göteborg",
    },
    {
        "kind": Organisation.Kind.PROVIDER,
        "slug": "yrkesakademin",
        "names": {
            "sv": "Yrkesakademin i Norrland (demo)",
            "en": "Norrland Vocational Academy (demo)",
        },
        "region": "Umeå",
        "homepage": "https://yrkesakademin.example",
    },
    {
        "kind": Organisation.Kind.PROVIDER,
        "slug": "kompetenscentrum-syd",
        "names": {"sv": "Kompetenscentrum Syd (demo)", "en": "Skills Centre South (demo)"},
        "region": "Malmö",
    },
    {
        "kind": Organisation.Kind.EMPLOYER,
        "slug": "nordverk",
        "names": {"sv": "Nordverk AB (demo)", "en": "Nordverk AB (demo)"},
        "region": "Skellefteå",
    },
)

ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        f"myndighet@{DEMO_DOMAIN}",
        "Maria",
        "Myndig",
        "kvalifikationsmyndigheten",
        (Role.ADMIN,),
        True,
    ),
    DemoAccount(
        f"granskare@{DEMO_DOMAIN}",
        "Gustav",
        "Granskare",
        "svetsradet",
        (Role.ADMIN, Role.REVIEWER),
        True,
    ),
    DemoAccount(
        f"utfardare@{DEMO_DOMAIN}",
        "Ulla",
        "Utfärdare",
        "yrkesakademin",
        (Role.ADMIN, Role.AUTHOR, Role.ISSUER),
        True,
    ),
    DemoAccount(
        f"syd@{DEMO_DOMAIN}",
        "Sami",
        "Södergren",
        "kompetenscentrum-syd",
        (Role.ADMIN, Role.AUTHOR, Role.ISSUER),
        True,
    ),
    DemoAccount(f"hr@{DEMO_DOMAIN}", "Hanna", "Hedlund", "nordverk", (Role.ADMIN, Role.HR), False),
    DemoAccount(f"anna@{DEMO_DOMAIN}", "Anna", "Lindqvist", None, (), False),
)

LEARNERS: tuple[tuple[str, str], ...] = (
    ("Anna Lindqvist", f"anna@{DEMO_DOMAIN}"),
    ("Erik Johansson", "erik.johansson@example.org"),
    ("Fatima Hassan", "fatima.hassan@example.org"),
    ("Jonas Berg", "jonas.berg@example.org"),
    ("Leila Karimi", "leila.karimi@example.org"),
    ("Oskar Nilsson", "oskar.nilsson@example.org"),
)


def is_loaded() -> bool:
    """Tell whether the demo is in the database."""
    return Organisation.objects.filter(slug="kvalifikationsmyndigheten").exists()


def load(*, now: datetime | None = None) -> bool:
    """Load the demo unless it is there; return whether it was loaded now."""
    if is_loaded():
        return False
    now = now or timezone.now()
    with transaction.atomic():
        organisations = {spec["slug"]: _organisation(spec) for spec in ORGANISATIONS}
        users = {account.email: _user(account, organisations) for account in ACCOUNTS}
        _trust(organisations, users, now=now - timedelta(days=60))
        published = _specifications(organisations, users, now=now - timedelta(days=30))
    _awards(organisations, users, published, now=now)
    return True


def _organisation(spec: dict[str, Any]) -> Organisation:
    return accounts.create_organisation(
        kind=spec["kind"],
        slug=spec["slug"],
        names=spec["names"],
        region=spec.get("region", ""),
        homepage=spec.get("homepage", ""),
        contact_email=f"info@{DEMO_DOMAIN}",
    )


def _user(account: DemoAccount, organisations: dict[str, Organisation]) -> User:
    user = User.objects.create_user(
        account.email,
        DEMO_PASSWORD,
        first_name=account.first_name,
        last_name=account.last_name,
    )
    if account.organisation is not None:
        for role in account.roles:
            accounts.add_role(organisations[account.organisation], user, role, actor=None)
    if account.two_factor:
        TotpDevice.objects.create(
            user=user,
            secret_encrypted=keystore.encrypt(pyotp.random_base32().encode()),
            confirmed_at=timezone.now(),
        )
    return user


def _trust(
    organisations: dict[str, Organisation], users: dict[str, User], *, now: datetime
) -> None:
    authority = organisations["kvalifikationsmyndigheten"]
    actor = users[f"myndighet@{DEMO_DOMAIN}"]
    registry.recognise(
        authority,
        organisations["svetsradet"],
        sectors=["0715", "0732"],
        valid_from=now,
        valid_until=now + timedelta(days=5 * 365),
        actor=actor,
        now=now,
    )
    for slug, levels in (("yrkesakademin", [2, 3, 4, 5]), ("kompetenscentrum-syd", [3, 4])):
        registry.accredit(
            authority,
            organisations[slug],
            eqf_levels=levels,
            fields=["07"],
            valid_from=now,
            valid_until=now + timedelta(days=4 * 365),
            decision=f"KM 2026/{len(slug)}",
            actor=actor,
            now=now,
        )


def _specifications(
    organisations: dict[str, Organisation], users: dict[str, User], *, now: datetime
) -> list[SpecificationVersion]:
    provider = organisations["yrkesakademin"]
    body = organisations["svetsradet"]
    author = users[f"utfardare@{DEMO_DOMAIN}"]
    reviewer = users[f"granskare@{DEMO_DOMAIN}"]
    published = []
    for content in (_welding(), _safety()):
        version = _draft(provider, author, content)
        catalog.submit(version, body, author, now=now)
        catalog.approve(version, "Kraven motsvarar branschens behov.", reviewer, body, now=now)
        catalog.publish(version, author, now=now)
        published.append(version)
    catalog.delegate(
        published[0].specification, organisations["kompetenscentrum-syd"], author, now=now
    )
    pending = _draft(provider, author, _tig())
    catalog.submit(pending, body, author, now=now)
    _draft(organisations["kompetenscentrum-syd"], users[f"syd@{DEMO_DOMAIN}"], _draft_only())
    return published


def _draft(owner: Organisation, author: User, content: dict[str, Any]) -> SpecificationVersion:
    version = catalog.create_specification(owner, author)
    return catalog.save_draft(version, content, author)


def _awards(
    organisations: dict[str, Organisation],
    users: dict[str, User],
    published: list[SpecificationVersion],
    *,
    now: datetime,
) -> None:
    provider = organisations["yrkesakademin"]
    issuer = users[f"utfardare@{DEMO_DOMAIN}"]
    awarded_on = timezone.localdate(now) - timedelta(days=7)
    awards = []
    for number, (name, email) in enumerate(LEARNERS):
        version = published[number % len(published)]
        grade = "Godkänd" if version.content.get("grading") else None
        learner = LearnerInput(name=name, email=email, did=None, awarded_on=awarded_on, grade=grade)
        awards.append(
            issuing.issue_award(
                issuer=provider, version=version, learner=learner, actor=issuer, now=now
            )
        )
    issuing.revoke(awards[-1], "Provet underkändes vid omprövning.", issuer, now=now)
    issuing.suspend(awards[-2], "Utredning av fusk pågår.", issuer, now=now)


def _outcome(sv: str, en: str, *skills: str) -> dict[str, Any]:
    return {"text": {"sv": sv, "en": en}, "skills": [_SKILL + skill for skill in skills]}


_COMMON: dict[str, Any] = {
    "fieldOfEducation": "0715",
    "qualityAssurance": _QA,
    "supervision": "urn:meritpass:vocabulary:supervision:supervised-onsite-with-id",
    "furtherInformation": None,
    "homepage": None,
    "language": "sv",
}


def _welding() -> dict[str, Any]:
    return {
        **copy.deepcopy(_COMMON),
        "title": {"sv": "Svetsning MIG/MAG, grundnivå", "en": "MIG/MAG welding, basic level"},
        "description": {
            "sv": "Mikromerit i MIG/MAG-svetsning av stålplåt enligt SS-EN ISO 9606-1.",
            "en": "Micro-credential in MIG/MAG welding of steel plate to SS-EN ISO 9606-1.",
        },
        "learningOutcomes": [
            _outcome(
                "Svetsar kälsvetsar och stumsvetsar i stålplåt med MIG och MAG enligt WPS.",
                "Welds fillet and butt welds in steel plate with MIG and MAG to a WPS.",
                "60ff3eac-7d4d-4e51-87b8-74c3b5d62498",
                "f015c5d5-6a1c-4f63-9012-a05f4f34105e",
                "2ee57de4-bffd-4194-b009-0060edec77cc",
            ),
            _outcome(
                "Läser svetsritningar och arbetar säkert med skyddsutrustning.",
                "Reads welding drawings and works safely with protective gear.",
                "dfce2aba-783e-4e17-9c17-e74aca505ec2",
                "6122d586-5978-431f-8e7a-96e61fc1f3fc",
            ),
        ],
        "workload": {"ects": "7.5", "hours": 200},
        "eqfLevel": 3,
        "seqf": None,
        "assessmentType": _PRACTICAL,
        "participationForm": _ON_SITE,
        "prerequisites": {"sv": "Grundläggande verkstadsvana.", "en": "Basic workshop practice."},
        "grading": {
            "scheme": {"sv": "Godkänd eller underkänd", "en": "Pass or fail"},
            "values": ["Godkänd", "Underkänd"],
        },
        "stackability": {
            "sv": "Kan kombineras med TIG-svetsning till svetsarutbildning (SS-EN ISO 9606-1).",
            "en": "Stacks with TIG welding towards welder training to SS-EN ISO 9606-1.",
        },
    }


def _safety() -> dict[str, Any]:
    return {
        **copy.deepcopy(_COMMON),
        "title": {
            "sv": "Arbetsmiljö och riskbedömning i verkstad",
            "en": "Workshop safety and risk assessment",
        },
        "description": {
            "sv": "Riskbedömning, skyddsåtgärder och första hjälpen i verkstadsmiljö.",
            "en": "Risk assessment, protective measures and first aid in a workshop.",
        },
        "learningOutcomes": [
            _outcome(
                "Gör en riskbedömning av ett arbetsmoment och föreslår åtgärder.",
                "Assesses the risks of a work task and proposes measures.",
                "1dd23dba-dd00-45ab-abf4-642902538317",
                "d2d9051a-10e1-41c5-9cfb-bbdc58016176",
            ),
            _outcome(
                "Ger första hjälpen vid vanliga verkstadsolyckor.",
                "Gives first aid after common workshop accidents.",
                "f7464f30-662b-4177-85a0-3df9693e9e58",
            ),
        ],
        "workload": {"ects": None, "hours": 40},
        "eqfLevel": 2,
        "seqf": None,
        "assessmentType": _WRITTEN,
        "participationForm": _BLENDED,
        "prerequisites": None,
        "grading": None,
        "stackability": None,
    }


def _tig() -> dict[str, Any]:
    content = _welding()
    content.update(
        title={"sv": "TIG-svetsning, grundnivå", "en": "TIG welding, basic level"},
        learningOutcomes=[
            _outcome(
                "Svetsar rostfri plåt med TIG enligt WPS.",
                "Welds stainless steel sheet with TIG to a WPS.",
                "a51adea8-bf02-488a-a0d8-b0961caca5b0",
                "f33b0ef2-7fe1-4ac1-96c4-36a1bff1771b",
            )
        ],
        eqfLevel=4,
        stackability=None,
    )
    return content


def _draft_only() -> dict[str, Any]:
    return {
        "title": {"sv": "Svetsinspektion", "en": "Welding inspection"},
        "learningOutcomes": [
            _outcome(
                "Kontrollerar svetsfogar visuellt och rapporterar avvikelser.",
                "Inspects welds visually and reports defects.",
                "34016949-da9c-4107-98e3-1080ae405e27",
            )
        ],
        "language": "sv",
    }


def accounts_by_role() -> list[tuple[str, str, str]]:
    """Return (email, organisation name, what to try) for the start page, in the page language."""
    names = {
        o.slug: o for o in Organisation.objects.filter(slug__in=[a.organisation for a in ACCOUNTS])
    }
    language = get_language() or "sv"
    rows = []
    for account in ACCOUNTS:
        organisation = names.get(account.organisation or "")
        rows.append(
            (
                account.email,
                organisation.name(language) if organisation else "",
                str(_TRY[account.email.split("@")[0]]),
            )
        )
    return rows


_TRY = {
    "myndighet": _(
        "Authority: accredit providers, recognise industry bodies, publish the trust list."
    ),
    "granskare": _("Industry body: review and approve the submitted TIG welding specification."),
    "utfardare": _("Provider: author specifications, issue one by one or in bulk, revoke."),
    "syd": _("Second provider: issue the delegated welding specification, finish a draft."),
    "hr": _("Employer: the employer's organisation page (competence views come later)."),
    "anna": _(
        "Learner: holds no organisation role; the competence passport comes in a later release."
    ),
}


def skills_available() -> bool:
    """Tell whether the taxonomy holds the demo's ESCO skills (ESCO must be imported first)."""
    return Concept.objects.filter(uri=_SKILL + "60ff3eac-7d4d-4e51-87b8-74c3b5d62498").exists()
