"""did:key for Ed25519: identifier, DID document, and the legacy key presentation."""

from __future__ import annotations

import pytest

from meritpass.core.did import key as did_key
from meritpass.core.errors import DidError
from meritpass.core.keys.multikey import Ed25519Multikey

PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
DID = f"did:key:{PUBLIC}"
VM = f"{DID}#{PUBLIC}"


def test_identifier_and_verification_method_id() -> None:
    key = Ed25519Multikey.from_public_key_multibase(PUBLIC)
    assert did_key.did_key(key) == DID
    assert did_key.verification_method_id(key) == VM
    assert did_key.key_from_did_key(DID) == key


def test_the_document_lists_the_key_as_a_multikey_in_four_relationships() -> None:
    document = did_key.resolve_did_key(DID)
    assert document == {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": DID,
        "verificationMethod": [
            {"id": VM, "type": "Multikey", "controller": DID, "publicKeyMultibase": PUBLIC}
        ],
        "authentication": [VM],
        "assertionMethod": [VM],
        "capabilityInvocation": [VM],
        "capabilityDelegation": [VM],
    }


def test_the_same_key_can_be_presented_as_ed25519_verification_key_2020() -> None:
    document = did_key.resolve_did_key(DID, verification_method_type="Ed25519VerificationKey2020")
    assert document["@context"] == [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/suites/ed25519-2020/v1",
    ]
    assert document["verificationMethod"] == [
        {
            "id": VM,
            "type": "Ed25519VerificationKey2020",
            "controller": DID,
            "publicKeyMultibase": PUBLIC,
        }
    ]


def test_other_presentations_are_refused() -> None:
    with pytest.raises(DidError) as caught:
        did_key.resolve_did_key(DID, verification_method_type="JsonWebKey2020")
    assert caught.value.code == "did.unsupported_key_type"


@pytest.mark.parametrize(
    ("did", "code"),
    [
        ("did:web:example.com", "did.key_invalid"),
        ("did:key:", "did.key_invalid"),
        ("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", "did.key_invalid"),
        (f"{DID}#{PUBLIC}", "did.key_invalid"),  # a DID URL, not a DID
        ("did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76", "did.key_unsupported"),
    ],
)
def test_malformed_or_unsupported_did_keys_are_refused(did: str, code: str) -> None:
    with pytest.raises(DidError) as caught:
        did_key.resolve_did_key(did)
    assert caught.value.code == code
