"""A small credential, keys and a resolver for the proof tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.result import ProofSetResult

Json = dict[str, Any]

KEY = Ed25519Multikey.generate(bytes(range(32)))
OTHER_KEY = Ed25519Multikey.generate(bytes(range(1, 33)))
ISSUER = did_key(KEY)
VM = verification_method_id(KEY)
OTHER_VM = verification_method_id(OTHER_KEY)
CREATED = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)
RESOLVER = StandardResolver()


def credential() -> Json:
    """A minimal VC 2.0 credential issued by the did:key of ``KEY``."""
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2",
        ],
        "id": "urn:uuid:0f5b2c4e-7a1d-4c3e-9b8f-2d6e1a9c4b70",
        "type": ["VerifiableCredential", "ExampleCredential"],
        "issuer": ISSUER,
        "validFrom": "2026-06-12T09:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "name": "Svetsning MIG/MAG"},
    }


def signed(suite: str = "eddsa-jcs-2022", document: Json | None = None, **options: Any) -> Json:
    """Return ``document`` (default: the credential) signed by ``KEY``."""
    options.setdefault("key", KEY)
    options.setdefault("verification_method", VM)
    options.setdefault("created", CREATED)
    return data_integrity.sign(document or credential(), suite=suite, **options)


def verify(document: Json, **options: Any) -> ProofSetResult:
    """Verify with the test resolver at ``NOW`` unless told otherwise."""
    options.setdefault("resolver", RESOLVER)
    options.setdefault("now", NOW)
    return data_integrity.verify(document, **options)


def codes(result: ProofSetResult) -> list[str]:
    return [item.code for item in result]
