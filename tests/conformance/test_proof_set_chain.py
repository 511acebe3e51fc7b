"""Proof sets and proof chains: the W3C vc-di-eddsa ``proof-set-chain`` vectors.

Four keys sign the alumni credential in turn: two independent proofs (a proof set), then a proof
chained to both, then one chained to that. Each step is reproduced from its configuration, the
temporary documents the vectors show are exactly what the chained proofs sign, and every signed
document verifies (the controller check is off: the issuer does not control these did:keys).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.keys import multibase
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.chains import matching_proofs, previous_proof_ids

VECTORS = Path(__file__).parents[1] / "data/standards/vectors/proof-set-chain"
NOW = datetime.fromisoformat("2025-06-01T00:00:00+00:00")
Json = dict[str, Any]

# (the document signed so far, the configuration, the key, the signed result)
STEPS = [
    ("unsigned", "proofSetConfig1", "keyPair1", "signedProofSet1"),
    ("signedProofSet1", "proofSetConfig2", "keyPair2", "signedProofSet2"),
    ("signedProofSet2", "proofChainConfig1", "keyPair3", "signedProofChain1"),
    ("signedProofChain1", "proofChainConfig2", "keyPair4", "signedProofChain2"),
]


def load(name: str) -> Json:
    value: Json = json.loads((VECTORS / f"{name}.json").read_text("utf-8"))
    return value


def key(name: str) -> Ed25519Multikey:
    return Ed25519Multikey.from_multikey(load("multiKeyPairs")[name])


def add_proof(document: Json, config: Json, key_name: str) -> Json:
    return data_integrity.sign(
        document,
        key=key(key_name),
        verification_method=config["verificationMethod"],
        created=datetime.fromisoformat(config["created"]),
        proof_id=config.get("id"),
        previous_proof=config.get("previousProof"),
    )


def test_the_keys_match_their_public_halves() -> None:
    for name, pair in load("multiKeyPairs").items():
        assert key(name).public_key_multibase == pair["publicKeyMultibase"]


@pytest.mark.parametrize(
    ("before", "config", "key_name", "after"), STEPS, ids=[s[3] for s in STEPS]
)
def test_each_step_is_reproduced(before: str, config: str, key_name: str, after: str) -> None:
    secured = add_proof(load(before), load(config), key_name)
    assert secured == load(after)
    new_proof = secured["proof"] if isinstance(secured["proof"], dict) else secured["proof"][-1]
    signed_config = load(config.replace("Config", "ConfigSigned"))
    assert new_proof == signed_config


@pytest.mark.parametrize(
    ("before", "config", "key_name", "after"), STEPS, ids=[s[3] for s in STEPS]
)
def test_each_signed_document_verifies(before: str, config: str, key_name: str, after: str) -> None:
    document = load(after)
    result = data_integrity.verify(document, resolver=StandardResolver(), now=NOW)
    assert result.verified
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    assert [item.verification_method for item in result] == [
        proof["verificationMethod"] for proof in proofs
    ]


@pytest.mark.parametrize(
    ("before", "config", "temporary"),
    [
        ("signedProofSet2", "proofChainConfig1", "proofChainTempDoc1"),
        ("signedProofChain1", "proofChainConfig2", "proofChainTempDoc2"),
    ],
)
def test_a_chained_proof_signs_the_document_with_its_previous_proofs(
    before: str, config: str, temporary: str
) -> None:
    document, options = load(before), load(config)
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    unsecured["proof"] = matching_proofs(document["proof"], previous_proof_ids(options))
    assert unsecured == load(temporary)
    suite = data_integrity.SUITES["eddsa-rdfc-2022"]
    forms = suite.signing_forms(load(temporary), options, bundled_loader, DEFAULT_LIMITS)
    signature = multibase.decode(load(config.replace("Config", "ConfigSigned"))["proofValue"])
    signer = next(
        name
        for name, pair in load("multiKeyPairs").items()
        if pair["publicKeyMultibase"] in options["verificationMethod"]
    )
    assert key(signer).verify(signature, forms.hash_data)


def test_a_chained_proof_does_not_verify_without_its_previous_proofs() -> None:
    document = load("signedProofChain2")
    suite = data_integrity.SUITES["eddsa-rdfc-2022"]
    final = document["proof"][-1]
    options = {name: value for name, value in final.items() if name != "proofValue"}
    bare = {name: value for name, value in document.items() if name != "proof"}
    forms = suite.signing_forms(bare, options, bundled_loader, DEFAULT_LIMITS)
    assert not key("keyPair4").verify(multibase.decode(final["proofValue"]), forms.hash_data)


def test_dropping_a_proof_from_the_chain_fails_the_proofs_that_build_on_it() -> None:
    document = load("signedProofChain2")
    del document["proof"][2]  # urn:uuid:d94f…, which the last proof chains to
    result = data_integrity.verify(document, resolver=StandardResolver(), now=NOW)
    assert [item.code for item in result] == [
        "proof.verified",
        "proof.verified",
        "proof.previous_proof_missing",
    ]
