"""JSON-LD → RDF against the W3C JSON-LD 1.1 toRdf suite and the credential test vectors.

The toRdf manifest (tests/data/standards/jsonld-api/SOURCE.md) runs through ``convert`` with
``safe=False``; results are compared as isomorphic datasets by canonicalizing both sides with our
RDFC-1.0. Tests for JSON-LD 1.0 only and for generalized RDF are skipped. Every other test runs
on the fast path; only ``processingMode: json-ld-1.0`` would use PyLD's expansion, and the suite's
tests with that option are negative ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from meritpass.core.documents import JsonObject
from meritpass.core.errors import JsonLdError, UnknownContextError
from meritpass.core.jsonld.loader import RemoteDocument, loader_with
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.jsonld.to_rdf import Conversion, convert
from meritpass.core.rdf import nquads
from meritpass.core.rdf.rdfc10 import canonicalize

DATA = Path(__file__).parents[1] / "data"
SUITE = DATA / "standards/jsonld-api/w3c-json-ld-api/tests"
BASE_IRI = "https://w3c.github.io/json-ld-api/tests/"
MANIFEST: list[dict[str, Any]] = json.loads((SUITE / "toRdf-manifest.jsonld").read_text("utf-8"))[
    "sequence"
]
FALLBACK_FEATURES = {"processing mode json-ld-1.0"}
EDDSA = DATA / "standards/vectors/eddsa-rdfc-2022"
OB3 = DATA / "standards/ob3/1EdTech-openbadges-specification/ob_v3p0/impl"
CLR_CONTEXT = (
    DATA / "standards/ob3/1EdTech-digital-credentials-public-validator/inspector-vc/src/main"
    "/resources/contexts/clr-v2p0-2.0.1.json"
)


def load_local(url: str) -> RemoteDocument:
    """Serve ``https://w3c.github.io/json-ld-api/tests/…`` from the local copy of the suite."""
    path = SUITE / url.removeprefix(BASE_IRI)
    if not url.startswith(BASE_IRI) or not path.is_file():
        raise UnknownContextError(url=url)
    return RemoteDocument(url=url, document=json.loads(path.read_text("utf-8")))


def run(entry: dict[str, Any]) -> Conversion:
    option = entry.get("option", {})
    expand_context = None
    if "expandContext" in option:
        expand_context = json.loads((SUITE / option["expandContext"]).read_text("utf-8"))
    return convert(
        json.loads((SUITE / entry["input"]).read_text("utf-8")),
        loader=load_local,
        safe=False,
        base=option.get("base", BASE_IRI + entry["input"]),
        expand_context=expand_context,
        rdf_direction=option.get("rdfDirection"),
        processing_mode=option.get("processingMode", "json-ld-1.1"),
    )


def params(kind: str) -> list[Any]:
    selected = []
    for entry in MANIFEST:
        if kind not in entry["@type"]:
            continue
        option = entry.get("option", {})
        marks = []
        if option.get("specVersion") == "json-ld-1.0":
            marks.append(pytest.mark.skip(reason="JSON-LD 1.0 only"))
        elif option.get("produceGeneralizedRdf"):
            marks.append(pytest.mark.skip(reason="generalized RDF is not produced"))
        selected.append(pytest.param(entry, id=entry["@id"].lstrip("#"), marks=marks))
    return selected


def test_the_manifest_has_every_test() -> None:
    assert len(MANIFEST) == 467


@pytest.mark.parametrize("entry", params("jld:PositiveEvaluationTest"))
def test_positive(entry: dict[str, Any]) -> None:
    conversion = run(entry)
    expected = canonicalize(nquads.parse((SUITE / entry["expect"]).read_text("utf-8")))
    assert canonicalize(conversion.dataset) == expected
    assert conversion.fallback is None or conversion.fallback in FALLBACK_FEATURES


@pytest.mark.parametrize("entry", params("jld:PositiveSyntaxTest"))
def test_positive_syntax(entry: dict[str, Any]) -> None:
    conversion = run(entry)
    assert conversion.fallback is None or conversion.fallback in FALLBACK_FEATURES


@pytest.mark.parametrize("entry", params("jld:NegativeEvaluationTest"))
def test_negative(entry: dict[str, Any]) -> None:
    with pytest.raises(JsonLdError):
        run(entry)


def test_every_runnable_json_ld_1_1_test_runs_on_the_fast_path() -> None:
    runnable = [
        entry
        for entry in MANIFEST
        if "jld:NegativeEvaluationTest" not in entry["@type"]
        and entry.get("option", {}).get("specVersion") != "json-ld-1.0"
        and not entry.get("option", {}).get("produceGeneralizedRdf")
    ]
    fell_back = sorted(entry["@id"] for entry in runnable if run(entry).fallback is not None)
    legacy = sorted(
        entry["@id"]
        for entry in runnable
        if entry.get("option", {}).get("processingMode") == "json-ld-1.0"
    )
    assert fell_back == legacy == []
    assert len(runnable) == 355


# The credential vectors: safe mode, the bundled loader, byte-for-byte canonical N-Quads.


def read_json(path: Path) -> JsonObject:
    document: JsonObject = json.loads(path.read_text("utf-8"))
    return document


@pytest.mark.parametrize("folder", [EDDSA, EDDSA / "employ"], ids=["alumni", "employ"])
def test_eddsa_rdfc_2022_document_and_proof_configuration(folder: Path) -> None:
    document = read_json(folder / "signedDataInt.json")
    del document["proof"]
    assert canonicalize_document(document) == (folder / "canonDocDataInt.txt").read_text("utf-8")
    configuration = read_json(folder / "proofConfigDataInt.json")
    assert canonicalize_document(configuration) == (folder / "proofCanonDataInt.txt").read_text(
        "utf-8"
    )


@pytest.mark.parametrize("name", ["obv3p0", "clrv2p0"])
def test_open_badges_and_clr_vectors(name: str) -> None:
    vector = read_json(OB3 / "test-vectors-extracted" / f"{name}-eddsa-rdfc-2022.json")
    loader = loader_with(
        {"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": read_json(CLR_CONTEXT)}
    )
    credential = vector["unsignedCredential"]
    assert isinstance(credential, dict)
    expected = (OB3 / "test-vectors" / name / "document-canon.txt").read_text("utf-8")
    assert canonicalize_document(credential, loader=loader) == expected
    proof = vector["proof"]
    assert isinstance(proof, dict)
    configuration = {k: v for k, v in proof.items() if k != "proofValue"}
    configuration["@context"] = credential["@context"]
    expected = (OB3 / "test-vectors" / name / "proof-canon.txt").read_text("utf-8")
    assert canonicalize_document(configuration, loader=loader) == expected
