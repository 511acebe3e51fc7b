"""did:key for Ed25519 keys (https://w3c-ccg.github.io/did-key-spec/).

The identifier is the key's ``publicKeyMultibase``; the DID document is generated from it, never
fetched. The key can be presented as a ``Multikey`` (the default) or, for the legacy
``Ed25519Signature2020`` suite, as an ``Ed25519VerificationKey2020``: the key bytes are the same.
"""

from __future__ import annotations

from typing import Final

from meritpass.core.documents import JsonObject
from meritpass.core.errors import DidError, InputError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.keys.multikey import MULTIKEY_CONTEXT, Ed25519Multikey

PREFIX: Final = "did:key:"
DID_CONTEXT: Final = "https://www.w3.org/ns/did/v1"
ED25519_2020_CONTEXT: Final = "https://w3id.org/security/suites/ed25519-2020/v1"
MULTIKEY: Final = "Multikey"
ED25519_VERIFICATION_KEY_2020: Final = "Ed25519VerificationKey2020"
RELATIONSHIPS: Final = (
    "authentication",
    "assertionMethod",
    "capabilityInvocation",
    "capabilityDelegation",
)
_CONTEXTS: Final = {
    MULTIKEY: MULTIKEY_CONTEXT,
    ED25519_VERIFICATION_KEY_2020: ED25519_2020_CONTEXT,
}


def did_key(key: Ed25519Multikey) -> str:
    """Return the did:key identifier of ``key``."""
    return PREFIX + key.public_key_multibase


def verification_method_id(key: Ed25519Multikey) -> str:
    """Return the id of the key's verification method: ``did:key:z…#z…``."""
    return f"{did_key(key)}#{key.public_key_multibase}"


def key_from_did_key(did: str) -> Ed25519Multikey:
    """Return the public key that a did:key identifier encodes."""
    if not did.startswith(PREFIX):
        raise DidError("did.key_invalid", did=excerpt(did))
    fingerprint = did[len(PREFIX) :]
    try:
        return Ed25519Multikey.from_public_key_multibase(fingerprint)
    except InputError as error:
        unsupported = error.code == "key.not_ed25519_public"
        code = "did.key_unsupported" if unsupported else "did.key_invalid"
        raise DidError(code, did=excerpt(did)) from None


def resolve_did_key(did: str, *, verification_method_type: str = MULTIKEY) -> JsonObject:
    """Return the DID document of a did:key, its one key in every verification relationship."""
    if verification_method_type not in _CONTEXTS:
        raise DidError("did.unsupported_key_type", type=excerpt(verification_method_type))
    key = key_from_did_key(did)
    method = key.to_verification_method(did, type=verification_method_type)
    method_id = method["id"]
    document: JsonObject = {
        "@context": [DID_CONTEXT, _CONTEXTS[verification_method_type]],
        "id": did,
        "verificationMethod": [method],
    }
    for relationship in RELATIONSHIPS:
        document[relationship] = [method_id]
    return document
