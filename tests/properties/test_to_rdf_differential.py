"""Differential test: the fast path and PyLD give isomorphic datasets for credential-like input.

Documents are generated over the bundled VC v2 and Open Badges 3.0.3 contexts: random nesting of
defined terms, hostile strings, numbers, booleans, arrays, blank nodes and IRIs. PyLD's own
expansion and RDF conversion are the oracle; both datasets are compared through our serializer
and RDFC-1.0, since PyLD's N-Quads escaping of control characters is wrong.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld as pyld
from pyld.context_resolver import ContextResolver

from meritpass.core.documents import JsonObject
from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.jsonld.to_rdf import convert
from meritpass.core.rdf.rdfc10 import canonicalize
from meritpass.core.rdf.terms import Quad, blank, iri, literal

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]

hostile = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12
) | st.sampled_from(['"', "\\", "\b\f\x00\x7f", "\n\r\t", "åäö", "🌃", "\\u0041", "<a>", " "])
iris = st.sampled_from(
    ["urn:uuid:0f5b2c4e", "did:example:123", "https://example.org/a?b=c#d", "did:web:x.example:y"]
) | st.integers(0, 50).map(lambda n: f"urn:ex:{n}")
numbers = st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(
    allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30
)
languages = st.sampled_from(["sv", "en", "SV-se", "de-CH"])
text = hostile | st.builds(lambda v, lang: {"@value": v, "@language": lang}, hostile, languages)


def optional(**entries: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=entries)


def with_id(node: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda n, i: {**n, **({"id": i} if i else {})}, node, st.none() | iris)


alignment = with_id(
    optional(targetName=text, targetUrl=iris, targetFramework=hostile, targetCode=hostile).map(
        lambda d: {"type": ["Alignment"], **d}
    )
)
identity = optional(identityHash=hostile, hashed=st.booleans(), salt=hostile).map(
    lambda d: {"type": "IdentityObject", "identityType": "emailAddress", **d}
)
result = optional(value=hostile, status=hostile, resultDescription=iris).map(
    lambda d: {"type": ["Result"], **d}
)
achievement = with_id(
    optional(
        name=text,
        description=text,
        criteria=optional(narrative=text, id=iris),
        creditsAvailable=numbers,
        tag=st.lists(hostile, max_size=3),
        alignment=st.lists(alignment, max_size=3),
        humanCode=hostile,
    ).map(lambda d: {"type": ["Achievement"], **d})
)
subject = with_id(
    optional(
        achievement=achievement,
        identifier=st.lists(identity, max_size=2),
        result=st.lists(result, max_size=2),
        creditsEarned=numbers,
    ).map(lambda d: {"type": ["AchievementSubject"], **d})
)
issuer = iris | with_id(
    optional(name=text, url=iris, email=hostile).map(lambda d: {"type": ["Profile"], **d})
)
credentials = st.builds(
    lambda base, extra: {**base, **extra},
    st.fixed_dictionaries(
        {
            "@context": st.just(CONTEXT),
            "type": st.just(["VerifiableCredential", "OpenBadgeCredential"]),
            "issuer": issuer,
            "credentialSubject": subject,
        }
    ),
    optional(
        id=iris,
        name=text,
        description=text,
        validFrom=hostile,
        proof=optional(created=hostile, verificationMethod=iris, cryptosuite=hostile).map(
            lambda d: {"type": "DataIntegrityProof", "proofPurpose": "assertionMethod", **d}
        ),
    ),
)


def pyld_dataset(document: JsonObject) -> list[Quad]:
    def load(url: str, _options: object = None) -> dict[str, Any]:
        remote = bundled_loader(url)
        return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(remote.document)}

    options = {"documentLoader": load, "contextResolver": ContextResolver({}, load)}
    dataset = pyld.to_rdf(copy.deepcopy(document), options)
    return [
        (term(t["subject"]), term(t["predicate"]), term(t["object"]), graph_term(name))
        for name, triples in dataset.items()
        for t in triples
    ]


def graph_term(name: str) -> str:
    if name == "@default":
        return ""
    return name if name.startswith("_:") else iri(name)


def term(node: dict[str, str]) -> str:
    if node["type"] == "IRI":
        return iri(node["value"])
    if node["type"] == "blank node":
        return blank(node["value"].removeprefix("_:"))
    if "language" in node:
        return literal(node["value"], language=node["language"])
    return literal(node["value"], node["datatype"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(credentials)
def test_fast_path_and_pyld_agree(document: JsonObject) -> None:
    conversion = convert(document)
    assert conversion.fallback is None
    assert canonicalize(conversion.dataset) == canonicalize(pyld_dataset(document))
    assert canonicalize_document(document) == canonicalize(conversion.dataset)
