"""Proof sets and proof chains (https://www.w3.org/TR/vc-data-integrity/#proof-sets).

A proof that names ``previousProof`` signs the document together with the proofs it names, so it
is checked over the same input, and it holds only while every proof up its chain holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import InputError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.proofs.result import ProofResult


def previous_proof_ids(proof: JsonObject) -> list[str]:
    """Return the ids in a proof's ``previousProof`` (a string or a non-empty list of strings)."""
    value = proof.get("previousProof")
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return [item for item in value if isinstance(item, str)]
    raise InputError("proof.malformed_previous_proof")


def matching_proofs(proofs: Sequence[JsonValue], ids: Sequence[str]) -> list[JsonObject]:
    """Return the proofs whose ``id`` is in ``ids``, in document order; each id must match once."""
    identified = [p for p in proofs if isinstance(p, dict) and isinstance(p.get("id"), str)]
    for proof_id in ids:
        count = sum(1 for proof in identified if proof["id"] == proof_id)
        if count == 0:
            raise InputError("proof.previous_proof_missing", id=excerpt(proof_id))
        if count > 1:
            raise InputError("proof.previous_proof_ambiguous", id=excerpt(proof_id))
    wanted = set(ids)
    return [proof for proof in identified if proof["id"] in wanted]


def check_chains(
    proofs: Sequence[JsonValue], results: Sequence[ProofResult]
) -> tuple[ProofResult, ...]:
    """Fail every verified proof that builds, directly or further up its chain, on a failed one."""
    positions: dict[str, int] = {}
    for index, proof in enumerate(proofs):
        if isinstance(proof, dict) and isinstance(proof_id := proof.get("id"), str):
            positions[proof_id] = index
    checked = list(results)
    for index, result in enumerate(results):
        broken = _broken_link(index, proofs, results, positions) if result.verified else None
        if broken is not None:
            checked[index] = replace(
                result,
                verified=False,
                code="proof.previous_proof_invalid",
                params=MappingProxyType({"id": excerpt(broken)}),
            )
    return tuple(checked)


def _broken_link(
    index: int,
    proofs: Sequence[JsonValue],
    results: Sequence[ProofResult],
    positions: dict[str, int],
) -> str | None:
    seen = {index}
    pending = _ids(proofs[index])
    while pending:
        proof_id = pending.pop()
        position = positions.get(proof_id)
        if position is None or not results[position].verified:
            return proof_id
        if position not in seen:
            seen.add(position)
            pending.extend(_ids(proofs[position]))
    return None


def _ids(proof: JsonValue) -> list[str]:
    if not isinstance(proof, dict):
        return []
    try:
        return previous_proof_ids(proof)
    except InputError:
        return []
