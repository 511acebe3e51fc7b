"""The public catalogue: search by text, skill, level and provider; a page per published version."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import include, path, reverse
from django.utils import translation

from meritpass.accounts.models import Organisation
from meritpass.catalog import services
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.credentials.ob3 import achievement_digest
from meritpass.site.urls import urlpatterns as site_urlpatterns
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member

#: The site's URLs with the catalog's machine-readable ones (the ids of its documents).
urlpatterns = [*site_urlpatterns, path("", include("meritpass.catalog.public_urls"))]


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"catalog:{name}", kwargs=kwargs)


def publish(
    world: World, owner: Organisation | None = None, **changes: Any
) -> SpecificationVersion:
    owner = owner or world.owner
    author = world.author if owner == world.owner else make_member(owner, "author")
    version = draft(owner, author, complete_content(world.skills, **changes))
    services.submit(version, world.body, author)
    services.approve(version, "", world.reviewer, world.body)
    return services.publish(version, author)


def titles(client: Client, query: str = "", language: str = "en") -> list[str]:
    html = client.get(url("list", language) + query).content.decode()
    return re.findall(r'<li class="catalogue-item">\s*<h2><a href="[^"]+">([^<]+)</a>', html)


def outcome(text: str, skill: str) -> list[dict[str, Any]]:
    return [{"text": {"sv": text, "en": text}, "skills": [skill]}]


@pytest.fixture
def catalogue(world: World) -> World:
    publish(world)  # Welding stainless steel, EQF 4, skills 0-2
    publish(
        world,
        owner=world.partner,
        title={"sv": "Murning", "en": "Bricklaying"},
        description={"sv": "Murning av tegel.", "en": "Laying bricks."},
        eqfLevel=3,
        seqf=None,
        learningOutcomes=outcome("Lay bricks", world.skills[1]),
    )
    unpublished = draft(world.owner, world.author, complete_content(world.skills))
    services.save_draft(
        unpublished,
        complete_content(world.skills, title={"sv": "Utkast", "en": "Draft only"}),
        world.author,
    )
    return world


def test_the_catalogue_lists_published_specifications_only(
    client: Client, catalogue: World
) -> None:
    assert sorted(titles(client)) == ["Bricklaying", "Welding stainless steel"]
    assert sorted(titles(client, language="sv")) == ["Murning", "Svetsning i rostfritt stål"]


def test_search_by_text_skill_level_and_provider(client: Client, catalogue: World) -> None:
    world = catalogue
    assert titles(client, "?q=welding") == ["Welding stainless steel"]
    assert titles(client, "?q=TIG") == ["Welding stainless steel"]  # the description
    assert titles(client, f"?skill={world.skills[0]}") == ["Welding stainless steel"]
    assert sorted(titles(client, f"?skill={world.skills[1]}")) == [
        "Bricklaying",
        "Welding stainless steel",
    ]
    assert titles(client, "?eqf=3") == ["Bricklaying"]
    assert titles(client, f"?provider={world.partner.slug}") == ["Bricklaying"]
    assert titles(client, f"?provider={world.owner.slug}&eqf=4") == ["Welding stainless steel"]
    assert titles(client, "?q=welding&eqf=3") == []


def test_a_delegated_provider_finds_the_specification_under_its_name(
    client: Client, catalogue: World
) -> None:
    world = catalogue
    welding = SpecificationVersion.objects.get(status="published", title_en__startswith="Weld")
    services.delegate(welding.specification, world.partner, world.author)
    assert sorted(titles(client, f"?provider={world.partner.slug}")) == [
        "Bricklaying",
        "Welding stainless steel",
    ]


def test_a_bad_search_is_a_400_with_the_form(client: Client, catalogue: World) -> None:
    response = client.get(url("list") + "?eqf=9")
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_the_catalogue_pages(client: Client, world: World) -> None:
    for number in range(23):
        version = services.create_specification(world.owner, world.author)
        content = complete_content(
            world.skills, title={"sv": f"Kurs {number}", "en": f"Course {number}"}
        )
        services.save_draft(version, content, world.author)
        SpecificationVersion.objects.filter(pk=version.pk).update(status="published")
    first = client.get(url("list")).content.decode()
    assert "Specifications found: 23" in first
    assert len(titles(client)) == 20
    assert "Page 1 of 2" in first
    assert len(titles(client, "?page=2")) == 3


def test_the_public_page_of_a_version(client: Client, world: World) -> None:
    version = publish(world)
    services.delegate(version.specification, world.partner, world.author)
    html = client.get(url("detail", uuid=version.specification.uuid)).content.decode()
    assert "<h1>Welding stainless steel</h1>" in html
    assert '<a href="/en/skills/530cb489-d900-46ab-9350-4d50ccd49eea/">' in html
    assert "Approved by" in html
    assert world.body.name("en") in html
    assert world.owner.name("en") in html
    assert world.partner.name("en") in html
    assert "Practical assessment" in html
    swedish = client.get(url("detail", "sv", uuid=version.specification.uuid)).content.decode()
    assert "<h1>Svetsning i rostfritt stål</h1>" in swedish
    assert "svetstekniker" in swedish
    assert "Praktiskt prov" in swedish


def test_the_documents_download_and_bind_together(client: Client, world: World) -> None:
    version = publish(world)
    spec = version.specification.uuid
    achievement = json.loads(client.get(url("achievement_json", uuid=spec, number=1)).content)
    approval_response = client.get(url("approval_json", uuid=spec, number=1))
    assert approval_response["Content-Disposition"].startswith("attachment;")
    approval = json.loads(approval_response.content)
    assert achievement == version.achievement
    assert approval["credentialSubject"]["digestMultibase"] == achievement_digest(achievement)
    assert approval_response.content.decode() == version.approval.credential  # byte for byte


@pytest.mark.urls(__name__)
def test_the_ids_of_the_documents_serve_them(client: Client, world: World) -> None:
    version = publish(world)
    assert version.achievement is not None
    achievement_id = version.achievement["id"]
    path_of = achievement_id.removeprefix("https://meritpass.example")
    served = client.get(path_of, HTTP_ACCEPT="application/json")
    assert json.loads(served.content) == version.achievement
    approval = client.get(path_of + "/approval")
    assert json.loads(approval.content)["id"] == achievement_id + "/approval"
    browser = client.get(path_of, HTTP_ACCEPT="text/html")
    assert browser.status_code == 302
    assert browser["Location"] == reverse(
        "catalog:detail", kwargs={"uuid": version.specification.uuid, "number": 1}
    )


def test_unpublished_versions_have_no_public_page(client: Client, world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    spec = version.specification.uuid
    assert client.get(url("detail", uuid=spec)).status_code == 404
    assert client.get(url("detail", uuid=spec, number=1)).status_code == 404
    assert client.get(url("achievement_json", uuid=spec, number=1)).status_code == 404


def test_a_retired_version_keeps_its_page_but_leaves_the_list(client: Client, world: World) -> None:
    version = publish(world)
    services.retire(version, world.author)
    assert titles(client) == []
    html = client.get(url("detail", uuid=version.specification.uuid, number=1)).content.decode()
    assert "This version is retired" in html


def test_a_version_uuid_leads_to_its_page(client: Client, world: World) -> None:
    version = publish(world)
    response = client.get(url("detail", uuid=version.uuid))
    assert response.status_code == 302
    assert response["Location"] == url("detail", uuid=version.specification.uuid, number=1)
