"""Read the Annex I content of a specification version (the JSON in ``content``), draft or not.

A draft may hold any partial content, so every reader here tolerates missing or odd members and
returns an empty value instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from meritpass.core.vocabularies import isced_f

LANGUAGES: Final = ("sv", "en")
TITLE_LENGTH: Final = 200


def text(content: Mapping[str, Any], key: str, language: str) -> str:
    """Return the multilingual text ``key`` in ``language``, or in the other one if it is empty."""
    value = content.get(key)
    if isinstance(value, str):
        return value
    if not isinstance(value, Mapping):
        return ""
    found = value.get(language) or next((value[o] for o in LANGUAGES if value.get(o)), "")
    return found if isinstance(found, str) else ""


def exact_text(value: object, language: str) -> str:
    """Return ``value[language]`` of a multilingual text, or an empty string."""
    found = value.get(language) if isinstance(value, Mapping) else None
    return found if isinstance(found, str) else ""


def outcomes(content: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Return the learning outcomes that are objects, in their order."""
    value = content.get("learningOutcomes")
    if not isinstance(value, list):
        return []
    return [outcome for outcome in value if isinstance(outcome, Mapping)]


def outcome_skills(outcome: Mapping[str, Any]) -> list[str]:
    """Return the ESCO skill URIs of one learning outcome."""
    skills = outcome.get("skills")
    if not isinstance(skills, list):
        return []
    return [skill for skill in skills if isinstance(skill, str) and skill]


def skill_uris(content: Mapping[str, Any]) -> list[str]:
    """Return every ESCO skill URI of the learning outcomes, once each, in order."""
    seen: dict[str, None] = {}
    for outcome in outcomes(content):
        seen.update(dict.fromkeys(outcome_skills(outcome)))
    return list(seen)


def eqf_level(content: Mapping[str, Any]) -> int | None:
    """Return the EQF level if it is one of 1 to 8."""
    level = content.get("eqfLevel")
    return (
        level
        if isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 8
        else None
    )


def field_of_education(content: Mapping[str, Any]) -> str:
    """Return the ISCED-F code if it names a field, else an empty string."""
    code = content.get("fieldOfEducation")
    return code if isced_f.is_field(code) and isinstance(code, str) else ""


def denormalised(content: Mapping[str, Any]) -> dict[str, Any]:
    """Return the columns a version keeps beside its content for listing and search."""
    return {
        "title_sv": exact_text(content.get("title"), "sv")[:TITLE_LENGTH],
        "title_en": exact_text(content.get("title"), "en")[:TITLE_LENGTH],
        "eqf_level": eqf_level(content),
        "field_of_education": field_of_education(content),
    }


def language(content: Mapping[str, Any]) -> str:
    """Return the primary language of awards, Swedish unless the content says English."""
    return "en" if content.get("language") == "en" else "sv"
