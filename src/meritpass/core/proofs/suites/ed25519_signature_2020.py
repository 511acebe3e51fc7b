"""The legacy Ed25519Signature2020 suite (https://w3c-ccg.github.io/di-eddsa-2020/).

Still common in Open Badges 3.0 credentials. It canonicalizes like eddsa-rdfc-2022 (URDNA2015 is
RDFC-1.0), reads the proof options with the document's ``@context`` unless the proof brings its
own, and names no ``cryptosuite``. The document must include the suite's context, which alone
defines the proof type: without it the type would not be part of what is signed.
"""

from __future__ import annotations

from typing import Final

from meritpass.core.did.key import ED25519_2020_CONTEXT
from meritpass.core.documents import JsonObject
from meritpass.core.errors import InputError
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.limits import Limits
from meritpass.core.proofs.suites.base import (
    CanonicalForms,
    Cryptosuite,
    check_proof_options,
    context_list,
    unchanged_proof,
)

NAME: Final = "Ed25519Signature2020"
_SIGNATURE_PROPERTIES: Final = frozenset({"proofValue", "jws", "signatureValue"})


def canonical_forms(
    unsecured: JsonObject, options: JsonObject, loader: DocumentLoader, limits: Limits
) -> CanonicalForms:
    """Return the canonical document and the canonical proof options."""
    if ED25519_2020_CONTEXT not in context_list(unsecured.get("@context")):
        raise InputError("proof.missing_suite_context", suite=NAME, context=ED25519_2020_CONTEXT)
    check_proof_options(options, SUITE)
    config: JsonObject = {"@context": unsecured.get("@context")}
    config.update((k, v) for k, v in options.items() if k not in _SIGNATURE_PROPERTIES)
    return CanonicalForms(
        document=canonicalize_document(unsecured, loader=loader, limits=limits).encode("utf-8"),
        proof_configuration=canonicalize_document(config, loader=loader, limits=limits).encode(
            "utf-8"
        ),
    )


SUITE: Final = Cryptosuite(
    name=NAME,
    proof_type=NAME,
    cryptosuite=None,
    prepare_proof=unchanged_proof,
    signing_forms=canonical_forms,
    verification_forms=canonical_forms,
)
