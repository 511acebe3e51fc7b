"""Adding a proof: a new document, the proof options, proof sets and chains, refusals."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from meritpass.core.errors import InputError, MeritpassError, ProofError
from meritpass.core.proofs.data_integrity import sign
from tests.unit.core.proofs.support import (
    CREATED,
    KEY,
    OTHER_KEY,
    OTHER_VM,
    VM,
    Json,
    codes,
    credential,
    signed,
    verify,
)


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_signing_returns_a_new_document_and_leaves_the_input_alone(suite: str) -> None:
    document = credential()
    before = copy.deepcopy(document)
    secured = signed(suite, document)
    assert document == before
    assert "proof" not in document
    secured["credentialSubject"]["name"] = "changed"
    assert document == before


def test_the_proof_options_in_spec_order() -> None:
    proof = signed(
        "eddsa-rdfc-2022",
        proof_id="urn:uuid:1",
        expires=datetime(2027, 1, 1, tzinfo=UTC),
        proof_purpose="authentication",
        challenge="abc",
        domain="verifier.example",
    )["proof"]
    assert list(proof) == [
        "type",
        "id",
        "cryptosuite",
        "created",
        "expires",
        "verificationMethod",
        "proofPurpose",
        "challenge",
        "domain",
        "proofValue",
    ]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["created"] == "2026-06-12T09:00:00Z"
    assert proof["expires"] == "2027-01-01T00:00:00Z"
    assert proof["proofValue"].startswith("z")


def test_created_is_left_out_when_not_given() -> None:
    secured: Json = sign(credential(), key=KEY, verification_method=VM, suite="eddsa-jcs-2022")
    assert "created" not in secured["proof"]
    assert verify(signed("eddsa-jcs-2022", created=None)).verified


def test_a_jcs_proof_carries_the_document_context() -> None:
    proof = signed("eddsa-jcs-2022")["proof"]
    assert proof["@context"] == credential()["@context"]


def test_a_legacy_proof_has_no_cryptosuite() -> None:
    document = credential()
    document["@context"].append("https://w3id.org/security/suites/ed25519-2020/v1")
    proof = signed("Ed25519Signature2020", document)["proof"]
    assert proof["type"] == "Ed25519Signature2020"
    assert "cryptosuite" not in proof


def test_a_second_proof_makes_a_proof_set() -> None:
    first = signed(proof_id="urn:uuid:a")
    both = signed(
        document=first, key=OTHER_KEY, verification_method=OTHER_VM, proof_id="urn:uuid:b"
    )
    assert [proof["id"] for proof in both["proof"]] == ["urn:uuid:a", "urn:uuid:b"]
    assert both["proof"][0] == first["proof"]
    assert verify(both).verified


def test_a_chained_proof_names_and_signs_its_previous_proofs() -> None:
    first = signed(proof_id="urn:uuid:a")
    chained = signed(document=first, previous_proof="urn:uuid:a")
    assert chained["proof"][1]["previousProof"] == "urn:uuid:a"
    assert verify(chained).verified
    listed = signed(document=first, previous_proof=["urn:uuid:a"])
    assert listed["proof"][1]["previousProof"] == ["urn:uuid:a"]
    assert verify(listed).verified


def test_without_previous_proof_the_new_proof_does_not_sign_the_others() -> None:
    both = signed(document=signed(proof_id="urn:uuid:a"))
    both["proof"][0]["proofValue"] = "z" + "1" * 60
    assert codes(verify(both)) == ["proof.malformed_value", "proof.verified"]


def test_a_previous_proof_must_exist() -> None:
    with pytest.raises(InputError) as caught:
        signed(document=signed(proof_id="urn:uuid:a"), previous_proof="urn:uuid:b")
    assert caught.value.code == "proof.previous_proof_missing"
    with pytest.raises(InputError):
        signed(previous_proof="urn:uuid:a")


@pytest.mark.parametrize(
    ("options", "error", "code"),
    [
        ({"suite": "ecdsa-rdfc-2019"}, ProofError, "proof.unknown_suite"),
        ({"proof_purpose": "everything"}, ProofError, "did.unknown_purpose"),
        ({"key": KEY.public_only()}, ProofError, "key.no_private_key"),
        ({"created": datetime(2026, 1, 1)}, ProofError, "proof.naive_datetime"),
    ],
)
def test_bad_signing_requests_are_refused(
    options: dict[str, object], error: type[MeritpassError], code: str
) -> None:
    with pytest.raises(error) as caught:
        signed(**options)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_a_document_with_a_malformed_proof_cannot_get_another() -> None:
    document = credential() | {"proof": ["not a proof"]}
    with pytest.raises(ProofError) as caught:
        signed(document=document)
    assert caught.value.code == "proof.malformed"


def test_jcs_refuses_numbers_it_cannot_carry_exactly() -> None:
    document = credential() | {"sequence": 2**60}
    with pytest.raises(InputError) as caught:
        signed("eddsa-jcs-2022", document)
    assert caught.value.code == "proof.jcs_unrepresentable"


def test_the_legacy_suite_needs_its_context() -> None:
    with pytest.raises(InputError) as caught:
        signed("Ed25519Signature2020")
    assert caught.value.code == "proof.missing_suite_context"


def test_signing_is_deterministic() -> None:
    assert signed() == signed()
    assert signed(created=CREATED) != signed(created=datetime(2026, 6, 12, 9, 1, tzinfo=UTC))
