"""A version's content as the pages show it: each Annex I element, labelled, in one language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from meritpass.catalog import content as spec_content
from meritpass.catalog.forms import TERMS
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.errors import InputError
from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.controlled_lists import ControlledList
from meritpass.taxonomy.models import Concept


@dataclass(frozen=True)
class Skill:
    """An ESCO skill of a learning outcome, with its label in the page's language."""

    uri: str
    label: str
    language: str
    concept: Concept | None


@dataclass(frozen=True)
class Outcome:
    text: str
    skills: list[Skill]


@dataclass(frozen=True)
class Element:
    """One Annex I element: its code (M2…M11, O1…O5), name and value as text."""

    code: str
    name: str
    value: str
    mandatory: bool = True


@dataclass(frozen=True)
class Description:
    title: str
    description: str
    outcomes: list[Outcome]
    elements: list[Element] = field(default_factory=list)
    grades: list[str] = field(default_factory=list)
    homepage: str = ""


def describe(version: SpecificationVersion, language: str) -> Description:
    """Return the version's content as labelled elements in ``language``."""
    content: Mapping[str, Any] = version.content
    grading = _mapping(content.get("grading"))
    return Description(
        title=spec_content.text(content, "title", language),
        description=spec_content.text(content, "description", language),
        outcomes=_outcomes(content, language),
        elements=_mandatory(content, language) + _optional(content, language),
        grades=[str(value) for value in grading.get("values") or []],
        homepage=str(content.get("homepage") or ""),
    )


def _outcomes(content: Mapping[str, Any], language: str) -> list[Outcome]:
    uris = spec_content.skill_uris(content)
    concepts = {concept.uri: concept for concept in Concept.objects.filter(uri__in=uris)}
    result = []
    for outcome in spec_content.outcomes(content):
        skills = []
        for uri in spec_content.outcome_skills(outcome):
            concept = concepts.get(uri)
            label, actual = concept.label(language) if concept else (uri, language)
            skills.append(Skill(uri=uri, label=label, language=actual, concept=concept))
        result.append(Outcome(text=spec_content.text(outcome, "text", language), skills=skills))
    return result


def _mandatory(content: Mapping[str, Any], language: str) -> list[Element]:
    return [
        Element("M7", _("Notional workload"), _workload(content)),
        Element("M8", _("Level"), _level(content)),
        Element("", _("Field of education"), _field(content, language)),
        Element("M9", _("Type of assessment"), _term(content, "assessmentType", language)),
        Element("M10", _("Form of participation"), _term(content, "participationForm", language)),
        Element(
            "M11", _("Type of quality assurance"), _term(content, "qualityAssurance", language)
        ),
    ]


def _optional(content: Mapping[str, Any], language: str) -> list[Element]:
    grading = _mapping(content.get("grading"))
    elements = [
        Element("O1", _("Prerequisites"), spec_content.text(content, "prerequisites", language)),
        Element(
            "O2",
            _("Supervision and identity verification during assessment"),
            _term(content, "supervision", language),
        ),
        Element("O3", _("Grading scheme"), spec_content.text(grading, "scheme", language)),
        Element(
            "O4",
            _("Integration and stackability"),
            spec_content.text(content, "stackability", language),
        ),
        Element(
            "O5",
            _("Further information"),
            spec_content.text(content, "furtherInformation", language),
        ),
    ]
    return [
        Element(item.code, item.name, item.value, mandatory=False)
        for item in elements
        if item.value
    ]


def _workload(content: Mapping[str, Any]) -> str:
    workload = _mapping(content.get("workload"))
    parts = []
    if workload.get("ects"):
        parts.append(_("%(ects)s ECTS credits") % {"ects": workload["ects"]})
    if workload.get("hours"):
        parts.append(_("%(hours)s hours") % {"hours": workload["hours"]})
    return ", ".join(parts)


def _level(content: Mapping[str, Any]) -> str:
    level = spec_content.eqf_level(content)
    if level is None:
        return ""
    text = _("EQF level %(level)s") % {"level": level}
    seqf = _mapping(content.get("seqf"))
    if seqf.get("level"):
        text += ", " + _("SeQF level %(level)s (placement decision %(decision)s)") % {
            "level": seqf["level"],
            "decision": seqf.get("decision", ""),
        }
    return text


def _field(content: Mapping[str, Any], language: str) -> str:
    code = spec_content.field_of_education(content)
    return f"{code} {isced_f.field(code).name.text(language)}" if code else ""


def _term(content: Mapping[str, Any], key: str, language: str) -> str:
    value = content.get(key)
    vocabulary: ControlledList = TERMS[key][1]
    if not isinstance(value, str) or not value:
        return ""
    try:
        return vocabulary.term(value).label.text(language)
    except InputError:
        return value


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
