"""The EU micro-credential specification: Annex I of Council Recommendation 2022/C 243/02.

A :class:`Specification` holds what a provider publishes once and awards many times: title,
learning outcomes linked to ESCO skills, workload, EQF (and SeQF) level, field of education, type
of assessment, form of participation, type of quality assurance, and the optional elements. The
learner (M1) and the date of issuing (M5) belong to each award; the country (M3) and the awarding
body (M4) to the issuing organisation. Its JSON form is the ``content`` of a specification
version (see ``standards/MAPPING.md``); :meth:`Specification.from_json` reads it strictly, while
:func:`missing_elements` tells an author of a partial draft what is still missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Final, TypedDict

from meritpass.core.credentials import specification_fields as fields
from meritpass.core.credentials.digest import jcs_digest
from meritpass.core.credentials.specification_fields import Text, child, fail
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import SpecificationError
from meritpass.core.messages import render
from meritpass.core.vocabularies.controlled_lists import (
    ASSESSMENT_TYPES,
    PARTICIPATION_FORMS,
    QUALITY_ASSURANCE_TYPES,
    SUPERVISION_AND_IDENTITY,
)

__all__ = [
    "Grading",
    "LearningOutcome",
    "MissingElement",
    "SeqfPlacement",
    "Specification",
    "Text",
    "Workload",
    "content_digest",
    "missing_elements",
]

TITLE_LIMIT: Final = 200
TEXT_LIMIT: Final = 5000
DECISION_LIMIT: Final = 200
GRADE_LIMIT: Final = 50
MAX_OUTCOMES: Final = 50
MAX_SKILLS: Final = 30
MAX_GRADES: Final = 20

_MEMBERS: Final = frozenset(
    {
        "title", "description", "learningOutcomes", "workload", "eqfLevel", "seqf",
        "fieldOfEducation", "assessmentType", "participationForm", "qualityAssurance",
        "prerequisites", "supervision", "grading", "stackability", "furtherInformation",
        "homepage", "language",
    }
)  # fmt: skip
_COUNTRY: Final = re.compile(r"[A-Z]{2}\Z")


@dataclass(frozen=True, slots=True)
class LearningOutcome:
    """One learning outcome (M6) and the ESCO skills it is linked to."""

    text: Text
    skills: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Workload:
    """Notional workload (M7): ECTS credits, hours, or both."""

    ects: Decimal | None = None
    hours: int | None = None

    @property
    def duration(self) -> str | None:
        """Return the hours as an ISO 8601 duration (``PT200H``), as ELM's volumeOfLearning."""
        return None if self.hours is None else f"PT{self.hours}H"

    def to_json(self) -> JsonObject:
        ects = None if self.ects is None else format(self.ects.normalize(), "f")
        return {"ects": ects, "hours": self.hours}


@dataclass(frozen=True, slots=True)
class SeqfPlacement:
    """A SeQF level with the reference of its placement decision."""

    level: int
    decision: str


@dataclass(frozen=True, slots=True)
class Grading:
    """The grading scheme (O3) and, unless grades are free text, the allowed grades."""

    scheme: Text
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Specification:
    """A micro-credential specification with every mandatory Annex I element it carries."""

    title: Text
    learning_outcomes: tuple[LearningOutcome, ...]
    workload: Workload
    eqf_level: int
    field_of_education: str
    assessment_type: str
    participation_form: str
    quality_assurance: str
    language: str
    description: Text | None = None
    seqf: SeqfPlacement | None = None
    prerequisites: Text | None = None
    supervision: str | None = None
    grading: Grading | None = None
    stackability: Text | None = None
    further_information: Text | None = None
    homepage: str | None = None

    @property
    def skills(self) -> tuple[str, ...]:
        """Return every ESCO skill the learning outcomes link to, each once, in order."""
        return tuple(dict.fromkeys(s for outcome in self.learning_outcomes for s in outcome.skills))

    @classmethod
    def from_json(cls, obj: object) -> Specification:
        """Read a specification, or raise :class:`SpecificationError` naming the first bad field."""
        content = fields.require_object(obj, "specification")
        fields.refuse_unknown(content, _MEMBERS, "")
        eqf_level = _eqf_level(content)
        return cls(
            title=_title(content),
            learning_outcomes=_learning_outcomes(content),
            workload=_workload(content),
            eqf_level=eqf_level,
            seqf=_seqf(content, eqf_level),
            field_of_education=_field_of_education(content),
            assessment_type=_assessment_type(content),
            participation_form=_participation_form(content),
            quality_assurance=_quality_assurance(content),
            language=fields.language(content.get("language"), "language"),
            **_optional_elements(content),
        )

    def to_json(self) -> JsonObject:
        """Return the specification's JSON; :meth:`from_json` reads it back unchanged."""
        return {
            "title": self.title.to_json(),
            "description": _optional_text(self.description),
            "learningOutcomes": [
                {"text": outcome.text.to_json(), "skills": list(outcome.skills)}
                for outcome in self.learning_outcomes
            ],
            "workload": self.workload.to_json(),
            "eqfLevel": self.eqf_level,
            "seqf": None
            if self.seqf is None
            else {"level": self.seqf.level, "decision": self.seqf.decision},
            "fieldOfEducation": self.field_of_education,
            "assessmentType": self.assessment_type,
            "participationForm": self.participation_form,
            "qualityAssurance": self.quality_assurance,
            "prerequisites": _optional_text(self.prerequisites),
            "supervision": self.supervision,
            "grading": None
            if self.grading is None
            else {"scheme": self.grading.scheme.to_json(), "values": list(self.grading.values)},
            "stackability": _optional_text(self.stackability),
            "furtherInformation": _optional_text(self.further_information),
            "homepage": self.homepage,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class MissingElement:
    """A mandatory element a draft lacks or gets wrong: its Annex I number and content field."""

    element: str
    field: str
    code: str

    def message(self, language: str = "en") -> str:
        """Return what the element needs, in ``language`` (``"sv"`` or ``"en"``)."""
        return render(self.code, language, {})


class _Unset(Enum):
    TOKEN = 0


_UNSET: Final = _Unset.TOKEN


def missing_elements(
    content: object, *, issuer_country: str | _Unset | None = _UNSET
) -> list[MissingElement]:
    """Return the mandatory elements a (possibly partial) draft still lacks; never raises.

    M3 is the issuing organisation's: it is checked only when ``issuer_country`` is given (an
    ISO 3166-1 alpha-2 code, or None when the organisation has none).
    """
    members = content if isinstance(content, Mapping) else {}
    missing = []
    if issuer_country is not _UNSET and not _is_country(issuer_country):
        missing.append(MissingElement("M3", "country", "element.country"))
    for element, field, code, check in _ELEMENTS:
        try:
            check(members)
        except (SpecificationError, TypeError, ValueError, ArithmeticError):
            missing.append(MissingElement(element, field, code))
    return sorted(missing, key=lambda item: _ORDER.index(item.element))


def content_digest(content: Mapping[str, JsonValue]) -> str:
    """Return the multibase SHA-256 multihash of the content's JCS (RFC 8785) form."""
    try:
        return jcs_digest(content)
    except ValueError:
        raise SpecificationError("specification.not_json") from None


def _is_country(value: object) -> bool:
    return isinstance(value, str) and bool(_COUNTRY.match(value))


def _title(content: Mapping[str, object]) -> Text:
    title = fields.text(content.get("title"), "title", mandatory=True, limit=TITLE_LIMIT)
    if title is None:  # a mandatory text is never None; this keeps the type exact
        raise fail("specification.missing_field", "title")
    return title


def _learning_outcomes(content: Mapping[str, object]) -> tuple[LearningOutcome, ...]:
    path = "learningOutcomes"
    values = fields.items(content.get(path), path, minimum=1, maximum=MAX_OUTCOMES)
    return tuple(_learning_outcome(value, child(path, index)) for index, value in enumerate(values))


def _learning_outcome(value: object, path: str) -> LearningOutcome:
    outcome = fields.require_object(value, path)
    fields.refuse_unknown(outcome, frozenset({"text", "skills"}), path)
    text = fields.text(outcome.get("text"), child(path, "text"), mandatory=True, limit=TEXT_LIMIT)
    skills_path = child(path, "skills")
    listed = fields.items(outcome.get("skills"), skills_path, minimum=1, maximum=MAX_SKILLS)
    skills = [fields.esco_skill(uri, child(skills_path, i)) for i, uri in enumerate(listed)]
    if text is None:
        raise fail("specification.missing_field", child(path, "text"))
    return LearningOutcome(text, fields.distinct(skills, skills_path))


def _workload(content: Mapping[str, object]) -> Workload:
    workload = fields.require_object(fields.required(content, "workload", ""), "workload")
    fields.refuse_unknown(workload, frozenset({"ects", "hours"}), "workload")
    ects = fields.ects(workload.get("ects"), "workload.ects")
    hours = fields.hours(workload.get("hours"), "workload.hours")
    if ects is None and hours is None:
        raise fail("specification.workload_missing", "workload")
    return Workload(ects=ects, hours=hours)


def _eqf_level(content: Mapping[str, object]) -> int:
    value = fields.required(content, "eqfLevel", "")
    return fields.level(value, "eqfLevel", code="specification.eqf_level")


def _seqf(content: Mapping[str, object], eqf_level: int) -> SeqfPlacement | None:
    value = content.get("seqf")
    if value is None:
        return None
    seqf = fields.require_object(value, "seqf")
    fields.refuse_unknown(seqf, frozenset({"level", "decision"}), "seqf")
    level = fields.level(
        fields.required(seqf, "level", "seqf"), "seqf.level", code="specification.seqf_level"
    )
    decision = seqf.get("decision")
    if not isinstance(decision, str) or not decision.strip():
        raise fail("specification.seqf_decision", "seqf.decision")
    decision = fields.plain_text(decision, "seqf.decision", limit=DECISION_LIMIT)
    if level != eqf_level:
        raise fail("specification.seqf_mismatch", "seqf.level", eqf=eqf_level)
    return SeqfPlacement(level, decision)


def _field_of_education(content: Mapping[str, object]) -> str:
    value = fields.required(content, "fieldOfEducation", "")
    return fields.field_of_education(value, "fieldOfEducation")


def _assessment_type(content: Mapping[str, object]) -> str:
    value = fields.required(content, "assessmentType", "")
    return fields.term(value, "assessmentType", ASSESSMENT_TYPES)


def _participation_form(content: Mapping[str, object]) -> str:
    value = fields.required(content, "participationForm", "")
    return fields.term(value, "participationForm", PARTICIPATION_FORMS)


def _quality_assurance(content: Mapping[str, object]) -> str:
    value = fields.required(content, "qualityAssurance", "")
    return fields.term(value, "qualityAssurance", QUALITY_ASSURANCE_TYPES)


def _level_element(content: Mapping[str, object]) -> None:
    _seqf(content, _eqf_level(content))


class _OptionalElements(TypedDict):
    description: Text | None
    prerequisites: Text | None
    stackability: Text | None
    further_information: Text | None
    supervision: str | None
    grading: Grading | None
    homepage: str | None


def _optional_elements(content: Mapping[str, object]) -> _OptionalElements:
    supervision = content.get("supervision")
    homepage = content.get("homepage")
    return {
        "description": _optional_text_of(content, "description"),
        "prerequisites": _optional_text_of(content, "prerequisites"),
        "stackability": _optional_text_of(content, "stackability"),
        "further_information": _optional_text_of(content, "furtherInformation"),
        "supervision": None
        if supervision is None
        else fields.term(supervision, "supervision", SUPERVISION_AND_IDENTITY),
        "grading": _grading(content.get("grading")),
        "homepage": None if homepage is None else fields.homepage(homepage, "homepage"),
    }


def _optional_text_of(content: Mapping[str, object], name: str) -> Text | None:
    return fields.text(content.get(name), name, mandatory=False, limit=TEXT_LIMIT)


def _grading(value: object) -> Grading | None:
    if value is None:
        return None
    grading = fields.require_object(value, "grading")
    fields.refuse_unknown(grading, frozenset({"scheme", "values"}), "grading")
    scheme = fields.text(grading.get("scheme"), "grading.scheme", mandatory=True, limit=TEXT_LIMIT)
    listed = fields.items(grading.get("values"), "grading.values", minimum=0, maximum=MAX_GRADES)
    values = [
        fields.plain_text(grade, child("grading.values", index), limit=GRADE_LIMIT)
        for index, grade in enumerate(listed)
    ]
    if scheme is None:
        raise fail("specification.missing_field", "grading.scheme")
    return Grading(scheme, fields.distinct(values, "grading.values"))


def _optional_text(value: Text | None) -> JsonValue:
    return None if value is None else value.to_json()


_Check = Callable[[Mapping[str, object]], object]
_ELEMENTS: Final[tuple[tuple[str, str, str, _Check], ...]] = (
    ("M2", "title", "element.title", _title),
    ("M6", "learningOutcomes", "element.learning_outcomes", _learning_outcomes),
    ("M7", "workload", "element.workload", _workload),
    ("M8", "eqfLevel", "element.level", _level_element),
    ("M9", "assessmentType", "element.assessment", _assessment_type),
    ("M10", "participationForm", "element.participation", _participation_form),
    ("M11", "qualityAssurance", "element.quality_assurance", _quality_assurance),
    ("fieldOfEducation", "fieldOfEducation", "element.field_of_education", _field_of_education),
)
_ORDER: Final = ("M2", "M3", "M6", "M7", "M8", "M9", "M10", "M11", "fieldOfEducation")
