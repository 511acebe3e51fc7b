"""What every cryptosuite provides, and the hashing they share.

All three suites sign ``SHA-256(canonical proof configuration) ‖ SHA-256(canonical document)``
with Ed25519 and write the signature as a base58btc multibase ``proofValue``; they differ in
canonicalization (RDFC-1.0 or JCS) and in how the proof configuration gets its ``@context``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import ProofError
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.limits import Limits
from meritpass.core.proofs.datetimes import parse_datetime_stamp

DATA_INTEGRITY_PROOF: Final = "DataIntegrityProof"

#: (unsecured document, proof options, loader, limits) → canonical forms
Canonicalize = Callable[[JsonObject, JsonObject, DocumentLoader, Limits], "CanonicalForms"]
#: (unsecured document, proof options) → the proof as it is signed and published, minus its value
PrepareProof = Callable[[JsonObject, JsonObject], JsonObject]


@dataclass(frozen=True, slots=True)
class CanonicalForms:
    """The canonical document and canonical proof configuration, and the hashes over them."""

    document: bytes
    proof_configuration: bytes

    @property
    def document_hash(self) -> bytes:
        """SHA-256 of the canonical document (32 bytes)."""
        return hashlib.sha256(self.document).digest()

    @property
    def proof_hash(self) -> bytes:
        """SHA-256 of the canonical proof configuration (32 bytes)."""
        return hashlib.sha256(self.proof_configuration).digest()

    @property
    def hash_data(self) -> bytes:
        """The 64 bytes that are signed: the proof hash followed by the document hash."""
        return self.proof_hash + self.document_hash


@dataclass(frozen=True, slots=True)
class Cryptosuite:
    """One proof suite: its identifiers and its canonicalization steps.

    ``name`` is what allow-lists use: the ``cryptosuite`` of a ``DataIntegrityProof``, or the proof
    ``type`` of a legacy suite. ``signing_forms`` canonicalizes for a new proof;
    ``verification_forms`` first applies the suite's verification-only steps (the
    ``@context`` alignment of eddsa-jcs-2022).
    """

    name: str
    proof_type: str
    cryptosuite: str | None
    prepare_proof: PrepareProof
    signing_forms: Canonicalize
    verification_forms: Canonicalize


def check_proof_options(options: Mapping[str, JsonValue], suite: Cryptosuite) -> None:
    """Refuse options of another suite or with a malformed ``created`` (PROOF_GENERATION_ERROR)."""
    if options.get("type") != suite.proof_type or options.get("cryptosuite") != suite.cryptosuite:
        raise ProofError("proof.suite_options", suite=suite.name)
    if "created" in options:
        parse_datetime_stamp(options["created"], name="created")


def unchanged_proof(unsecured: JsonObject, options: JsonObject) -> JsonObject:
    """Return the proof options as the proof: suites whose proof carries no ``@context``."""
    del unsecured
    return dict(options)


def without_context(options: JsonObject) -> JsonObject:
    """Return a copy of ``options`` without its ``@context``."""
    return {name: value for name, value in options.items() if name != "@context"}


def context_list(value: JsonValue | None) -> list[JsonValue]:
    """Return an ``@context`` value as a list (JSON-LD 1.1 §4.1)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
