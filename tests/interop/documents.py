"""Small builders for the documents an interoperability test hands the harness."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

Json = dict[str, Any]

DATA = Path(__file__).resolve().parents[1] / "data"
VECTORS = DATA / "standards" / "vectors"
TYPICAL_CREDENTIAL = DATA / "credentials" / "ob3-microcredential.json"
# The smallest list the Bitstring Status List spec allows (16 KiB), for herd privacy.
STATUS_LIST_BITS = 131_072


def load_json(path: Path) -> Json:
    """Read one JSON document."""
    document: Json = json.loads(path.read_text(encoding="utf-8"))
    return document


def w3c_key() -> Json:
    """The W3C vc-di-eddsa test key, with the secret key under its Multikey name."""
    pair = load_json(VECTORS / "keyPair.json")
    return {
        "publicKeyMultibase": pair["publicKeyMultibase"],
        "secretKeyMultibase": pair["privateKeyMultibase"],
    }


def did_web_document(did: str, public_key_multibase: str, *, fragment: str = "key-1") -> Json:
    """A did:web DID document with one Ed25519 Multikey for assertion and authentication."""
    method_id = f"{did}#{fragment}"
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": method_id,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public_key_multibase,
            }
        ],
        "assertionMethod": [method_id],
        "authentication": [method_id],
    }


def encoded_status_list(set_bits: Iterable[int] = (), *, length: int = STATUS_LIST_BITS) -> str:
    """Encode a Bitstring Status List: GZIP, base64url without padding, multibase ``u``.

    Index 0 is the most significant bit of the first byte (Bitstring Status List §4.1).
    """
    bits = bytearray(length // 8)
    for index in set_bits:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0))
    return "u" + packed.rstrip(b"=").decode("ascii")


def status_list_credential(
    url: str, *, issuer: str, encoded_list: str, purpose: str = "revocation"
) -> Json:
    """An unsigned BitstringStatusListCredential published at ``url``."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded_list,
        },
    }
