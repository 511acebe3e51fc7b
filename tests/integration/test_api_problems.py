"""Every API error is RFC 9457 problem details, in the language the client asks for."""

from __future__ import annotations

import pytest
from django.test import Client

from meritpass.core.errors import JsonInputError
from meritpass.site.api import api


@pytest.mark.django_db
def test_an_invalid_request_names_each_problem_in_swedish(client: Client) -> None:
    response = client.get(
        "/api/taxonomy/search",
        {"q": "svets", "limit": 99, "lang": "de"},
        headers={"accept-language": "sv"},
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "urn:meritpass:problem:invalid-request"
    assert body["title"] == "Begäran är inte giltig"
    assert {"location": "query.limit", "message": "Värdet får vara högst 50."} in body["errors"]
    assert {"location": "query.lang", "message": "Värdet måste vara ett av: sv, en."} in body[
        "errors"
    ]


@pytest.mark.django_db
def test_an_invalid_request_in_english(client: Client) -> None:
    response = client.get("/api/taxonomy/search", {"limit": 5}, headers={"accept-language": "en"})
    body = response.json()
    assert body["title"] == "The request is not valid"
    assert {"location": "query.q", "message": "This value is required."} in body["errors"]


@pytest.mark.django_db
def test_not_found_is_a_problem_too(client: Client) -> None:
    response = client.get("/api/taxonomy/concepts/nothing-here", headers={"accept-language": "sv"})
    assert response.status_code == 404
    body = response.json()
    assert body["type"] == "urn:meritpass:problem:not-found"
    assert body["title"] == "Hittades inte"
    assert body["detail"] == "Inget ESCO-begrepp är känt som ”nothing-here”."


def test_a_meritpass_error_is_a_problem_with_its_code(rf: pytest.FixtureRequest) -> None:
    request = rf.get("/api/anything")  # type: ignore[attr-defined]
    request.LANGUAGE_CODE = "sv"
    response = api.on_exception(request, JsonInputError("json.duplicate_key", key="id"))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert b'"code": "json.duplicate_key"' in response.content
    assert "Nyckeln ”id” förekommer två gånger i samma objekt." in response.content.decode()


def test_an_unknown_award_and_a_missing_token_are_problem_details(client: Client) -> None:
    missing = client.get("/api/v1/awards/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 401
    assert missing["Content-Type"] == "application/problem+json"
    assert missing["WWW-Authenticate"] == "Bearer"
    assert missing.json()["type"] == "urn:meritpass:problem:unauthenticated"
