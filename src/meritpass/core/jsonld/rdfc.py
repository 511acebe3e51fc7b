"""Canonicalize a JSON-LD document: JSON-LD → RDF dataset → RDFC-1.0 canonical N-Quads.

Safe mode always applies: terms no context defines, relative IRIs and other content JSON-LD
would drop are errors, because they would otherwise go unsigned. The work is bounded by
``limits`` (depth while expanding; blank nodes and n-degree work while canonicalizing).
"""

from __future__ import annotations

from meritpass.core.documents import JsonObject
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader
from meritpass.core.jsonld.to_rdf import to_rdf
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.rdf.rdfc10 import canonicalize


def canonicalize_document(
    document: JsonObject,
    *,
    loader: DocumentLoader = bundled_loader,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """Return the RDFC-1.0 canonical N-Quads (SHA-256) of ``document``, in safe mode."""
    dataset = to_rdf(document, loader=loader, safe=True, limits=limits)
    return canonicalize(dataset, limits=limits)
