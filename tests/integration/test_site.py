"""The site answers in both languages and reaches its database."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_health_reports_the_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("sv", "Mikromeriter som du äger, genom hela arbetslivet"),
        ("en", "Micro-credentials you own, for a whole career"),
    ],
)
def test_start_page_speaks_each_language(client: Client, language: str, heading: str) -> None:
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert heading in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_by_accept_language(client: Client) -> None:
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.8"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
