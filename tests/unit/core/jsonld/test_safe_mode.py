"""Safe mode: what JSON-LD would silently drop or resolve is an error, on both paths."""

from __future__ import annotations

from typing import Any

import pytest

from meritpass.core.documents import JsonObject
from meritpass.core.errors import JsonLdError, UnknownContextError
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.jsonld.to_rdf import convert, to_rdf
from meritpass.core.limits import Limits

V2 = "https://www.w3.org/ns/credentials/v2"
V1 = "https://www.w3.org/2018/credentials/v1"
EX = {"ex": "https://example.org/", "name": "ex:name", "link": {"@id": "ex:link", "@type": "@id"}}


def credential(**extra: Any) -> JsonObject:
    return {
        "@context": [V2],
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        **extra,
    }


CASES: list[tuple[str, JsonObject, str]] = [
    ("undefined term under v2", credential(favouriteColour="blue"), "jsonld.undefined_term"),
    (
        "undefined term under v1.1",
        {"@context": [V1], "type": ["VerifiableCredential"], "colour": "blue"},
        "jsonld.undefined_term",
    ),
    ("relative @id", {"@context": EX, "@id": "people/1", "name": "x"}, "jsonld.relative_iri"),
    ("relative @type", {"@context": EX, "@type": "Person", "name": "x"}, "jsonld.relative_iri"),
    (
        "relative IRI value",
        {"@context": EX, "@id": "urn:a", "link": "other"},
        "jsonld.relative_iri",
    ),
    (
        "relative @vocab",
        {"@context": {"@vocab": "terms/"}, "@id": "urn:a", "name": "x"},
        "jsonld.relative_iri",
    ),
    ("IRI with a space", {"@context": EX, "@id": "urn:a b", "name": "x"}, "jsonld.invalid_iri"),
    (
        "IRI breaking N-Quads",
        {"@context": EX, "@id": "urn:a> <urn:b", "name": "x"},
        "jsonld.invalid_iri",
    ),
    (
        "bad language",
        {"@context": EX, "@id": "urn:a", "name": {"@value": "x", "@language": "not a tag"}},
        "jsonld.invalid_language",
    ),
    (
        "free-floating value in @graph",
        {"@context": EX, "@graph": [{"@value": "x"}, {"@id": "urn:a", "name": "y"}]},
        "jsonld.dropped_value",
    ),
    ("top-level node with only @id", {"@context": EX, "@id": "urn:a"}, "jsonld.dropped_value"),
    ("empty document", {"@context": EX}, "jsonld.dropped_value"),
    (
        "null @value",
        {"@context": EX, "@id": "urn:a", "name": {"@value": None}, "ex:b": "c"},
        "jsonld.dropped_value",
    ),
    (
        "reserved term",
        {"@context": {**EX, "@foo": "ex:foo"}, "@id": "urn:a", "name": "x"},
        "jsonld.reserved_term",
    ),
    (
        "blank node predicate",
        {"@context": EX, "@id": "urn:a", "_:p": "x"},
        "jsonld.blank_node_predicate",
    ),
    (
        "@direction without rdfDirection",
        {"@context": EX, "@id": "urn:a", "name": {"@value": "x", "@direction": "rtl"}},
        "jsonld.direction_unsupported",
    ),
]


@pytest.mark.parametrize(("document", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_safe_mode_refuses(document: JsonObject, code: str) -> None:
    with pytest.raises(JsonLdError) as raised:
        to_rdf(document)
    assert raised.value.code == code
    assert raised.value.message("sv") != raised.value.message("en")


DROPPED_WHEN_UNSAFE = [c for c in CASES[2:9] if c[0] != "relative @vocab"]


@pytest.mark.parametrize(
    "document", [c[1] for c in DROPPED_WHEN_UNSAFE], ids=[c[0] for c in DROPPED_WHEN_UNSAFE]
)
def test_unsafe_mode_drops_instead(document: JsonObject) -> None:
    dataset = to_rdf(document, safe=False)
    assert len(dataset) <= 1


def test_undefined_terms_are_allowed_under_a_vocabulary() -> None:
    document = credential(favouriteColour="blue")
    document["@context"] = [V2, "https://www.w3.org/ns/credentials/undefined-terms/v2"]
    assert "undefined-term#favouriteColour" in canonicalize_document(document)


def test_a_relative_iri_is_not_resolved_against_the_base_in_safe_mode() -> None:
    document = {"@context": EX, "@id": "people/1", "name": "x"}
    with pytest.raises(JsonLdError):
        to_rdf(document, base="https://example.org/")
    assert to_rdf(document, safe=False, base="https://example.org/")[0][0] == (
        "<https://example.org/people/1>"
    )


def test_a_context_base_makes_relative_identifiers_absolute() -> None:
    document = {"@context": {**EX, "@base": "https://example.org/"}, "@id": "a", "name": "x"}
    assert to_rdf(document)[0][0] == "<https://example.org/a>"


def test_unknown_contexts_propagate() -> None:
    with pytest.raises(UnknownContextError):
        to_rdf({"@context": "https://example.org/unknown", "@id": "urn:a"})


def test_the_fallback_applies_safe_mode_too() -> None:
    document = {"@context": EX, "@id": "urn:a", "name": "x", "colour": "blue"}
    valid = {key: value for key, value in document.items() if key != "colour"}
    conversion = convert(valid, processing_mode="json-ld-1.0")
    assert conversion.fallback == "processing mode json-ld-1.0"
    assert conversion.dataset == convert(valid).dataset
    with pytest.raises(JsonLdError) as raised:
        convert(document, processing_mode="json-ld-1.0")
    assert raised.value.code == "jsonld.undefined_term"
    with pytest.raises(JsonLdError) as raised:
        convert({"@context": EX, "@id": "urn:a", "link": "rel"}, processing_mode="json-ld-1.0")
    assert raised.value.code == "jsonld.relative_iri"
    with pytest.raises(JsonLdError) as raised:
        convert({"@context": EX, "@graph": [{"@id": "urn:a"}]}, processing_mode="json-ld-1.0")
    assert raised.value.code == "jsonld.dropped_value"


def nested(depth: int) -> JsonObject:
    document: JsonObject = {"@id": "urn:leaf", "ex:v": "x"}
    for _ in range(depth):
        document = {"ex:child": document}
    return {"@context": EX, "@id": "urn:root", **document}


def test_depth_is_bounded() -> None:
    assert to_rdf(nested(10))
    with pytest.raises(JsonLdError) as raised:
        to_rdf(nested(70), limits=Limits(max_depth=64))
    assert raised.value.code == "jsonld.too_deep"
    with pytest.raises(JsonLdError):
        to_rdf(nested(5000), limits=Limits(max_depth=100_000))


@pytest.mark.parametrize(
    "document",
    [
        {"@context": 5, "@id": "urn:a"},
        {"@context": {"name": 5}, "@id": "urn:a"},
        {"@context": EX, "@id": 5, "name": "x"},
        {"@context": EX, "@id": "urn:a", "@type": [5]},
        {"@context": EX, "@id": "urn:a", "name": {"@value": {"x": 1}}},
        {"@context": EX, "@id": "urn:a", "name": {"@value": "x", "@language": 5}},
        {"@context": {"@vocab": 5}},
        {"@context": {"x": {"@container": "@bogus"}}},
        {"@context": {"x": {"@id": "ex:x", "@context": {"y": 5}}, **EX}, "x": {"y": 1}},
        {"@context": EX, "@id": "urn:a", "name": {"@value": 1, "@type": "nope"}},
        {"@context": EX, "@id": "urn:a", "name": float("nan")},
        {"@context": EX, "@id": "urn:a", "name": {1, 2}},
    ],
)
def test_malformed_json_ld_is_a_json_ld_error(document: Any) -> None:
    with pytest.raises(JsonLdError):
        to_rdf(document, safe=False)
