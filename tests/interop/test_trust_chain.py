"""The reference implementation verifies the micro-credential with its whole trust chain.

The credential embeds three signed endorsement credentials (accreditation, approval, recognition)
and uses the Meritpass extension context; the reference expands in safe mode, so any term the
context failed to define would fail here too.
"""

from __future__ import annotations

import pytest

from meritpass.core.jsonld.rdfc import canonicalize_document
from tests.factories import STATUS_URL, TrustChain, trust_chain
from tests.interop.node import NodeHarness

pytestmark = [pytest.mark.interop, pytest.mark.xdist_group("interop")]

NOW_TEXT = "2026-11-24T12:00:00Z"


@pytest.fixture(scope="module")
def chain() -> TrustChain:
    return trust_chain()


def test_the_reference_verifies_the_micro_credential(
    node_harness: NodeHarness, chain: TrustChain
) -> None:
    signed = chain.signed_credential()
    documents = {STATUS_URL: chain.status_list()}
    assert node_harness.verify(signed, kind="credential", documents=documents, now=NOW_TEXT) == (
        True,
        [],
    )


@pytest.mark.parametrize("name", ["accreditation", "recognition", "approval"])
def test_the_reference_verifies_each_endorsement(
    node_harness: NodeHarness, chain: TrustChain, name: str
) -> None:
    endorsement = getattr(chain, name)
    assert node_harness.verify(endorsement, kind="credential", now=NOW_TEXT) == (True, [])


def test_both_implementations_canonicalize_the_credential_alike(
    node_harness: NodeHarness, chain: TrustChain
) -> None:
    credential = chain.credential()
    assert node_harness.canonize(credential) == canonicalize_document(credential)
