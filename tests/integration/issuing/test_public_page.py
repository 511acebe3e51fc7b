"""The public page of a credential and its signed file: what anyone with the address sees."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from meritpass.issuing import services
from meritpass.issuing.models import Award
from tests.integration.issuing import public_awards
from tests.integration.issuing.conftest import World
from tests.integration.issuing.public_awards import EMAIL, TITLE, path

pytestmark = pytest.mark.django_db


def page(client: Client, award: Award, language: str = "en") -> str:
    response = client.get(path("credential", language, uuid=award.uuid))
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-cache" in response["Cache-Control"]
    return response.content.decode()


def test_the_page_shows_the_award_and_every_eu_element_in_english(client: Client) -> None:
    html = page(client, public_awards.award())
    for shown in [
        TITLE["en"],
        "Åsa Öberg-Ärlig",
        "yrkesakademin in English",
        "SE, Västerbotten",
        "June 12, 2026",
        "Welds fillet welds in steel.",
        "weld metals",  # the ESCO skill, labelled in the page's language
        "EQF level 4",
        "SeQF level 4",
        "SFS 2015:545 / dnr MYH 2024/1234",
        "7.5 ECTS credits · 200 hours",
        "Practical assessment",
        "On site",
        "Approval of the requirements by the industry",
        "None.",
        "Godkänd",
        "Pass or fail",
        "The Welding Council",
        "March 2, 2026",
        '<meta name="robots" content="noindex, nofollow">',
    ]:
        assert shown in html, shown
    assert EMAIL not in html
    assert "javascript:" not in html


def test_the_page_speaks_swedish_under_the_swedish_address(client: Client) -> None:
    award = public_awards.award()
    html = page(client, award, "sv")
    for shown in [TITLE["sv"], "Svetsar kälsvetsar i stålplåt.", "svetsa", "EQF-nivå 4"]:
        assert shown in html, shown
    assert 'lang="en"><a href="/sv/' in html  # no Swedish label: marked as English
    assert "read technical drawings" in html
    assert "Svetsrådet" in html
    assert "yrkesakademin på svenska" in html


def test_the_page_links_the_issuer_and_the_downloads(client: Client) -> None:
    award = public_awards.award()
    html = page(client, award)
    assert f'href="{reverse("registry:organisation_public", args=["yrkesakademin"])}"' in html
    assert f'href="/credentials/{award.uuid}.json"' in html
    assert f'href="{path("certificate", "en", uuid=award.uuid)}"' in html
    assert f"urn:uuid:{award.uuid}" in html


def test_a_revocation_shows_on_the_page_at_once(client: Client) -> None:
    award = public_awards.award()
    assert "Revoked" not in page(client, award)

    public_awards.change_state(
        award, "revoke", "Proven cheating at the exam", at=datetime(2026, 9, 1, 8, tzinfo=UTC)
    )

    html = page(client, award)
    assert 'class="credential-state credential-state-revoked"' in html
    assert "Revoked" in html
    assert "Proven cheating at the exam" in html
    assert "Sept. 1, 2026" in html


def test_a_suspension_shows_and_a_reinstatement_clears_it(client: Client) -> None:
    award = public_awards.award()
    public_awards.change_state(
        award, "suspend", "Under review", at=datetime(2026, 9, 1, tzinfo=UTC)
    )
    html = page(client, award)
    assert "Suspended" in html
    assert "Under review" in html

    public_awards.change_state(
        award, "reinstate", "Review done", at=datetime(2026, 9, 2, tzinfo=UTC)
    )
    html = page(client, award)
    assert "credential-state-" not in html
    assert "Under review" not in html


def test_an_unknown_credential_is_a_clear_404(client: Client) -> None:
    response = client.get(path("credential", "en", uuid=uuid4()))
    assert response.status_code == 404
    assert "There is no such credential" in response.content.decode()


def test_the_signed_file_is_served_byte_for_byte(client: Client) -> None:
    award = public_awards.award()
    response = client.get(f"/credentials/{award.uuid}.json")
    assert response.status_code == 200
    assert response.content == award.credential.encode("utf-8")
    assert response["Content-Type"] == "application/ld+json"
    assert response["Content-Disposition"] == (
        f'attachment; filename="meritpass-{award.uuid}.json"'
    )
    assert json.loads(response.content)["proof"]["type"] == "DataIntegrityProof"


def test_the_signed_file_of_an_unknown_credential_is_404(client: Client) -> None:
    assert client.get(f"/credentials/{uuid4()}.json").status_code == 404


def test_an_issued_award_reaches_its_learner_and_shows_its_revocation_at_once(
    world: World, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        award = services.issue_award(
            issuer=world.provider,
            version=world.version,
            learner=world.learner(),
            actor=world.issuer,
        )
    [email] = mail.outbox
    claim_path = re.search(r"https?://[^/\s]+(/\S+)", email.body)  # the first link
    assert claim_path is not None
    assert client.get(claim_path[1]).status_code == 200
    assert client.get(f"/credentials/{award.uuid}.json").content == award.credential.encode()

    services.revoke(award, "Fusk vid provet", world.issuer)

    html = page(client, award)
    assert "credential-state-revoked" in html
    assert "Fusk vid provet" in html
