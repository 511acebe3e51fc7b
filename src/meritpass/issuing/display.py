"""Read an award into what people see: its public page, its certificate, the claim page, the email.

Everything is read live from the award and the specification version it pins, in one language,
so a revocation shows at once. Text the content lacks in that language falls back to the other.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

from meritpass.core.errors import InputError
from meritpass.core.vocabularies import controlled_lists, isced_f
from meritpass.core.vocabularies.controlled_lists import ControlledList
from meritpass.core.vocabularies.eqf import EQF, SeqfLevel, seqf_level
from meritpass.issuing.models import Award, StatusChange
from meritpass.taxonomy.models import Concept
from meritpass.taxonomy.views import concept_url

_CHANGE_OF_STATE = {
    Award.State.REVOKED: StatusChange.Action.REVOKE,
    Award.State.SUSPENDED: StatusChange.Action.SUSPEND,
}


@dataclass(frozen=True, slots=True)
class Skill:
    """An ESCO skill of a learning outcome, labelled in the reader's language if ESCO has it."""

    uri: str
    label: str
    language: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One learning outcome with the ESCO skills it proves."""

    text: str
    skills: tuple[Skill, ...]


@dataclass(frozen=True, slots=True)
class IndustryApproval:
    """The industry body that approved the specification version, and when."""

    body: str
    approved_at: datetime


@dataclass(frozen=True, slots=True)
class Summary:
    """What a person reads about one award, in one language."""

    award: Award
    language: str
    title: str
    description: str
    learner_name: str
    issuer_name: str
    issuer_place: str
    awarded_on: date
    outcomes: tuple[Outcome, ...]
    workload: str
    eqf_level: str
    seqf_level: str
    seqf_decision: str
    field_of_education: str
    assessment: str
    participation: str
    quality_assurance: str
    supervision: str
    prerequisites: str
    grade: str
    grading_scheme: str
    stackability: str
    further_information: str
    homepage: str
    approval: IndustryApproval | None
    state_reason: str
    state_changed_at: datetime | None
    credential_id: str

    @property
    def active(self) -> bool:
        return self.award.state == Award.State.ACTIVE

    @property
    def revoked(self) -> bool:
        return self.award.state == Award.State.REVOKED

    @property
    def suspended(self) -> bool:
        return self.award.state == Award.State.SUSPENDED


def summarise(award: Award, language: str) -> Summary:
    """Return what people see of ``award`` in ``language``."""
    content: Mapping[str, object] = award.version.content or {}
    seqf = _seqf(content.get("seqf"))
    with translation.override(language):
        return Summary(
            award=award,
            language=language,
            title=text(content.get("title"), language) or award.version.title(language),
            description=text(content.get("description"), language),
            learner_name=award.learner_name,
            issuer_name=award.issuer.name(language),
            issuer_place=", ".join(
                p for p in (award.issuer.country_code, award.issuer.region) if p
            ),
            awarded_on=award.awarded_on,
            outcomes=_outcomes(content.get("learningOutcomes"), language),
            workload=_workload(content.get("workload")),
            eqf_level=_eqf(content.get("eqfLevel"), language),
            seqf_level=seqf.name.text(language) if seqf else "",
            seqf_decision=seqf.placement_decision if seqf else "",
            field_of_education=_field(content.get("fieldOfEducation"), language),
            assessment=_term(
                controlled_lists.ASSESSMENT_TYPES, content, "assessmentType", language
            ),
            participation=_term(
                controlled_lists.PARTICIPATION_FORMS, content, "participationForm", language
            ),
            quality_assurance=_term(
                controlled_lists.QUALITY_ASSURANCE_TYPES, content, "qualityAssurance", language
            ),
            supervision=_term(
                controlled_lists.SUPERVISION_AND_IDENTITY, content, "supervision", language
            ),
            prerequisites=text(content.get("prerequisites"), language),
            grade=award.grade,
            grading_scheme=_grading_scheme(content.get("grading"), language),
            stackability=text(content.get("stackability"), language),
            further_information=text(content.get("furtherInformation"), language),
            homepage=_web_address(content.get("homepage")),
            approval=_approval(award, language),
            state_reason=award.state_reason if award.state != Award.State.ACTIVE else "",
            state_changed_at=_state_changed_at(award),
            credential_id=credential_id(award),
        )


def text(value: object, language: str) -> str:
    """Return a multilingual text ``{"sv": ..., "en": ...}`` in ``language``, else the other."""
    if not isinstance(value, Mapping):
        return ""
    other = "en" if language == "sv" else "sv"
    return _string(value.get(language)).strip() or _string(value.get(other)).strip()


def credential_id(award: Award) -> str:
    """Return the ``id`` of the signed credential of ``award``."""
    try:
        document = json.loads(award.credential)
    except ValueError:
        document = None
    found = document.get("id") if isinstance(document, dict) else None
    return found if isinstance(found, str) and found else f"urn:uuid:{award.uuid}"


def public_url(award: Award, language: str) -> str:
    """Return the absolute address of the public page of ``award`` in ``language``."""
    with translation.override(language):
        path = reverse("issuing:credential", kwargs={"uuid": award.uuid})
    return settings.MERITPASS_PUBLIC_URL + path


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _web_address(value: object) -> str:
    # Only a web address becomes a link: a "javascript:" one would run in the reader's browser.
    address = _string(value)
    return address if address.startswith(("https://", "http://")) else ""


def _outcomes(value: object, language: str) -> tuple[Outcome, ...]:
    outcomes = (
        [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
    )
    uris = [uri for item in outcomes for uri in _strings(item.get("skills"))]
    skills = _skills(uris, language)
    return tuple(
        Outcome(
            text=text(item.get("text"), language),
            skills=tuple(skills[uri] for uri in _strings(item.get("skills"))),
        )
        for item in outcomes
    )


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _skills(uris: Sequence[str], language: str) -> dict[str, Skill]:
    concepts = {concept.uri: concept for concept in Concept.objects.filter(uri__in=set(uris))}
    skills = {}
    for uri in uris:
        concept = concepts.get(uri)
        if concept is None:
            skills[uri] = Skill(uri=uri, label=uri, language="", url=None)
        else:
            label, label_language = concept.label(language)
            skills[uri] = Skill(uri, label, label_language, concept_url(concept))
    return skills


def _workload(value: object) -> str:
    if not isinstance(value, Mapping):
        return ""
    parts = []
    try:
        ects = Decimal(_string(value.get("ects")))
    except InvalidOperation:
        ects = None
    if ects is not None:
        parts.append(gettext("%(credits)s ECTS credits") % {"credits": formats.number_format(ects)})
    hours = value.get("hours")
    if isinstance(hours, int) and not isinstance(hours, bool):
        parts.append(ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours})
    return " · ".join(parts)


def _eqf(value: object, language: str) -> str:
    level = EQF.get(value) if isinstance(value, int) and not isinstance(value, bool) else None
    return level.name.text(language) if level else ""


def _seqf(value: object) -> SeqfLevel | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return seqf_level(value.get("level"), placement_decision=_string(value.get("decision")))
    except InputError:
        return None


def _field(value: object, language: str) -> str:
    code = _string(value)
    if not code:
        return ""
    if not isced_f.is_field(code):
        return code
    return f"{code} {isced_f.field(code).name.text(language)}"


def _term(
    vocabulary: ControlledList, content: Mapping[str, object], key: str, language: str
) -> str:
    uri = _string(content.get(key))
    if not uri:
        return ""
    try:
        return vocabulary.term(uri).label.text(language)
    except InputError:
        return uri


def _grading_scheme(value: object, language: str) -> str:
    return text(value.get("scheme"), language) if isinstance(value, Mapping) else ""


def _approval(award: Award, language: str) -> IndustryApproval | None:
    try:
        approval = award.version.approval
    except ObjectDoesNotExist:
        return None
    return IndustryApproval(approval.industry_body.name(language), approval.created_at)


def _state_changed_at(award: Award) -> datetime | None:
    action = _CHANGE_OF_STATE.get(Award.State(award.state))
    if action is None:
        return None
    change = award.status_changes.filter(action=action).order_by("-at").first()
    return change.at if change else None
