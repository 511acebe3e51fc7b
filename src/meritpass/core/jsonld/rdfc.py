"""Canonicalize a JSON-LD document: JSON-LD → RDF dataset → RDFC-1.0 canonical N-Quads.

INTERIM implementation (pyld + pyoxigraph) so the proof suites can be built against the final
interface; it is replaced by the fast path with safe mode and bounded work.
"""

from __future__ import annotations

import pyoxigraph
from pyld import jsonld

from meritpass.core.documents import JsonObject
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader
from meritpass.core.limits import DEFAULT_LIMITS, Limits


def canonicalize_document(
    document: JsonObject,
    *,
    loader: DocumentLoader = bundled_loader,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """Return the RDFC-1.0 canonical N-Quads of ``document``."""
    del limits

    def pyld_loader(url: str, options: object = None) -> dict[str, object]:
        remote = loader(url)
        return {"contextUrl": None, "documentUrl": url, "document": remote.document}

    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": pyld_loader}
    )
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return "".join(f"{quad} .\n" for quad in sorted(dataset, key=str))
