"""Median time of canonicalize_document: ours vs PyLD + pyoxigraph, on the typical credential.

Run: ``.venv/bin/python bench/canonicalization.py``. Warm medians (contexts cached on both sides);
the proof configuration is the credential's @context plus a DataIntegrityProof's options.
"""

from __future__ import annotations

import copy
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
from pyld import jsonld

from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.jsonld.rdfc import canonicalize_document

ROOT = Path(__file__).parents[1]
CREDENTIAL = json.loads((ROOT / "tests/data/credentials/ob3-microcredential.json").read_text())
PROOF_CONFIGURATION = {
    "@context": CREDENTIAL["@context"],
    "type": "DataIntegrityProof",
    "cryptosuite": "eddsa-rdfc-2022",
    "created": "2026-06-12T09:00:00Z",
    "verificationMethod": "did:web:meritpass.example:org:yrkesakademin#key-1",
    "proofPurpose": "assertionMethod",
}


def pyld_pyoxigraph(document: dict[str, Any]) -> str:
    def load(url: str, _options: object = None) -> dict[str, Any]:
        return {"contextUrl": None, "documentUrl": url, "document": bundled_loader(url).document}

    nquads = jsonld.to_rdf(
        copy.deepcopy(document), {"format": "application/n-quads", "documentLoader": load}
    )
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return "".join(f"{quad} .\n" for quad in sorted(dataset, key=str))


def median_ms(function: Callable[[dict[str, Any]], str], document: dict[str, Any]) -> float:
    for _ in range(20):
        function(document)
    samples = []
    for _ in range(300):
        started = time.perf_counter()
        function(document)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    for name, document in (
        ("credential", CREDENTIAL),
        ("proof configuration", PROOF_CONFIGURATION),
    ):
        ours = canonicalize_document(document)
        assert ours == pyld_pyoxigraph(document), "the two implementations disagree"
        print(f"{name}: {ours.count(chr(10))} quads")
        print(f"  meritpass           {median_ms(canonicalize_document, document):7.3f} ms")
        print(f"  pyld + pyoxigraph   {median_ms(pyld_pyoxigraph, document):7.3f} ms")


if __name__ == "__main__":
    main()
