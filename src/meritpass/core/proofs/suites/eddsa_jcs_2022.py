"""The eddsa-jcs-2022 cryptosuite (https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022).

The document and the proof configuration are canonicalized with JCS (RFC 8785); no JSON-LD
processing happens. A new proof carries the document's ``@context`` (§3.3.1 step 2). A verifier
first checks that the document's ``@context`` begins with the proof's, and then canonicalizes the
document with the proof's ``@context`` (§3.3.2 step 4), which lets contexts be appended after
signing.
"""

from __future__ import annotations

from typing import Final

import rfc8785

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import InputError
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.limits import Limits
from meritpass.core.proofs.suites.base import (
    DATA_INTEGRITY_PROOF,
    CanonicalForms,
    Cryptosuite,
    check_proof_options,
    context_list,
)

NAME: Final = "eddsa-jcs-2022"


def jcs(value: JsonValue) -> bytes:
    """Return the RFC 8785 canonical form of ``value``, or refuse what JSON cannot carry exactly."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, RecursionError):
        raise InputError("proof.jcs_unrepresentable") from None


def canonical_forms(
    unsecured: JsonObject, options: JsonObject, loader: DocumentLoader, limits: Limits
) -> CanonicalForms:
    """Return the canonical document (§3.3.3) and proof configuration (§3.3.5)."""
    del loader, limits
    check_proof_options(options, SUITE)
    return CanonicalForms(document=jcs(unsecured), proof_configuration=jcs(options))


def verification_forms(
    unsecured: JsonObject, options: JsonObject, loader: DocumentLoader, limits: Limits
) -> CanonicalForms:
    """Align the document's ``@context`` with the proof's (§3.3.2 step 4), then canonicalize."""
    if "@context" in options:
        expected = context_list(options["@context"])
        if context_list(unsecured.get("@context"))[: len(expected)] != expected:
            raise InputError("proof.context_mismatch")
        unsecured = {**unsecured, "@context": options["@context"]}
    return canonical_forms(unsecured, options, loader, limits)


def _prepare_proof(unsecured: JsonObject, options: JsonObject) -> JsonObject:
    proof = dict(options)
    if "@context" in unsecured:
        proof["@context"] = unsecured["@context"]
    return proof


SUITE: Final = Cryptosuite(
    name=NAME,
    proof_type=DATA_INTEGRITY_PROOF,
    cryptosuite=NAME,
    prepare_proof=_prepare_proof,
    signing_forms=canonical_forms,
    verification_forms=verification_forms,
)
