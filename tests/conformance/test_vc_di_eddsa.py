"""The W3C vc-di-eddsa test vectors (tests/data/standards/vectors, see SOURCE.txt).

For eddsa-rdfc-2022 (the alumni credential and the ``employ/`` example), eddsa-jcs-2022 and the
legacy Ed25519Signature2020, every intermediate value is checked: canonical document, canonical
proof configuration, the three hashes, the signature and the ``proofValue``; signing the unsigned
document with the vector key and ``created`` must give the signed document exactly, and the signed
document must verify.

The vectors' issuer (``https://vc.example/issuers/5678``) is not the controller of the did:key
that signed them, so they verify with the controller check off (``expected_controller=None``);
with the issuer as expected controller they fail with ``proof.controller_mismatch``, as they should.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.keys import multibase
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.suites.base import CanonicalForms

VECTORS = Path(__file__).parents[1] / "data/standards/vectors"
CREATED = datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC)
NOW = datetime(2025, 6, 1, tzinfo=UTC)
Json = dict[str, Any]


@dataclass(frozen=True)
class Vector:
    suite: str
    folder: str
    suffix: str
    unsigned: str = "unsigned.json"

    def text(self, name: str) -> str:
        return (VECTORS / self.folder / f"{name}{self.suffix}.txt").read_text("utf-8")

    def json(self, name: str) -> Json:
        value: Json = json.loads((VECTORS / self.folder / f"{name}{self.suffix}.json").read_text())
        return value

    def hex(self, name: str) -> bytes:
        return bytes.fromhex(self.text(name).strip())


VECTOR_SET = [
    Vector("eddsa-rdfc-2022", "eddsa-rdfc-2022", "DataInt"),
    Vector("eddsa-rdfc-2022", "eddsa-rdfc-2022/employ", "DataInt", "employmentAuth.json"),
    Vector("eddsa-jcs-2022", "eddsa-jcs-2022", "JCS"),
    Vector("Ed25519Signature2020", "Ed25519Signature2020", "EdSig"),
]
IDS = ["eddsa-rdfc-2022", "eddsa-rdfc-2022-employ", "eddsa-jcs-2022", "Ed25519Signature2020"]


def key() -> Ed25519Multikey:
    return Ed25519Multikey.from_multikey(json.loads((VECTORS / "keyPair.json").read_text()))


def unsigned(vector: Vector) -> Json:
    """The unsigned document; the legacy vector adds its suite context before signing."""
    document: Json = json.loads((VECTORS / vector.unsigned).read_text())
    document["@context"] = vector.json("signed")["@context"]
    return document


def forms(vector: Vector) -> CanonicalForms:
    suite = data_integrity.SUITES[vector.suite]
    config = vector.json("proofConfig")
    return suite.signing_forms(unsigned(vector), config, bundled_loader, DEFAULT_LIMITS)


@pytest.fixture(params=VECTOR_SET, ids=IDS)
def vector(request: pytest.FixtureRequest) -> Vector:
    value: Vector = request.param
    return value


def test_the_key_pair(vector: Vector) -> None:
    pair = key()
    assert pair.public_key_multibase == "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    assert pair.export_secret_key_multibase() == "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"


def test_canonical_document(vector: Vector) -> None:
    assert forms(vector).document.decode("utf-8") == vector.text("canonDoc")


def test_canonical_proof_configuration(vector: Vector) -> None:
    assert forms(vector).proof_configuration.decode("utf-8") == vector.text("proofCanon")


def test_hashes(vector: Vector) -> None:
    computed = forms(vector)
    assert computed.document_hash == vector.hex("docHash")
    assert computed.proof_hash == vector.hex("proofHash")
    assert computed.hash_data == vector.hex("combinedHash")


def test_signature_and_proof_value(vector: Vector) -> None:
    signature = key().sign(vector.hex("combinedHash"))
    assert signature == vector.hex("sigHex")
    assert multibase.encode(signature) == vector.text("sigBTC58").strip()
    assert vector.json("signed")["proof"]["proofValue"] == vector.text("sigBTC58").strip()


def test_signing_reproduces_the_signed_document(vector: Vector) -> None:
    config = vector.json("proofConfig")
    secured: Json = data_integrity.sign(
        unsigned(vector),
        key=key(),
        verification_method=config["verificationMethod"],
        suite=vector.suite,
        created=CREATED,
    )
    expected = vector.json("signed")
    assert secured == expected
    assert list(secured["proof"]) == list(expected["proof"])


def test_the_signed_document_verifies(vector: Vector) -> None:
    result = data_integrity.verify(vector.json("signed"), resolver=StandardResolver(), now=NOW)
    assert result.verified
    (proof,) = result
    assert proof.suite == vector.suite
    assert proof.controller == f"did:key:{key().public_key_multibase}"


def test_the_issuer_does_not_control_the_vector_key(vector: Vector) -> None:
    document = vector.json("signed")
    issuer = document["issuer"] if isinstance(document["issuer"], str) else document["issuer"]["id"]
    result = data_integrity.verify(
        document, resolver=StandardResolver(), now=NOW, expected_controller=issuer
    )
    assert [item.code for item in result] == ["proof.controller_mismatch"]


def test_a_changed_signed_document_fails(vector: Vector) -> None:
    document = vector.json("signed")
    document["validFrom"] = "2000-01-01T00:00:00Z"
    result = data_integrity.verify(document, resolver=StandardResolver(), now=NOW)
    assert [item.code for item in result] == ["proof.invalid_signature"]
