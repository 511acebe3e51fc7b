"""Proof sets and chains: every proof is checked, and a chain holds only while its links hold."""

from __future__ import annotations

import pytest

from meritpass.core.errors import InputError
from meritpass.core.proofs.chains import check_chains, matching_proofs, previous_proof_ids
from meritpass.core.proofs.result import ProofResult
from tests.unit.core.proofs.support import OTHER_KEY, OTHER_VM, Json, codes, signed, verify


def chain() -> Json:
    """a ← b ← c: b signs over a, c over b."""
    first = signed("eddsa-rdfc-2022", proof_id="urn:uuid:a")
    second = signed(
        "eddsa-jcs-2022",
        first,
        key=OTHER_KEY,
        verification_method=OTHER_VM,
        proof_id="urn:uuid:b",
        previous_proof="urn:uuid:a",
    )
    return signed("eddsa-jcs-2022", second, previous_proof="urn:uuid:b")


def test_a_chain_verifies_link_by_link() -> None:
    result = verify(chain())
    assert result.verified
    assert [item.index for item in result] == [0, 1, 2]
    assert [item.proof_id for item in result] == ["urn:uuid:a", "urn:uuid:b", None]


def test_a_broken_first_link_fails_everything_above_it() -> None:
    result = verify(chain(), allowed_suites={"eddsa-jcs-2022"})  # a is eddsa-rdfc-2022
    assert codes(result) == [
        "proof.suite_not_allowed",
        "proof.previous_proof_invalid",
        "proof.previous_proof_invalid",
    ]
    assert result.results[2].params == {"id": "urn:uuid:a"}  # the link that broke


def test_a_chained_proof_signs_its_previous_proof() -> None:
    document = chain()
    document["proof"][0]["created"] = "2026-06-12T09:00:01Z"  # breaks a, and b signed a as it was
    assert codes(verify(document)) == [
        "proof.invalid_signature",
        "proof.invalid_signature",
        "proof.previous_proof_invalid",
    ]


def test_removing_a_previous_proof_breaks_the_chain() -> None:
    document = chain()
    del document["proof"][0]
    assert codes(verify(document)) == [
        "proof.previous_proof_missing",
        "proof.previous_proof_invalid",
    ]


def test_a_proof_set_reports_each_proof() -> None:
    document = signed(
        document=signed(proof_id="urn:uuid:a"), key=OTHER_KEY, verification_method=OTHER_VM
    )
    document["proof"][1]["proofPurpose"] = "authentication"
    result = verify(document)
    assert codes(result) == ["proof.verified", "proof.wrong_purpose"]
    assert not result.verified


def test_a_duplicated_previous_proof_id_is_ambiguous() -> None:
    document = chain()
    document["proof"][2]["id"] = "urn:uuid:a"
    assert "proof.previous_proof_ambiguous" in codes(verify(document))


def test_a_proof_naming_itself_fails() -> None:
    document = signed(proof_id="urn:uuid:a")
    document["proof"]["previousProof"] = "urn:uuid:a"
    assert codes(verify(document)) == ["proof.previous_proof_cycle"]


@pytest.mark.parametrize("value", [7, [], [7], {"id": "urn:uuid:a"}, ["urn:uuid:a", None]])
def test_a_malformed_previous_proof_fails(value: object) -> None:
    document = chain()
    document["proof"][2]["previousProof"] = value
    assert codes(verify(document))[2] == "proof.malformed_previous_proof"


def test_matching_keeps_document_order_and_needs_every_id() -> None:
    proofs: list[object] = [{"id": "b"}, "junk", {"id": "a"}, {"id": ["a"]}]
    assert matching_proofs(proofs, ["a", "b"]) == [{"id": "b"}, {"id": "a"}]  # type: ignore[arg-type]
    with pytest.raises(InputError):
        matching_proofs(proofs, ["c"])  # type: ignore[arg-type]


def test_previous_proof_ids() -> None:
    assert previous_proof_ids({}) == []
    assert previous_proof_ids({"previousProof": "a"}) == ["a"]
    assert previous_proof_ids({"previousProof": ["a", "b"]}) == ["a", "b"]


def test_a_cycle_of_verified_proofs_does_not_loop() -> None:
    proofs: list[object] = [
        {"id": "a", "previousProof": "b"},
        {"id": "b", "previousProof": "a"},
    ]
    results = [ProofResult(verified=True, code="proof.verified", index=i) for i in range(2)]
    assert all(item.verified for item in check_chains(proofs, results))  # type: ignore[arg-type]
