"""Awards built straight in the database, with a signed credential, for the public-facing tests.

They do not go through the issuing service: the page, certificate, file and email only read an
award, so these tests stay independent of how it was issued.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import UTC, date, datetime
from typing import Any, Final

from django.urls import reverse
from django.utils import translation

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import Approval, Specification, SpecificationVersion
from meritpass.issuing.models import Award, StatusChange, StatusList
from meritpass.taxonomy.models import Concept
from tests.factories import Issuer

WELDING: Final = "http://data.europa.eu/esco/skill/5e1e1f8b-1c3f-4a51-8c5a-3d9c5f4a1b2e"
DRAWINGS: Final = "http://data.europa.eu/esco/skill/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
TITLE: Final = {"sv": "Svetsning för nybörjare, grundnivå åäö", "en": "Welding for beginners"}
LEARNER: Final = "Åsa Öberg-Ärlig"
EMAIL: Final = "asa.oberg@example.org"
CLAIM_TOKEN: Final = "b6Xk2q9F1lJ0zR7uVt4nWc8sYpE3hAaD"

CONTENT: Final[dict[str, Any]] = {
    "title": TITLE,
    "description": {"sv": "Grunderna i MIG/MAG-svetsning.", "en": "The basics of MIG/MAG welding."},
    "learningOutcomes": [
        {
            "text": {"sv": "Svetsar kälsvetsar i stålplåt.", "en": "Welds fillet welds in steel."},
            "skills": [WELDING],
        },
        {
            "text": {"sv": "Läser svetsritningar.", "en": "Reads welding drawings."},
            "skills": [DRAWINGS, WELDING],
        },
    ],
    "workload": {"ects": "7.5", "hours": 200},
    "eqfLevel": 4,
    "seqf": {"level": 4, "decision": "SFS 2015:545 / dnr MYH 2024/1234"},
    "fieldOfEducation": "0715",
    "assessmentType": "http://data.europa.eu/snb/assessment/6a4db9f11d",
    "participationForm": "http://data.europa.eu/snb/learning-assessment/9191af2ed9",
    "qualityAssurance": "urn:meritpass:vocabulary:quality-assurance:industry-approval",
    "prerequisites": {"sv": "Inga.", "en": "None."},
    "supervision": None,
    "grading": {"scheme": {"sv": "Godkänd eller underkänd", "en": "Pass or fail"}, "values": []},
    "stackability": None,
    "furtherInformation": None,
    "homepage": "javascript:alert(1)",
    "language": "sv",
}

_numbers = itertools.count(1)


def path(name: str, language: str, **kwargs: Any) -> str:
    """Return the path of the issuing page ``name`` in ``language`` (paths are translated)."""
    with translation.override(language):
        return reverse(f"issuing:{name}", kwargs=kwargs)


def skills() -> None:
    """Store the two ESCO skills of the content; only the welding one has a Swedish label."""
    Concept.objects.get_or_create(
        uri=WELDING, defaults={"kind": "skill", "label_en": "weld metals", "label_sv": "svetsa"}
    )
    Concept.objects.get_or_create(
        uri=DRAWINGS, defaults={"kind": "skill", "label_en": "read technical drawings"}
    )


def organisation(slug: str, kind: str, **fields: Any) -> Organisation:
    names = {"name_sv": f"{slug} på svenska", "name_en": f"{slug} in English"}
    found, _ = Organisation.objects.get_or_create(slug=slug, kind=kind, defaults=names | fields)
    return found


def version(*, approved: bool = True) -> SpecificationVersion:
    owner = organisation("yrkesakademin", "provider", country_code="SE", region="Västerbotten")
    specification = Specification.objects.create(owner=owner)
    found = SpecificationVersion.objects.create(
        specification=specification,
        number=1,
        status=SpecificationVersion.Status.PUBLISHED,
        content=CONTENT,
        title_sv=TITLE["sv"],
        title_en=TITLE["en"],
        eqf_level=4,
        field_of_education="0715",
    )
    if approved:
        body = organisation(
            "svetsradet", "industry_body", name_sv="Svetsrådet", name_en="The Welding Council"
        )
        approval = Approval.objects.create(version=found, industry_body=body, credential="{}")
        Approval.objects.filter(pk=approval.pk).update(
            created_at=datetime(2026, 3, 2, 10, tzinfo=UTC)
        )
    return SpecificationVersion.objects.get(pk=found.pk)  # without the approval cached by create


def status_list(issuer: Organisation, purpose: str) -> StatusList:
    found, _ = StatusList.objects.get_or_create(
        organisation=issuer, purpose=purpose, defaults={"allocated": bytes(16)}
    )
    return found


def award(
    *,
    language: str = "sv",
    claim_token: str = CLAIM_TOKEN,
    approved: bool = True,
    grade: str = "Godkänd",
) -> Award:
    """Store an active award with a signed credential whose ``id`` names it."""
    skills()
    pinned = version(approved=approved)
    issuer = pinned.specification.owner
    number = next(_numbers)
    found = Award(
        issuer=issuer,
        version=pinned,
        learner_name=LEARNER,
        learner_email=EMAIL,
        awarded_on=date(2026, 6, 12),
        grade=grade,
        language=language,
        idempotency_key=f"row-{number}",
        revocation_list=status_list(issuer, StatusList.Purpose.REVOCATION),
        revocation_index=number,
        suspension_list=status_list(issuer, StatusList.Purpose.SUSPENSION),
        suspension_index=number,
        claim_token_hash=hashlib.sha256(claim_token.encode()).hexdigest() if claim_token else "",
    )
    found.credential = signed_credential(found)
    found.save()
    return found


def signed_credential(award: Award) -> str:
    """Return a signed credential for ``award``, serialised the way the issuer stores it."""
    signer = Issuer()
    unsigned = signer.credential(id=f"urn:uuid:{award.uuid}", name=TITLE[award.language])
    return json.dumps(signer.sign(unsigned), ensure_ascii=False, indent=1)


def change_state(award: Award, action: str, reason: str, *, at: datetime) -> None:
    """Revoke, suspend or reinstate ``award`` as the issuing service records it."""
    states = {"revoke": "revoked", "suspend": "suspended", "reinstate": "active"}
    Award.objects.filter(pk=award.pk).update(
        state=states[action], state_reason="" if action == "reinstate" else reason
    )
    change = StatusChange.objects.create(award=award, action=action, reason=reason)
    StatusChange.objects.filter(pk=change.pk).update(at=at)
