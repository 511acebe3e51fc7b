"""The eddsa-rdfc-2022 cryptosuite (https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022).

The document and the proof configuration are each turned into RDF and canonicalized with
RDFC-1.0; the proof configuration is read with the document's ``@context`` (§3.2.5), so the proof
itself needs none.
"""

from __future__ import annotations

from typing import Final

from meritpass.core.documents import JsonObject
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.limits import Limits
from meritpass.core.proofs.suites.base import (
    DATA_INTEGRITY_PROOF,
    CanonicalForms,
    Cryptosuite,
    check_proof_options,
    unchanged_proof,
    without_context,
)

NAME: Final = "eddsa-rdfc-2022"


def transform(unsecured: JsonObject, loader: DocumentLoader, limits: Limits) -> bytes:
    """Return the canonical N-Quads of the document (§3.2.3), UTF-8 encoded."""
    return canonicalize_document(unsecured, loader=loader, limits=limits).encode("utf-8")


def proof_configuration(
    unsecured: JsonObject, options: JsonObject, loader: DocumentLoader, limits: Limits
) -> bytes:
    """Return the canonical N-Quads of the proof options under the document's context (§3.2.5)."""
    check_proof_options(options, SUITE)
    config = without_context(options)
    if "@context" in unsecured:
        config["@context"] = unsecured["@context"]
    return canonicalize_document(config, loader=loader, limits=limits).encode("utf-8")


def canonical_forms(
    unsecured: JsonObject, options: JsonObject, loader: DocumentLoader, limits: Limits
) -> CanonicalForms:
    """Return the canonical document and proof configuration (§3.2.1 steps 2 and 3)."""
    return CanonicalForms(
        document=transform(unsecured, loader, limits),
        proof_configuration=proof_configuration(unsecured, options, loader, limits),
    )


SUITE: Final = Cryptosuite(
    name=NAME,
    proof_type=DATA_INTEGRITY_PROOF,
    cryptosuite=NAME,
    prepare_proof=unchanged_proof,
    signing_forms=canonical_forms,
    verification_forms=canonical_forms,
)
