"""Fast-path features, each checked on the quads it produces (no PyLD involved)."""

from __future__ import annotations

import pytest

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.loader import RemoteDocument
from meritpass.core.jsonld.to_rdf import convert
from meritpass.core.rdf.rdfc10 import canonicalize

V2 = "https://www.w3.org/ns/credentials/v2"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def quads(document: JsonObject) -> str:
    conversion = convert(document)
    assert conversion.fallback is None
    return canonicalize(conversion.dataset)


def one(context: JsonValue, **properties: JsonValue) -> str:
    return quads({"@context": context, "@id": "urn:s", **properties})


def test_numbers_become_canonical_integer_and_double_literals() -> None:
    ctx = {"n": "urn:n"}
    assert f'"5"^^<{XSD}integer>' in one(ctx, n=5)
    assert f'"5"^^<{XSD}integer>' in one(ctx, n=5.0)
    assert f'"5.3E0"^^<{XSD}double>' in one(ctx, n=5.3)
    assert f'"1.0E21"^^<{XSD}double>' in one(ctx, n=1e21)
    assert f'"-1.25E-7"^^<{XSD}double>' in one(ctx, n=-1.25e-7)
    assert f'"true"^^<{XSD}boolean>' in one(ctx, n=True)
    typed = {"n": {"@id": "urn:n", "@type": f"{XSD}double"}}
    assert f'"5.0E0"^^<{XSD}double>' in one(typed, n=5)


def test_json_literals_are_canonical_json() -> None:
    ctx = {"j": {"@id": "urn:j", "@type": "@json"}}
    out = one(ctx, j={"b": [1, 2.5, "x"], "a": None})
    assert f'"{{\\"a\\":null,\\"b\\":[1,2.5,\\"x\\"]}}"^^<{RDF}JSON>' in out


def test_lists_become_rdf_collections() -> None:
    out = one({"l": {"@id": "urn:l", "@container": "@list"}}, l=["a", "b"])
    assert out.count(f"<{RDF}first>") == 2
    assert f"<{RDF}rest> <{RDF}nil>" in out
    assert f"<urn:l> <{RDF}nil>" in one({"l": {"@id": "urn:l", "@container": "@list"}}, l=[])


def test_graph_containers_make_named_graphs_with_blank_node_names() -> None:
    out = one({"g": {"@id": "urn:g", "@container": "@graph"}, "p": "urn:p"}, g={"p": "x"})
    assert "<urn:s> <urn:g> _:c14n" in out
    assert '_:c14n1 <urn:p> "x" _:c14n0 .' in out or '_:c14n0 <urn:p> "x" _:c14n1 .' in out


def test_language_maps_defaults_and_keyword_aliases() -> None:
    ctx = {
        "@language": "sv",
        "id": "@id",
        "label": "urn:label",
        "names": {"@id": "urn:name", "@container": "@language"},
    }
    out = quads({"@context": ctx, "id": "urn:s", "label": "Hej", "names": {"EN": "Hi"}})
    assert '"Hej"@sv' in out
    assert '"Hi"@en' in out


def test_vocab_base_and_compact_iris() -> None:
    ctx = {
        "@vocab": "https://vocab.example/",
        "@base": "https://base.example/dir/",
        "ex": "urn:ex:",
    }
    out = quads({"@context": ctx, "@id": "../s", "@type": "Thing", "ex:p": {"@id": "o"}, "q": 1})
    assert f"<https://base.example/s> <{RDF}type> <https://vocab.example/Thing>" in out
    assert "<urn:ex:p> <https://base.example/dir/o>" in out
    assert "<https://vocab.example/q>" in out


def test_type_scoped_contexts_do_not_propagate_but_property_scoped_ones_do() -> None:
    ctx = {
        "T": {"@id": "urn:T", "@context": {"p": "urn:typed-p"}},
        "p": "urn:plain-p",
        "child": {"@id": "urn:child", "@context": {"q": "urn:scoped-q"}},
    }
    document = {
        "@context": ctx,
        "@id": "urn:s",
        "@type": "T",
        "p": "typed",
        "child": {"@id": "urn:c", "p": "plain", "q": {"@id": "urn:d", "q": "deep"}},
    }
    out = quads(document)
    assert '<urn:s> <urn:typed-p> "typed"' in out
    assert '<urn:c> <urn:plain-p> "plain"' in out
    assert '<urn:d> <urn:scoped-q> "deep"' in out


def test_propagate_false_limits_a_context_to_its_node() -> None:
    ctx = [{"p": "urn:outer", "n": "urn:n"}]
    inner = {"@context": {"@propagate": False, "p": "urn:inner"}, "p": "a", "n": {"p": "b"}}
    out = quads({"@context": ctx, "@id": "urn:s", "n": {**inner, "@id": "urn:x"}})
    assert '<urn:x> <urn:inner> "a"' in out
    assert '<urn:outer> "b"' in out


def test_protected_terms_cannot_be_redefined() -> None:
    document = {"@context": [V2, {"name": "urn:mine"}], "id": "urn:s", "name": "x"}
    with pytest.raises(JsonLdError) as raised:
        convert(document)
    assert raised.value.params["spec_code"] == "protected term redefinition"


def test_vc_v2_proof_is_a_named_graph_and_issuer_dependent_types_work() -> None:
    document = {
        "@context": [V2],
        "id": "urn:vc",
        "type": ["VerifiableCredential"],
        "issuer": "did:example:1",
        "validFrom": "2026-01-01T00:00:00Z",
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"},
    }
    out = quads(document)
    assert "<urn:vc> <https://w3id.org/security#proof> _:c14n0 ." in out
    assert "<https://w3id.org/security#cryptosuite>" in out
    assert f'"2026-01-01T00:00:00Z"^^<{XSD}dateTime>' in out


def test_index_id_type_maps_nest_reverse_and_included_are_on_the_fast_path() -> None:
    ctx = {
        "@vocab": "urn:v:",
        "byIndex": {"@container": "@index"},
        "byId": {"@container": "@id"},
        "byType": {"@container": "@type"},
        "parent": {"@reverse": "urn:v:child"},
        "meta": "@nest",
    }
    document = {
        "@context": ctx,
        "@id": "urn:s",
        "byIndex": {"first": {"@id": "urn:i"}},
        "byId": {"urn:j": {"name": "j"}},
        "byType": {"urn:T": {"@id": "urn:k"}},
        "parent": {"@id": "urn:p"},
        "meta": {"note": "nested"},
        "@included": [{"@id": "urn:inc", "name": "inc"}],
    }
    out = quads(document)
    assert "<urn:p> <urn:v:child> <urn:s>" in out
    assert '<urn:s> <urn:v:note> "nested"' in out
    assert f"<urn:k> <{RDF}type> <urn:T>" in out
    assert '<urn:j> <urn:v:name> "j"' in out
    assert '<urn:inc> <urn:v:name> "inc"' in out


class CountingLoader:
    """A loader that serves one context and counts how often it is asked."""

    def __init__(self, document: JsonObject) -> None:
        self.document = document
        self.calls = 0

    def __call__(self, url: str) -> RemoteDocument:
        self.calls += 1
        return RemoteDocument(url=url, document=self.document)


def test_processed_contexts_are_never_shared_between_loaders() -> None:
    url = "https://contexts.example/c"
    first = CountingLoader({"@context": {"p": "urn:first"}})
    second = CountingLoader({"@context": {"p": "urn:second"}})
    document: JsonObject = {"@context": url, "@id": "urn:s", "p": "x"}
    assert "<urn:first>" in canonicalize(convert(document, loader=first).dataset)
    assert "<urn:second>" in canonicalize(convert(document, loader=second).dataset)
    first.document = {"@context": {"p": "urn:changed"}}
    assert "<urn:changed>" in canonicalize(convert(document, loader=first).dataset)


def test_inline_contexts_are_not_cached() -> None:
    from meritpass.core.jsonld import context  # noqa: PLC0415 - inspects the private cache

    before = len(context._CACHE)
    for index in range(50):
        convert({"@context": {"p": f"urn:p{index}"}, "@id": "urn:s", "p": "x"})
    assert len(context._CACHE) == before


def test_contexts_derived_from_inline_ones_are_not_cached() -> None:
    from meritpass.core.jsonld import context  # noqa: PLC0415 - inspects the private cache

    def document(index: int) -> JsonObject:
        return {
            "@context": [V2, {"extra": f"urn:extra{index}"}],
            "id": "urn:vc",
            "type": ["VerifiableCredential"],
            "issuer": "did:example:1",
            "extra": "x",
        }

    convert(document(0))
    before = len(context._CACHE)
    for index in range(1, 50):
        convert(document(index))
    assert len(context._CACHE) == before
