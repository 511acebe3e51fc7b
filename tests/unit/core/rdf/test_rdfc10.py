"""RDFC-1.0 behaviour beyond the W3C suite: bounds, relabelling, hash algorithms."""

from __future__ import annotations

import pytest

from meritpass.core.errors import CanonicalizationError
from meritpass.core.limits import Limits
from meritpass.core.rdf import nquads
from meritpass.core.rdf.rdfc10 import IdentifierIssuer, canonical_quads, canonicalize

SHARED_HASHES = """
_:a <urn:p> _:b .
_:b <urn:p> _:c .
_:c <urn:p> _:a .
"""


def ring(size: int) -> str:
    return "".join(f"_:n{i} <urn:p> _:n{(i + 1) % size} .\n" for i in range(size))


def test_blank_node_labels_do_not_change_the_result() -> None:
    renamed = SHARED_HASHES.replace("_:a", "_:x").replace("_:b", "_:y").replace("_:c", "_:z")
    assert canonicalize(nquads.parse(SHARED_HASHES)) == canonicalize(nquads.parse(renamed))


def test_unique_first_degree_hashes_are_issued_in_hash_order() -> None:
    dataset = nquads.parse('_:a <urn:p> "1" .\n_:b <urn:p> "2" .\n')
    assert {q[0] for q in canonical_quads(dataset)} == {"_:c14n0", "_:c14n1"}


def test_duplicate_quads_appear_once() -> None:
    quad = ("<urn:s>", "<urn:p>", "<urn:o>", "")
    assert canonicalize([quad, quad]) == "<urn:s> <urn:p> <urn:o> .\n"


def test_too_many_blank_nodes_are_refused() -> None:
    with pytest.raises(CanonicalizationError) as raised:
        canonicalize(nquads.parse(ring(5)), limits=Limits(max_blank_nodes=4))
    assert raised.value.code == "rdfc.too_complex"


def test_n_degree_work_is_bounded() -> None:
    dataset = nquads.parse(ring(6))
    assert canonicalize(dataset).count("\n") == 6
    with pytest.raises(CanonicalizationError):
        canonicalize(dataset, limits=Limits(max_ndegree_calls=5))


def test_sha384_is_supported_and_unknown_algorithms_are_not() -> None:
    dataset = nquads.parse(SHARED_HASHES)
    assert canonicalize(dataset, hash_algorithm="sha384").count("_:c14n") == 6
    with pytest.raises(ValueError, match="md5"):
        canonicalize(dataset, hash_algorithm="md5")


def test_issuer_copies_are_independent() -> None:
    issuer = IdentifierIssuer("b")
    issuer.issue("x")
    copy = issuer.copy()
    copy.issue("y")
    assert issuer.issued == {"x": "b0"}
    assert copy.issued == {"x": "b0", "y": "b1"}
