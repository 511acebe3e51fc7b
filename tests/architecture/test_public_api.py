"""The library API is pinned: adding or removing a public name is a deliberate change."""

from __future__ import annotations

import meritpass

PUBLIC = [
    "Check",
    "Ed25519Multikey",
    "Limits",
    "MeritpassError",
    "Report",
    "VerificationPolicy",
    "generate_key",
    "present",
    "sign",
    "verification_policy",
    "verify_credential",
    "verify_presentation",
]


def test_the_public_names_are_pinned_and_sorted() -> None:
    assert meritpass.__all__ == PUBLIC
    assert sorted(meritpass.__all__) == meritpass.__all__


def test_every_public_name_exists() -> None:
    assert all(hasattr(meritpass, name) for name in meritpass.__all__)


def test_the_library_signs_presents_and_verifies_offline() -> None:
    issuer = meritpass.generate_key(b"\x01" * 32)
    holder = meritpass.generate_key(b"\x02" * 32)
    issuer_did = "did:key:" + issuer.public_key_multibase
    holder_did = "did:key:" + holder.public_key_multibase
    credential = meritpass.sign(
        {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": issuer_did,
            "credentialSubject": {"id": holder_did},
        },
        key=issuer,
        suite="jcs",
    )
    assert meritpass.verify_credential(credential).verified
    presentation = meritpass.present([credential], key=holder, challenge="n-1", domain="x.example")
    assert meritpass.verify_presentation(presentation, challenge="n-1", domain="x.example").verified
    assert not meritpass.verify_presentation(presentation, challenge="n-2").verified
