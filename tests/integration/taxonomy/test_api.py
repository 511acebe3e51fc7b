"""The taxonomy JSON API: search, read one concept, documented in OpenAPI, clear about bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from meritpass.taxonomy.importer import ImportSummary

ESCO = "http://data.europa.eu/esco/"
WELDER = f"{ESCO}occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"
WELDING_TECHNIQUES = f"{ESCO}skill/530cb489-d900-46ab-9350-4d50ccd49eea"
OPERATE_WELDING_EQUIPMENT = f"{ESCO}skill/2fcd95a4-1f9a-41cf-95a9-4701bde476b4"
NO_SWEDISH = f"{ESCO}skill/4cde32b5-fc2f-4257-a8b9-5b15a67ee3e5"  # protect the health of others


def get(client: Client, path: str, **params: Any) -> Any:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_search_returns_ranked_concepts_in_the_requested_language(
    client: Client, esco_sample: ImportSummary
) -> None:
    body = get(client, "/api/taxonomy/search", q="svets", lang="sv", limit=3)
    assert body["query"] == "svets"
    assert body["language"] == "sv"
    first = body["results"][0]
    assert first == {
        "uri": WELDING_TECHNIQUES,
        "kind": "skill",
        "label": "svetstekniker",
        "label_language": "sv",
        "matched_label": None,
        "matched_language": None,
        "skill_type": "knowledge",
        "reuse_level": "cross-sector",
        "code": None,
    }
    assert len(body["results"]) == 3


def test_search_shows_the_label_that_matched(client: Client, esco_sample: ImportSummary) -> None:
    body = get(client, "/api/taxonomy/search", q="weld", lang="sv", limit=1)
    (hit,) = body["results"]
    assert hit["uri"] == OPERATE_WELDING_EQUIPMENT
    assert (hit["label"], hit["label_language"]) == ("använda svetsningsutrustning", "sv")
    assert (hit["matched_label"], hit["matched_language"]) == ("weld", "en")


def test_search_filters_by_kind_and_defaults_to_swedish(
    client: Client, esco_sample: ImportSummary
) -> None:
    body = get(client, "/api/taxonomy/search", q="svets", kind="occupation")
    assert body["language"] == "sv"
    assert {hit["kind"] for hit in body["results"]} == {"occupation"}
    assert body["results"][0]["uri"] == WELDER
    assert body["results"][0]["code"] == "7212.3"
    both = get(client, "/api/taxonomy/search", q="svets", kind=["occupation", "skill"], limit=50)
    assert {hit["kind"] for hit in both["results"]} == {"occupation", "skill"}


def test_search_labels_a_concept_without_swedish_in_english(
    client: Client, esco_sample: ImportSummary
) -> None:
    body = get(client, "/api/taxonomy/search", q="protect the health", lang="sv")
    hit = body["results"][0]
    assert (hit["uri"], hit["label_language"]) == (NO_SWEDISH, "en")
    assert hit["label"] == "protect the health of others"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "weld", "lang": "de"}, "lang"),
        ({"q": "weld", "kind": "person"}, "kind"),
        ({"q": "weld", "limit": 0}, "limit"),
        ({"q": "weld", "limit": 51}, "limit"),
        ({"q": "weld", "limit": "many"}, "limit"),
    ],
)
def test_bad_search_parameters_get_a_clear_422(
    client: Client, params: dict[str, Any], field: str
) -> None:
    response = client.get("/api/taxonomy/search", params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problems = response.json()["errors"]
    assert any(problem["location"].startswith(f"query.{field}") for problem in problems), problems
    assert all(problem["message"] for problem in problems)


@pytest.mark.parametrize(
    "reference",
    [
        "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
        WELDER,
        WELDER.replace("http://", "http:/"),
        "occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b",
    ],
)
def test_a_concept_is_read_by_uuid_uri_or_path(
    client: Client, esco_sample: ImportSummary, reference: str
) -> None:
    body = get(client, f"/api/taxonomy/concepts/{reference}", lang="en")
    assert body["uri"] == WELDER
    assert (body["label"], body["label_language"]) == ("welder", "en")
    assert body["code"] == "7212.3"
    assert body["esco_version"] == "1.1.1"
    assert body["regulated_note"].endswith("/unregulated")
    essential = {skill["uri"] for skill in body["essential"]}
    assert OPERATE_WELDING_EQUIPMENT in essential
    assert body["optional"]
    assert [group["uri"].rsplit("/", 1)[-1] for group in body["hierarchy"]] == [
        "C7",
        "C72",
        "C721",
        "C7212",
    ]


def test_a_skill_lists_its_occupations_and_falls_back_to_english(
    client: Client, esco_sample: ImportSummary
) -> None:
    body = get(client, "/api/taxonomy/concepts/530cb489-d900-46ab-9350-4d50ccd49eea", lang="sv")
    assert (body["label"], body["label_language"]) == ("svetstekniker", "sv")
    assert body["english_label"] == "welding techniques"
    assert body["description"]["language"] == "en"
    assert body["skill_type"] == "knowledge"
    assert WELDER in {occupation["uri"] for occupation in body["essential"]}
    assert all(label["language"] == "en" for label in body["alternative_labels"])
    english_only = get(client, f"/api/taxonomy/concepts/{NO_SWEDISH}", lang="sv")
    assert (english_only["label"], english_only["label_language"]) == (
        "protect the health of others",
        "en",
    )


def test_an_isco_group_is_read_by_its_code(client: Client, esco_sample: ImportSummary) -> None:
    body = get(client, "/api/taxonomy/concepts/C7212", lang="en")
    assert (body["kind"], body["code"]) == ("isco-group", "7212")
    assert WELDER in {narrower["uri"] for narrower in body["narrower"]}


@pytest.mark.parametrize(
    "reference",
    [
        "00000000-0000-0000-0000-000000000000",
        "not-a-concept",
        f"{ESCO}skill/00000000-0000-0000-0000-000000000000",
        "'; DROP TABLE taxonomy_concept; --",
    ],
)
def test_an_unknown_concept_is_a_404(
    client: Client, esco_sample: ImportSummary, reference: str
) -> None:
    response = client.get(f"/api/taxonomy/concepts/{reference}", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert response.json()["type"] == "urn:meritpass:problem:not-found"
    assert "No ESCO concept" in response.json()["detail"]


@pytest.mark.django_db
def test_the_endpoints_are_documented_in_openapi(client: Client) -> None:
    document = get(client, "/api/openapi.json")
    search = document["paths"]["/api/taxonomy/search"]["get"]
    assert search["summary"] == "Search ESCO skills and occupations"
    parameters = {parameter["name"]: parameter for parameter in search["parameters"]}
    assert set(parameters) == {"q", "lang", "kind", "limit"}
    assert parameters["q"]["required"] is True
    assert parameters["q"]["schema"]["maxLength"] == 200
    assert parameters["limit"]["schema"]["maximum"] == 50
    assert parameters["lang"]["schema"]["enum"] == ["sv", "en"]
    assert "/api/taxonomy/concepts/{reference}" in document["paths"]
    schemas = document["components"]["schemas"]
    assert {"SearchResponse", "SearchResult", "ConceptOut"} <= set(schemas)
    assert client.get("/api/docs").status_code == 200
