"""A specification cannot be submitted while an Annex I element is missing, and says which."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from meritpass.catalog import services
from meritpass.catalog.errors import IncompleteSpecificationError
from meritpass.catalog.models import SpecificationVersion
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft

Breaker = Callable[[dict[str, Any]], None]


def _drop(key: str) -> Breaker:
    return lambda content: content.pop(key)


def _set(key: str, value: object) -> Breaker:
    return lambda content: content.__setitem__(key, value)


def _outcome_without_skills(content: dict[str, Any]) -> None:
    content["learningOutcomes"][1]["skills"] = []


#: element → (how to break it, words of its message in English and Swedish)
CASES: dict[str, tuple[Breaker, str, str]] = {
    "M2": (_set("title", {"sv": "Svetsning", "en": ""}), "Title:", "Titel:"),
    "M6": (_outcome_without_skills, "Learning outcomes:", "Läranderesultat:"),
    "M7": (
        _set("workload", {"ects": None, "hours": None}),
        "Notional workload:",
        "arbetsbelastning",
    ),
    "M8": (_drop("eqfLevel"), "Level:", "Nivå:"),
    "M9": (_drop("assessmentType"), "Type of assessment:", "Typ av bedömning:"),
    "M10": (_set("participationForm", "online"), "Form of participation:", "Deltagandeform:"),
    "M11": (_drop("qualityAssurance"), "Type of quality assurance:", "Typ av kvalitetssäkring:"),
    "fieldOfEducation": (
        _set("fieldOfEducation", "0777"),
        "Field of education:",
        "Utbildningsinriktning:",
    ),
}


@pytest.mark.parametrize("element", [*CASES, "M3"])
def test_each_missing_element_stops_the_submission_and_is_named(world: World, element: str) -> None:
    content = complete_content(world.skills)
    if element == "M3":
        world.owner.country_code = ""
        world.owner.save()
        english, swedish = "Country of the issuer:", "Utfärdarens land:"
    else:
        breaker, english, swedish = CASES[element]
        breaker(content)
    version = draft(world.owner, world.author, content)

    with pytest.raises(IncompleteSpecificationError) as refused:
        services.submit(version, world.body, world.author)

    assert [item.element for item in refused.value.missing] == [element]
    assert english in refused.value.message("en")
    assert swedish in refused.value.message("sv")
    if element.startswith("M"):
        assert f"({element})" in refused.value.message("en")
    version.refresh_from_db()
    assert version.status == SpecificationVersion.Status.DRAFT


def test_an_empty_draft_lists_every_missing_element_at_once(world: World) -> None:
    world.owner.country_code = ""
    world.owner.save()
    version = draft(world.owner, world.author, {})
    with pytest.raises(IncompleteSpecificationError) as refused:
        services.submit(version, world.body, world.author)
    elements = [item.element for item in refused.value.missing]
    assert elements == ["M2", "M3", "M6", "M7", "M8", "M9", "M10", "M11", "fieldOfEducation"]
    message = refused.value.message("en")
    assert message.startswith("The specification cannot be submitted while elements are missing:")
    for code in ("M2", "M3", "M6", "M7", "M8", "M9", "M10", "M11"):
        assert f"({code})" in message


def test_a_seqf_level_without_its_decision_is_a_missing_level(world: World) -> None:
    version = draft(
        world.owner, world.author, complete_content(world.skills, seqf={"level": 4, "decision": ""})
    )
    assert [item.element for item in services.completeness(version)] == ["M8"]


def test_a_complete_draft_has_nothing_missing(world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    assert services.completeness(version) == []
