"""The skill search page, the suggestions fragment and the concept pages, in Swedish and English."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.test import Client
from django.utils import translation

from meritpass.taxonomy.forms import ConceptField
from meritpass.taxonomy.importer import ImportSummary
from meritpass.taxonomy.models import Concept

ESCO = "http://data.europa.eu/esco/"
WELDER_ID = "7aedaa07-3884-4c5b-88f9-80997b2aa54b"
WELDING_TECHNIQUES_ID = "530cb489-d900-46ab-9350-4d50ccd49eea"
NO_SWEDISH_ID = "4cde32b5-fc2f-4257-a8b9-5b15a67ee3e5"  # protect the health of others
ATTRIBUTION = {
    "sv": "Den här tjänsten använder Europeiska kommissionens ESCO-klassificering. "
    "ESCO-version 1.1.1.",
    "en": "This service uses the ESCO classification of the European Commission. "
    "ESCO version 1.1.1.",
}
SEARCH = {"sv": "/sv/kompetenser/", "en": "/en/skills/"}
SKILL = {"sv": "/sv/kompetenser/{}/", "en": "/en/skills/{}/"}
OCCUPATION = {"sv": "/sv/yrken/{}/", "en": "/en/occupations/{}/"}


def page(client: Client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def text_of(html: str, tag: str) -> str:
    match = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S)
    assert match, tag
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


@pytest.mark.parametrize(
    ("language", "heading"), [("sv", "Kompetenser och yrken"), ("en", "Skills and occupations")]
)
def test_the_search_page_answers_in_each_language(
    client: Client, esco_sample: ImportSummary, language: str, heading: str
) -> None:
    html = page(client, SEARCH[language])
    assert text_of(html, "h1") == heading
    assert f'<html lang="{language}">' in html
    assert 'role="combobox"' in html
    assert 'role="listbox"' in html
    assert ATTRIBUTION[language] in html
    assert f'href="{SEARCH[language]}"' in html  # the navigation link


def test_the_search_page_works_without_javascript(
    client: Client, esco_sample: ImportSummary
) -> None:
    html = page(client, "/sv/kompetenser/?q=svets")
    assert re.fullmatch(r"Träffar för ”svets”: \d+", text_of(html, "h2"))
    results = html.split('class="esco-results"')[1]
    first = re.search(r'<a href="([^"]+)">(.*?)</a>', results, re.S)
    assert first
    assert first.group(1) == SKILL["sv"].format(WELDING_TECHNIQUES_ID)
    assert "svetstekniker" in first.group(2)
    occupations = page(client, "/en/skills/?q=svets&kind=occupation")
    assert OCCUPATION["en"].format(WELDER_ID) in occupations
    assert "/en/skills/530cb489" not in occupations
    assert "Matched:" in occupations


def test_a_search_that_finds_nothing_says_so(client: Client, esco_sample: ImportSummary) -> None:
    html = page(client, "/en/skills/?q=xyzzy")
    assert "Nothing matched." in html


def test_bad_search_input_is_a_400_with_a_message(
    client: Client, esco_sample: ImportSummary
) -> None:
    html = page(client, "/sv/kompetenser/?q=" + "x" * 201, status=400)
    assert "Sökningen kunde inte göras" in html
    page(client, "/sv/kompetenser/?q=svets&kind=person", status=400)


def test_suggestions_are_an_html_fragment_of_options(
    client: Client, esco_sample: ImportSummary
) -> None:
    html = page(client, "/sv/kompetenser/forslag/?q=svets&kind=skill")
    assert "<html" not in html
    options = re.findall(r'<li role="option"[^>]*data-url="([^"]+)"[^>]*data-label="([^"]+)"', html)
    assert options[0] == (SKILL["sv"].format(WELDING_TECHNIQUES_ID), "svetstekniker")
    assert len(options) == 8
    english = page(client, "/en/skills/suggestions/?q=svetsa&kind=skill")
    assert 'data-label="weld in hyperbaric conditions"' in english
    assert '<span lang="sv">svetsa vid högt tryck</span>' in english
    assert page(client, "/en/skills/suggestions/?q=").strip() == ""
    page(client, "/en/skills/suggestions/?q=weld&kind=person", status=400)


def test_a_skill_page_in_swedish(client: Client, esco_sample: ImportSummary) -> None:
    html = page(client, SKILL["sv"].format(WELDING_TECHNIQUES_ID))
    assert text_of(html, "h1") == "svetstekniker"
    assert '<dd lang="en">welding techniques</dd>' in html
    # ESCO has no Swedish descriptions: the English one is marked as English.
    assert re.search(r'<p class="esco-description"><span lang="en">The different methods', html)
    assert "(på engelska)" in html
    assert "Kunskap" in html  # skill type
    assert "Tvärsektoriell" in html  # reuse level
    assert "Yrken där den är nödvändig" in html
    assert (
        f'<a href="{OCCUPATION["sv"].format(WELDER_ID)}"><span lang="sv">svetsare, manuell' in html
    )
    assert ATTRIBUTION["sv"] in html


def test_a_skill_page_in_english(client: Client, esco_sample: ImportSummary) -> None:
    html = page(client, SKILL["en"].format(WELDING_TECHNIQUES_ID))
    assert text_of(html, "h1") == "welding techniques"
    assert "(in English)" not in html
    assert "Occupations for which it is essential" in html
    assert "Broader skills and groups" in html
    assert f'href="{OCCUPATION["en"].format(WELDER_ID)}"' in html
    assert ATTRIBUTION["en"] in html


def test_a_skill_page_links_its_neighbours(client: Client, esco_sample: ImportSummary) -> None:
    html = page(client, SKILL["en"].format(WELDING_TECHNIQUES_ID))
    broader = html.split('id="broader-heading"')[1].split("</section>")[0]
    assert 'href="/en/skills/isced-f/0715/"' in broader
    related = html.split('id="related-heading"')[1].split("</section>")[0]
    assert 'href="/en/skills/050dc15e-a41f-4958-bb2c-3fa46c2182be/"' in related
    assert "optional" in related
    parent = page(client, SKILL["sv"].format("2ee57de4-bffd-4194-b009-0060edec77cc"))
    narrower = parent.split('id="narrower-heading"')[1].split("</section>")[0]
    assert "Underordnade kompetenser" in narrower
    assert 'href="/sv/kompetenser/050dc15e-a41f-4958-bb2c-3fa46c2182be/"' in narrower
    agile = page(client, SKILL["sv"].format("0a9acb6b-1139-4be9-b431-3a80a959f2f4"))
    assert re.search(r"<dt>Samlingar</dt><dd>Digitala kompetenser</dd>", agile)


def test_a_skill_without_a_swedish_label_shows_the_english_one_marked(
    client: Client, esco_sample: ImportSummary
) -> None:
    html = page(client, SKILL["sv"].format(NO_SWEDISH_ID))
    assert text_of(html, "h1") == "protect the health of others (på engelska)"
    assert '<h1><span lang="en">protect the health of others</span>' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", ["svetsare, manuell", "Nödvändiga kompetenser", "Valfria kompetenser", "7212.3"]),
        ("en", ["welder", "Essential skills", "Optional skills", "No, according to ESCO."]),
    ],
)
def test_an_occupation_page(
    client: Client, esco_sample: ImportSummary, language: str, expected: list[str]
) -> None:
    html = page(client, OCCUPATION[language].format(WELDER_ID))
    assert text_of(html, "h1") == expected[0]
    for text in expected[1:]:
        assert text in html
    assert f'href="{SKILL[language].format("2fcd95a4-1f9a-41cf-95a9-4701bde476b4")}"' in html
    path = html.split('class="esco-path"')[1].split("</nav>")[0]
    assert re.findall(r'href="[^"]+/isco/(C\d+)/"', path) == ["C7", "C72", "C721", "C7212"]
    assert ATTRIBUTION[language] in html


def test_group_pages_link_down_the_hierarchy(client: Client, esco_sample: ImportSummary) -> None:
    html = page(client, "/en/occupations/isco/C7212/")
    assert "ISCO group" in html
    assert f'href="{OCCUPATION["en"].format(WELDER_ID)}"' in html
    field = Concept.objects.filter(uri__startswith=f"{ESCO}isced-f/").first()
    assert field is not None
    code = field.uri.rsplit("/", 1)[-1]
    assert text_of(page(client, f"/sv/kompetenser/isced-f/{code}/"), "h1")


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        (
            "/sv/kompetenser/00000000-0000-0000-0000-000000000000/",
            "Kompetensen eller yrket finns inte",
        ),
        (
            "/en/occupations/00000000-0000-0000-0000-000000000000/",
            "There is no such skill or occupation",
        ),
        (f"/en/occupations/{WELDING_TECHNIQUES_ID}/", "There is no such skill or occupation"),
        ("/sv/yrken/isco/C0000/", "Kompetensen eller yrket finns inte"),
    ],
)
def test_unknown_concepts_get_a_404_page(
    client: Client, esco_sample: ImportSummary, path: str, heading: str
) -> None:
    html = page(client, path, status=404)
    assert text_of(html, "h1") == heading
    assert 'role="search"' in html


def test_switching_language_keeps_the_page(client: Client, esco_sample: ImportSummary) -> None:
    swedish = SKILL["sv"].format(WELDING_TECHNIQUES_ID)
    response = client.post("/i18n/setlang/", {"language": "en", "next": swedish})
    assert response.status_code == 302
    assert response["Location"] == SKILL["en"].format(WELDING_TECHNIQUES_ID)


def test_pages_keep_to_the_content_security_policy(
    client: Client, esco_sample: ImportSummary
) -> None:
    for path in (SEARCH["sv"], SKILL["en"].format(WELDING_TECHNIQUES_ID)):
        response = client.get(path)
        assert "default-src 'self'" in response["Content-Security-Policy"]
        html = response.content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert " style=" not in html
        assert "/static/meritpass/vendor/htmx.min.js" in html
        assert "/static/taxonomy/autocomplete.js" in html


def test_the_static_files_are_served(client: Client, esco_sample: ImportSummary) -> None:
    for path in (
        "/static/meritpass/vendor/htmx.min.js",
        "/static/taxonomy/autocomplete.js",
        "/static/taxonomy/taxonomy.css",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content if response.streaming else [response.content])


class OutcomeForm(forms.Form):
    skill = ConceptField(kinds=["skill"])


def test_the_form_field_picks_a_skill_by_uri(client: Client, esco_sample: ImportSummary) -> None:
    skill = Concept.objects.get(uri=f"{ESCO}skill/{WELDING_TECHNIQUES_ID}")
    form = OutcomeForm(data={"skill": skill.uri, "skill__label": "svetstekniker"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["skill"] == skill
    rendered = str(OutcomeForm(initial={"skill": skill})["skill"])
    assert 'type="hidden" name="skill"' in rendered
    assert f'value="{skill.uri}"' in rendered
    assert 'name="skill__label"' in rendered
    assert 'role="combobox"' in rendered
    assert 'data-kinds="skill"' in rendered


@pytest.mark.parametrize(
    "value", [f"{ESCO}occupation/{WELDER_ID}", f"{ESCO}skill/nope", "svetstekniker"]
)
def test_the_form_field_refuses_anything_but_a_known_skill(
    esco_sample: ImportSummary, value: str
) -> None:
    form = OutcomeForm(data={"skill": value})
    with translation.override("sv"):
        assert not form.is_valid()
        assert form.errors["skill"] == ["Välj ett av förslagen."]
