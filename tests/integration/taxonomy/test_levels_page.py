"""The levels page: EQF descriptors, the SeQF rule, workload and the lists, in both languages."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_the_levels_page_in_swedish(client: Client) -> None:
    response = client.get("/sv/nivaer/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Nivåer och vokabulärer</h1>" in page
    assert "Grundläggande allmänna kunskaper" in page
    assert "beslut om nivåplacering" in page
    assert "Skriftligt prov" in page
    assert "http://data.europa.eu/snb/assessment/6e6cb2cc78" in page
    assert '<th scope="col">Färdigheter</th>' in page
    assert "(Meritpass-värde: Europass har inget begrepp för det)" in page


@pytest.mark.django_db
def test_the_levels_page_in_english(client: Client) -> None:
    response = client.get("/en/levels/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Basic general knowledge" in page
    assert "Knowledge at the most advanced frontier" in page
    assert "One ECTS credit corresponds to 25 to 30 hours of work." in page
    assert "Supervised on site, with identity verification" in page


@pytest.mark.django_db
def test_the_language_switch_keeps_the_page(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/sv/nivaer/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/levels/"
