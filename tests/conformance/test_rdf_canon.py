"""RDFC-1.0 against the W3C rdf-canon test suite (tests/data/standards/rdf-canon/SOURCE.md).

Eval tests compare the canonical N-Quads byte for byte, map tests compare the issued-identifier
maps, and the poison graph (test074) must be refused quickly under the default limits.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from meritpass.core.errors import CanonicalizationError
from meritpass.core.limits import DEFAULT_LIMITS
from meritpass.core.rdf import nquads
from meritpass.core.rdf.rdfc10 import canonicalize, issue_identifiers

SUITE = Path(__file__).parents[1] / "data/standards/rdf-canon/w3c-rdf-canon/tests"
MANIFEST: list[dict[str, Any]] = json.loads((SUITE / "manifest.jsonld").read_text("utf-8"))[
    "entries"
]


def entries(kind: str) -> list[Any]:
    return [
        pytest.param(entry, id=entry["id"].lstrip("#"))
        for entry in MANIFEST
        if entry["type"] == kind
    ]


def algorithm(entry: dict[str, Any]) -> str:
    return str(entry.get("hashAlgorithm", "SHA256")).lower()


def test_the_manifest_has_every_entry() -> None:
    kinds = [entry["type"] for entry in MANIFEST]
    assert kinds.count("rdfc:RDFC10EvalTest") == 64
    assert kinds.count("rdfc:RDFC10MapTest") == 21
    assert kinds.count("rdfc:RDFC10NegativeEvalTest") == 1
    assert sum(1 for entry in MANIFEST if algorithm(entry) == "sha384") == 2


@pytest.mark.parametrize("entry", entries("rdfc:RDFC10EvalTest"))
def test_eval(entry: dict[str, Any]) -> None:
    dataset = nquads.parse((SUITE / entry["action"]).read_text("utf-8"))
    expected = (SUITE / entry["result"]).read_text("utf-8")
    assert canonicalize(dataset, hash_algorithm=algorithm(entry)) == expected


@pytest.mark.parametrize("entry", entries("rdfc:RDFC10MapTest"))
def test_issued_identifiers_map(entry: dict[str, Any]) -> None:
    dataset = nquads.parse((SUITE / entry["action"]).read_text("utf-8"))
    expected = json.loads((SUITE / entry["result"]).read_text("utf-8"))
    assert issue_identifiers(dataset, hash_algorithm=algorithm(entry)) == expected


@pytest.mark.parametrize("entry", entries("rdfc:RDFC10NegativeEvalTest"))
def test_poison_graph_is_refused_quickly(entry: dict[str, Any]) -> None:
    dataset = nquads.parse((SUITE / entry["action"]).read_text("utf-8"))
    started = time.perf_counter()
    with pytest.raises(CanonicalizationError) as raised:
        canonicalize(dataset, limits=DEFAULT_LIMITS)
    assert raised.value.code == "rdfc.too_complex"
    assert time.perf_counter() - started < 10  # unbounded, it runs for minutes


def test_sha384_changes_the_result_where_blank_nodes_need_n_degree_hashes() -> None:
    dataset = nquads.parse((SUITE / "rdfc10/test075-in.nq").read_text("utf-8"))
    assert issue_identifiers(dataset, hash_algorithm="sha384") != issue_identifiers(dataset)
