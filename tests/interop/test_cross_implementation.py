"""Meritpass and the independent reference implementation (Digital Bazaar, JavaScript) agree.

What Meritpass signs verifies there, what it signs verifies here, tampering is caught on both
sides, and both produce the same canonical N-Quads.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from meritpass.core.credentials.presentation import presentation
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.documents import JsonObject
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.verify import verify_credential, verify_presentation
from tests.factories import NOW, SIGNED_AT, STATUS_URL, Issuer, key
from tests.interop.documents import did_web_document
from tests.interop.node import HarnessError, NodeHarness
from tests.properties.test_to_rdf_differential import credentials as generated_credentials

pytestmark = [pytest.mark.interop, pytest.mark.xdist_group("interop")]

SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022"]
NOW_TEXT = "2026-11-24T12:00:00Z"
CREATED = "2026-06-12T09:00:00Z"
WEB_DID = "did:web:meritpass.example:org:yrkesakademin"


def js_key(signing_key: Ed25519Multikey) -> dict[str, str]:
    return {
        "publicKeyMultibase": signing_key.public_key_multibase,
        "secretKeyMultibase": signing_key.export_secret_key_multibase(),
    }


def policy(*, lists: dict[str, JsonObject], documents: list[JsonObject] = ()) -> VerificationPolicy:  # type: ignore[assignment]
    def fetch(url: str) -> JsonObject:
        return copy.deepcopy(lists[url])

    return VerificationPolicy(
        now=NOW, resolver=StandardResolver(documents=documents), fetch_status_list=fetch
    )


@pytest.mark.parametrize("suite", SUITES)
def test_what_meritpass_signs_verifies_in_the_reference(
    node_harness: NodeHarness, suite: str
) -> None:
    issuer = Issuer()
    signed = issuer.sign(issuer.credential(), suite)
    documents = {STATUS_URL: issuer.status_list()}
    assert node_harness.verify(signed, kind="credential", documents=documents, now=NOW_TEXT) == (
        True,
        [],
    )
    tampered = copy.deepcopy(signed)
    tampered["credentialSubject"]["achievement"]["creditsAvailable"] = 30  # type: ignore[index]
    verified, errors = node_harness.verify(
        tampered, kind="credential", documents=documents, now=NOW_TEXT
    )
    assert not verified
    assert errors


@pytest.mark.parametrize("suite", SUITES)
def test_what_the_reference_signs_verifies_in_meritpass(
    node_harness: NodeHarness, suite: str
) -> None:
    issuer = Issuer()
    status_list = node_harness.sign(
        issuer_status_list_unsigned(issuer),
        suite=suite,
        key=js_key(issuer.signing_key),
        created=CREATED,
    )
    signed = node_harness.sign(
        issuer.credential(), suite=suite, key=js_key(issuer.signing_key), created=CREATED
    )
    report = verify_credential(signed, policy=policy(lists={STATUS_URL: status_list}))
    assert report.verified, report.to_json()
    tampered = copy.deepcopy(signed)
    tampered["issuer"]["name"] = "Någon annan"
    assert not verify_credential(tampered, policy=policy(lists={STATUS_URL: status_list})).verified


def issuer_status_list_unsigned(issuer: Issuer) -> JsonObject:
    signed = issuer.status_list()
    return {name: value for name, value in signed.items() if name != "proof"}


@pytest.mark.parametrize("suite", SUITES)
def test_did_web_issuers_agree(node_harness: NodeHarness, suite: str) -> None:
    issuer_key = key(11)
    did_document = did_web_document(WEB_DID, issuer_key.public_key_multibase)
    issuer = Issuer(signing_key=issuer_key)
    document = issuer.credential(status_index=None)
    document["issuer"]["id"] = WEB_DID  # type: ignore[index]
    ours = sign(
        document,
        key=issuer_key,
        verification_method=f"{WEB_DID}#key-1",
        suite=suite,
        created=SIGNED_AT,
    )
    assert node_harness.verify(
        ours, kind="credential", documents={WEB_DID: did_document}, now=NOW_TEXT
    ) == (True, [])
    theirs = node_harness.sign(
        document,
        suite=suite,
        key=js_key(issuer_key),
        verification_method=f"{WEB_DID}#key-1",
        controller=WEB_DID,
        created=CREATED,
        documents={WEB_DID: did_document},
    )
    report = verify_credential(theirs, policy=policy(lists={}, documents=[did_document]))
    assert report.verified, report.to_json()


def test_legacy_ed25519_signature_2020_from_the_reference_verifies(
    node_harness: NodeHarness,
) -> None:
    issuer = Issuer()
    document = issuer.credential(status_index=None)
    document["@context"] = [
        *document["@context"],
        "https://w3id.org/security/suites/ed25519-2020/v1",
    ]  # type: ignore[misc]
    signed = node_harness.sign(
        document, suite="Ed25519Signature2020", key=js_key(issuer.signing_key), created=CREATED
    )
    report = verify_credential(signed, policy=policy(lists={}))
    assert report.verified, report.to_json()


@pytest.mark.parametrize("suite", SUITES)
def test_presentations_agree_on_holder_challenge_and_domain(
    node_harness: NodeHarness, suite: str
) -> None:
    holder = key(2)
    issuer = Issuer()
    document = issuer.credential(status_index=None)
    document["credentialSubject"]["id"] = did_key(holder)  # type: ignore[index]
    credential = issuer.sign(document, suite)
    ours = sign(
        presentation([credential], holder=did_key(holder)),
        key=holder,
        verification_method=verification_method_id(holder),
        suite=suite,
        proof_purpose="authentication",
        challenge="c-42",
        domain="verifier.example",
        created=SIGNED_AT,
    )
    assert node_harness.verify(
        ours, kind="presentation", challenge="c-42", domain="verifier.example", now=NOW_TEXT
    ) == (True, [])
    assert not node_harness.verify(
        ours, kind="presentation", challenge="c-43", domain="verifier.example", now=NOW_TEXT
    )[0]

    theirs = node_harness.sign(
        presentation([credential], holder=did_key(holder)),
        suite=suite,
        key=js_key(holder),
        challenge="c-42",
        domain="verifier.example",
        created=CREATED,
    )
    report = verify_presentation(
        theirs, policy=policy(lists={}), challenge="c-42", domain="verifier.example"
    )
    assert report.verified, report.to_json()
    assert not verify_presentation(
        theirs, policy=policy(lists={}), challenge="c-43", domain="verifier.example"
    ).verified


def agree_on_canonical_form(node_harness: NodeHarness, document: JsonObject) -> None:
    try:
        ours: str | type[Exception] = canonicalize_document(document)
    except JsonLdError:
        ours = JsonLdError
    try:
        theirs: str | type[Exception] = node_harness.canonize(document)
    except HarnessError:
        theirs = JsonLdError
    assert ours == theirs


def test_canonical_forms_agree_on_the_typical_credential(node_harness: NodeHarness) -> None:
    agree_on_canonical_form(node_harness, Issuer().credential())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=generated_credentials)
def test_canonical_forms_agree_on_generated_credentials(
    node_harness: NodeHarness, document: dict[str, Any]
) -> None:
    agree_on_canonical_form(node_harness, document)
