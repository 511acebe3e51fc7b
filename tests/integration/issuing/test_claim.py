"""The claim page a learner reaches from the email."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from meritpass.issuing.models import Award
from tests.integration.issuing import public_awards
from tests.integration.issuing.public_awards import CLAIM_TOKEN, EMAIL, TITLE, path

pytestmark = pytest.mark.django_db


def test_the_claim_link_shows_the_credential_and_its_downloads(client: Client) -> None:
    award = public_awards.award()

    response = client.get(path("claim", "en", token=CLAIM_TOKEN))

    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE["en"] in html
    assert f'href="/credentials/{award.uuid}.json" download' in html
    assert f'href="{path("certificate", "en", uuid=award.uuid)}"' in html
    assert "competence passport" in html
    assert EMAIL not in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"].startswith("noindex")


def test_the_first_visit_marks_the_award_claimed_and_later_ones_keep_that_time(
    client: Client,
) -> None:
    award = public_awards.award()
    assert award.claimed_at is None

    client.get(path("claim", "sv", token=CLAIM_TOKEN))
    first = Award.objects.get(pk=award.pk).claimed_at
    assert first is not None

    assert client.get(path("claim", "sv", token=CLAIM_TOKEN)).status_code == 200
    assert Award.objects.get(pk=award.pk).claimed_at == first


@pytest.mark.parametrize("token", ["wrong-token", CLAIM_TOKEN[:-1], "x" * 101])
def test_a_wrong_token_is_a_clear_404_and_claims_nothing(client: Client, token: str) -> None:
    award = public_awards.award()

    response = client.get(path("claim", "en", token=token))

    assert response.status_code == 404
    assert "This claim link is not valid" in response.content.decode()
    assert TITLE["en"] not in response.content.decode()
    assert Award.objects.get(pk=award.pk).claimed_at is None


def test_a_revoked_credential_says_so_on_the_claim_page(client: Client) -> None:
    award = public_awards.award()
    public_awards.change_state(
        award, "revoke", "Issued in error", at=datetime(2026, 9, 1, tzinfo=UTC)
    )

    html = client.get(path("claim", "en", token=CLAIM_TOKEN)).content.decode()
    assert "credential-state-revoked" in html
    assert "Issued in error" in html
