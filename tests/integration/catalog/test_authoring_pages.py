"""The owner's pages: the list, the editor with its completeness panel, submission, versions."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meritpass.catalog import services
from meritpass.catalog.models import Delegation, Specification, SpecificationVersion
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member, signed_in

Status = SpecificationVersion.Status


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"catalog:{name}", kwargs=kwargs)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def form_data(content: dict[str, Any], *, skill_slots: int = 2) -> dict[str, str]:
    """Return what a person filling in the editor for ``content`` posts."""
    data: dict[str, str] = {"language": content.get("language", "sv")}
    texts = {
        "title": "title",
        "description": "description",
        "prerequisites": "prerequisites",
        "stackability": "stackability",
        "furtherInformation": "further_information",
    }
    for key, stem in texts.items():
        for language in ("sv", "en"):
            data[f"{stem}_{language}"] = (content.get(key) or {}).get(language, "")
    workload = content.get("workload") or {}
    seqf = content.get("seqf") or {}
    grading = content.get("grading") or {}
    data |= {
        "ects": workload.get("ects") or "",
        "hours": str(workload.get("hours") or ""),
        "eqf_level": str(content.get("eqfLevel") or ""),
        "seqf_level": str(seqf.get("level") or ""),
        "seqf_decision": seqf.get("decision", ""),
        "field_of_education": content.get("fieldOfEducation", ""),
        "assessment_type": content.get("assessmentType", ""),
        "participation_form": content.get("participationForm", ""),
        "quality_assurance": content.get("qualityAssurance", ""),
        "supervision": content.get("supervision") or "",
        "grading_scheme_sv": (grading.get("scheme") or {}).get("sv", ""),
        "grading_scheme_en": (grading.get("scheme") or {}).get("en", ""),
        "grading_values": ", ".join(grading.get("values") or []),
        "homepage": content.get("homepage") or "",
    }
    outcomes = content.get("learningOutcomes") or []
    data |= {
        "outcomes-TOTAL_FORMS": str(len(outcomes) + 1),
        "outcomes-INITIAL_FORMS": str(len(outcomes)),
        "outcomes-MIN_NUM_FORMS": "0",
        "outcomes-MAX_NUM_FORMS": "50",
    }
    for index, outcome in enumerate([*outcomes, {"text": {}, "skills": []}]):
        data[f"outcomes-{index}-text_sv"] = outcome["text"].get("sv", "")
        data[f"outcomes-{index}-text_en"] = outcome["text"].get("en", "")
        for slot in range(max(skill_slots, len(outcome["skills"]) + 1)):
            skills = outcome["skills"]
            data[f"outcomes-{index}-skill_{slot}"] = skills[slot] if slot < len(skills) else ""
    return data


@pytest.fixture
def author(world: World) -> Client:
    return signed_in(world.author, two_factor=False)


def test_an_author_creates_a_specification_and_lands_in_its_editor(
    world: World, author: Client
) -> None:
    response = author.post(url("create", org=world.owner.slug))
    specification = Specification.objects.get(owner=world.owner)
    assert response.status_code == 302
    assert response["Location"] == url("edit", org=world.owner.slug, uuid=specification.uuid)
    listing = author.get(url("specifications", org=world.owner.slug)).content.decode()
    assert "Untitled specification" in listing
    assert "Draft" in listing


def test_the_editor_offers_every_element_and_lists_what_is_missing(
    world: World, author: Client
) -> None:
    version = services.create_specification(world.owner, world.author)
    response = author.get(url("edit", org=world.owner.slug, uuid=version.specification.uuid))
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "title_sv", "title_en", "description_sv", "description_en", "ects", "hours",
        "eqf_level", "seqf_level", "seqf_decision", "field_of_education", "assessment_type",
        "participation_form", "quality_assurance", "prerequisites_sv", "supervision",
        "grading_scheme_sv", "grading_values", "stackability_en", "further_information_sv",
        "homepage", "language", "outcomes-0-text_sv", "outcomes-0-text_en", "outcomes-0-skill_0",
        "outcomes-0-skill_1",
    ):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert 'role="combobox"' in html  # the ESCO skill picker
    assert '<option value="0715">0715 ' in html
    assert "On site" in html
    assert "Written examination" in html
    panel = text(html.split('id="completeness"')[1])
    for element in ("M2", "M3", "M6", "M7", "M8", "M9", "M10", "M11"):
        if element != "M3":
            assert f"{element} " in panel, element
    assert "Field of education: an ISCED-F 2013 field." in panel
    assert re.search(r"<button[^>]*disabled[^>]*>Submit for review", html)


def test_the_editor_in_swedish(world: World, author: Client) -> None:
    version = services.create_specification(world.owner, world.author)
    html = author.get(
        url("edit", "sv", org=world.owner.slug, uuid=version.specification.uuid)
    ).content.decode()
    assert '<html lang="sv">' in html
    assert "Titel: på svenska och engelska" in html
    assert "Skriftligt prov" in html


def test_saving_the_whole_form_stores_the_content_and_enables_submission(
    world: World, author: Client
) -> None:
    version = services.create_specification(world.owner, world.author)
    expected = complete_content(world.skills, homepage="https://ya.example/svets")
    edit = url("edit", org=world.owner.slug, uuid=version.specification.uuid)

    response = author.post(edit, form_data(expected))

    assert response.status_code == 302, response.content.decode()[:3000]
    version.refresh_from_db()
    assert version.content == expected
    html = author.get(edit).content.decode()
    assert "The draft was saved." in html
    assert "Every mandatory element is there." in html
    assert not re.search(r"<button[^>]*disabled[^>]*>Submit for review", html)
    assert 'name="outcomes-0-skill_2"' in html  # one more empty picker after the two chosen
    assert 'value="welding techniques"' in html  # the picker shows the chosen skill's label


def test_a_partial_draft_saves(world: World, author: Client) -> None:
    version = services.create_specification(world.owner, world.author)
    edit = url("edit", org=world.owner.slug, uuid=version.specification.uuid)
    data = form_data({"title": {"sv": "Bara en titel"}})
    assert author.post(edit, data).status_code == 302
    version.refresh_from_db()
    assert version.content == {"language": "sv", "title": {"sv": "Bara en titel", "en": ""}}


def test_an_outcome_is_removed_and_one_added(world: World, author: Client) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    edit = url("edit", org=world.owner.slug, uuid=version.specification.uuid)
    data = form_data(version.content)
    data["outcomes-0-DELETE"] = "on"
    data |= {"outcomes-2-text_sv": "Svetsa plåt", "outcomes-2-text_en": "Weld sheet metal"}
    data["outcomes-2-skill_0"] = world.skills[0]
    assert author.post(edit, data).status_code == 302
    version.refresh_from_db()
    assert [item["text"]["en"] for item in version.content["learningOutcomes"]] == [
        "Read drawings",
        "Weld sheet metal",
    ]
    assert version.content["learningOutcomes"][1]["skills"] == [world.skills[0]]


def test_wrong_values_are_refused_next_to_their_field_and_nothing_is_saved(
    world: World, author: Client
) -> None:
    version = services.create_specification(world.owner, world.author)
    edit = url("edit", org=world.owner.slug, uuid=version.specification.uuid)
    data = form_data(complete_content(world.skills))
    data |= {"ects": "many", "seqf_decision": "", "outcomes-0-skill_0": "http://example.org/x"}
    response = author.post(edit, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a number." in html
    assert "A SeQF level can only be given with the reference of its placement decision." in html
    assert "Choose an entry from the suggestions." in html
    version.refresh_from_db()
    assert version.content == {}


def test_submitting_an_incomplete_draft_is_refused_with_the_missing_elements(
    world: World, author: Client
) -> None:
    content = complete_content(world.skills)
    del content["assessmentType"], content["workload"]
    version = draft(world.owner, world.author, content)
    response = author.post(
        url("submit", org=world.owner.slug, uuid=version.specification.uuid),
        {"reviewing_body": world.body.pk},
        follow=True,
    )
    html = text(response.content.decode())
    assert "The specification cannot be submitted while elements are missing:" in html
    assert "Notional workload: ECTS credits, hours, or both. (M7)" in html
    assert "Type of assessment: a value from the list. (M9)" in html
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_submitting_a_complete_draft_sends_it_to_the_chosen_body(
    world: World, author: Client
) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    edit_html = author.get(url("edit", org=world.owner.slug, uuid=version.specification.uuid))
    assert world.body.name("en") in edit_html.content.decode()
    assert world.partner.name("en") not in edit_html.content.decode().split("submit-form")[1]
    response = author.post(
        url("submit", org=world.owner.slug, uuid=version.specification.uuid),
        {"reviewing_body": world.body.pk},
        follow=True,
    )
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED
    assert "Version 1 was submitted for review." in response.content.decode()
    assert "Submitted for review" in response.content.decode()


def test_the_version_history_shows_statuses_and_comments(world: World, author: Client) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    services.submit(version, world.body, world.author)
    services.reject(version, "Outcome 2 is vague.", world.reviewer, world.body)
    services.new_version(version.specification, world.author)
    html = text(
        author.get(
            url("specification", org=world.owner.slug, uuid=version.specification.uuid)
        ).content.decode()
    )
    assert "Version 2 Draft" in html
    assert "Version 1 Rejected" in html
    assert "Outcome 2 is vague." in html


def test_publishing_and_retiring_from_the_version_page(world: World, author: Client) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    services.submit(version, world.body, world.author)
    services.approve(version, "", world.reviewer, world.body)
    page = url("version", org=world.owner.slug, uuid=version.specification.uuid, number=1)
    assert "Publish in the catalogue" in author.get(page).content.decode()
    author.post(url("publish", org=world.owner.slug, uuid=version.specification.uuid, number=1))
    version.refresh_from_db()
    assert version.status == Status.PUBLISHED
    author.post(url("retire", org=world.owner.slug, uuid=version.specification.uuid, number=1))
    version.refresh_from_db()
    assert version.status == Status.RETIRED


def test_an_author_of_another_organisation_cannot_see_or_edit(world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    uuid = version.specification.uuid
    stranger = signed_in(make_member(world.partner, "author", "admin"), two_factor=False)
    # Through its own organisation's URLs: the specification is not there.
    assert stranger.get(url("edit", org=world.partner.slug, uuid=uuid)).status_code == 404
    assert stranger.post(url("submit", org=world.partner.slug, uuid=uuid)).status_code == 404
    # Through the owner's URLs: not a member.
    assert stranger.get(url("edit", org=world.owner.slug, uuid=uuid)).status_code == 403
    assert stranger.post(url("edit", org=world.owner.slug, uuid=uuid), {}).status_code == 403
    assert stranger.get(url("specifications", org=world.owner.slug)).status_code == 403
    issuer = signed_in(make_member(world.owner, "issuer"), two_factor=True)
    assert issuer.get(url("edit", org=world.owner.slug, uuid=uuid)).status_code == 403
    anonymous = Client().get(url("edit", org=world.owner.slug, uuid=uuid))
    assert anonymous.status_code == 302
    version.refresh_from_db()
    assert version.content == complete_content(world.skills)


def test_the_owner_delegates_and_withdraws_on_the_delegation_page(
    world: World, author: Client
) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    page = url("delegations", org=world.owner.slug, uuid=version.specification.uuid)
    html = author.get(page).content.decode()
    assert world.partner.name("en") in html
    assert world.unaccredited.name("en") not in html  # not accredited: not offered
    author.post(page, {"provider": world.partner.pk})
    delegation = Delegation.objects.get()
    assert delegation.provider == world.partner
    author.post(
        url(
            "revoke_delegation",
            org=world.owner.slug,
            uuid=version.specification.uuid,
            delegation=delegation.pk,
        )
    )
    delegation.refresh_from_db()
    assert delegation.revoked_at is not None
