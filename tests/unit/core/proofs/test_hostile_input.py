"""Any JSON in a proof or a signed document gives failed results, never an exception."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meritpass.core.messages import catalogue
from tests.unit.core.proofs.support import signed, verify

JSON: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
PROOF_FIELDS = st.sampled_from(
    [
        "type",
        "cryptosuite",
        "verificationMethod",
        "proofPurpose",
        "proofValue",
        "created",
        "expires",
        "previousProof",
        "id",
        "@context",
        "challenge",
        "domain",
    ]
)
SECURED = {suite: signed(suite) for suite in ("eddsa-jcs-2022", "eddsa-rdfc-2022")}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.sampled_from(sorted(SECURED)), PROOF_FIELDS, JSON)
def test_any_value_in_a_proof_field(suite: str, field: str, value: object) -> None:
    document = SECURED[suite] | {"proof": SECURED[suite]["proof"] | {field: value}}
    for result in verify(document):
        assert result.code in catalogue()
        assert result.verified == (result.code == "proof.verified")


@FAST
@given(st.text(max_size=12), JSON)
def test_any_change_to_a_jcs_document_fails(name: str, value: object) -> None:
    original = SECURED["eddsa-jcs-2022"]
    document = original | {name: value}
    if name == "proof" or document == original:
        return
    result = verify(document)
    assert not result.verified
    assert all(item.code in catalogue() for item in result)


@FAST
@given(st.text(max_size=12), JSON)
def test_any_change_to_an_rdfc_document_gives_a_result(name: str, value: object) -> None:
    # JSON that does not change the RDF (a null value, say) keeps an RDFC signature valid.
    document = SECURED["eddsa-rdfc-2022"] | {name: value}
    if name == "proof":
        return
    for result in verify(document):
        assert result.code in catalogue()
