"""The JavaScript reference harness is trustworthy before anything is compared against it.

It must accept the W3C signed vectors and reject them after a one-character change, reproduce
the published canonical forms and signatures, check the issuer, status and challenge of
credentials and presentations, stay offline, and survive bad requests.
"""

from __future__ import annotations

import copy
import json

import pytest

from tests.interop.documents import (
    TYPICAL_CREDENTIAL,
    VECTORS,
    Json,
    did_web_document,
    encoded_status_list,
    load_json,
    status_list_credential,
    w3c_key,
)
from tests.interop.node import JS_DIR, HarnessError, NodeHarness, Suite

pytestmark = [pytest.mark.interop, pytest.mark.xdist_group("interop")]

SIGNED = {
    "eddsa-rdfc-2022": "eddsa-rdfc-2022/signedDataInt.json",
    "eddsa-rdfc-2022-employment": "eddsa-rdfc-2022/employ/signedDataInt.json",
    "eddsa-jcs-2022": "eddsa-jcs-2022/signedJCS.json",
    "Ed25519Signature2020": "Ed25519Signature2020/signedEdSig.json",
}
CANONICAL = {
    "rdfc-document": ("eddsa-rdfc-2022/signedDataInt.json", "eddsa-rdfc-2022/canonDocDataInt.txt"),
    "rdfc-proof": (
        "eddsa-rdfc-2022/proofConfigDataInt.json",
        "eddsa-rdfc-2022/proofCanonDataInt.txt",
    ),
    "rdfc-employment-document": (
        "eddsa-rdfc-2022/employ/signedDataInt.json",
        "eddsa-rdfc-2022/employ/canonDocDataInt.txt",
    ),
    "rdfc-employment-proof": (
        "eddsa-rdfc-2022/employ/proofConfigDataInt.json",
        "eddsa-rdfc-2022/employ/proofCanonDataInt.txt",
    ),
    "ed25519-2020-document": (
        "Ed25519Signature2020/signedEdSig.json",
        "Ed25519Signature2020/canonDocEdSig.txt",
    ),
    "ed25519-2020-proof": (
        "Ed25519Signature2020/proofConfigEdSig.json",
        "Ed25519Signature2020/proofCanonEdSig.txt",
    ),
}
SUITE_OF: dict[str, Suite] = {
    "eddsa-rdfc-2022": "eddsa-rdfc-2022",
    "eddsa-rdfc-2022-employment": "eddsa-rdfc-2022",
    "eddsa-jcs-2022": "eddsa-jcs-2022",
    "Ed25519Signature2020": "Ed25519Signature2020",
}
ISSUER = "did:web:meritpass.example:org:yrkesakademin"
STATUS_LIST = "https://meritpass.example/status/yrkesakademin/1"
STATUS_INDEX = 94567
NOW = "2026-07-01T00:00:00Z"
CREATED = "2026-06-12T09:00:00Z"


def vector(name: str) -> Json:
    return load_json(VECTORS / SIGNED[name])


def without_proof(document: Json) -> Json:
    return {name: value for name, value in document.items() if name != "proof"}


def change_one_character(text: str, at: int) -> str:
    replacement = "2" if text[at] != "2" else "3"
    return text[:at] + replacement + text[at + 1 :]


# The harness itself.


def test_runs_the_pinned_reference_packages(node_harness: NodeHarness) -> None:
    pinned = json.loads((JS_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]
    contexts = json.loads(
        (JS_DIR.parents[1] / "src/meritpass/core/jsonld/contexts/index.json").read_text("utf-8")
    )
    answer = node_harness.ping()
    assert {name: answer["packages"][name] for name in pinned} == pinned
    assert answer["contexts"] == len(contexts)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{not json", "malformed request"),
        ('["sign"]', "unknown op"),
        ('{"op": "launch"}', 'unknown op "launch"'),
        ('{"op": "sign", "suite": "eddsa-rdfc-2022", "document": {}}', "key.publicKeyMultibase"),
        ('{"op": "verify", "document": "{}"}', '"document" must be a JSON object'),
        ('{"op": "canonize", "document": {}, "documents": []}', '"documents" must be an object'),
    ],
)
def test_answers_a_malformed_request_and_keeps_running(
    node_harness: NodeHarness, line: str, error: str
) -> None:
    response = node_harness.exchange(line)
    assert response["ok"] is False
    assert error in response["error"]
    assert node_harness.verify(vector("eddsa-rdfc-2022"), kind="document") == (True, [])


def test_refuses_an_unknown_context_without_touching_the_network(
    node_harness: NodeHarness,
) -> None:
    document = without_proof(vector("eddsa-rdfc-2022"))
    document["@context"] = [*document["@context"], "https://contexts.example/unknown/v1"]
    with pytest.raises(HarnessError, match="offline document loader refused"):
        node_harness.canonize(document)
    verified, errors = node_harness.verify(
        {**document, "proof": vector("eddsa-rdfc-2022")["proof"]}, kind="document"
    )
    assert not verified
    assert any("offline document loader refused" in error for error in errors)
    assert node_harness.network_attempts() == 0


def test_refuses_an_undefined_term_in_safe_mode(node_harness: NodeHarness) -> None:
    document = {"@context": {"name": "https://schema.org/name"}, "name": "x", "nickname": "y"}
    with pytest.raises(HarnessError) as refused:
        node_harness.canonize(document)
    assert str(refused.value).startswith("Safe mode validation error. <- invalid property:")
    assert '"property":"nickname"' in str(refused.value)


# The W3C vc-di-eddsa vectors.


@pytest.mark.parametrize("name", SIGNED)
def test_verifies_the_w3c_signed_vector(node_harness: NodeHarness, name: str) -> None:
    assert node_harness.verify(vector(name), kind="document") == (True, [])


@pytest.mark.parametrize("name", SIGNED)
def test_credential_check_fails_the_vector_because_its_issuer_is_not_the_key(
    node_harness: NodeHarness, name: str
) -> None:
    """The vectors' issuer is not the did:key that signed them, so vc.verifyCredential fails."""
    verified, errors = node_harness.verify(vector(name), kind="credential")
    assert not verified
    assert errors == ["Credential issuer must match the verification method controller."]


@pytest.mark.parametrize("name", SIGNED)
@pytest.mark.parametrize("where", ["name", "proofValue"])
def test_rejects_the_vector_after_a_one_character_change(
    node_harness: NodeHarness, name: str, where: str
) -> None:
    document = vector(name)
    if where == "name":
        document["name"] = change_one_character(document["name"], -1)
    else:
        document["proof"]["proofValue"] = change_one_character(document["proof"]["proofValue"], 20)
    verified, errors = node_harness.verify(document, kind="document")
    assert not verified
    assert errors == ["Invalid signature."]


@pytest.mark.parametrize("name", CANONICAL)
def test_reproduces_the_w3c_canonical_nquads(node_harness: NodeHarness, name: str) -> None:
    source, canonical = CANONICAL[name]
    document = without_proof(load_json(VECTORS / source))
    expected = (VECTORS / canonical).read_text(encoding="utf-8")
    assert node_harness.canonize(document) == expected


@pytest.mark.parametrize("name", SIGNED)
def test_signing_reproduces_the_w3c_signed_vector(node_harness: NodeHarness, name: str) -> None:
    signed = vector(name)
    proof = signed["proof"]
    again = node_harness.sign(
        without_proof(signed),
        suite=SUITE_OF[name],
        key=w3c_key(),
        created=proof["created"],
        kind="document",
    )
    assert again == signed


# A typical Meritpass credential, its issuer's did:web document and its status list.


def issuer_documents(
    node_harness: NodeHarness, *, revoked: tuple[int, ...] = ()
) -> dict[str, Json]:
    key = w3c_key()
    status_list = node_harness.sign(
        status_list_credential(
            STATUS_LIST, issuer=ISSUER, encoded_list=encoded_status_list(revoked)
        ),
        suite="eddsa-rdfc-2022",
        key=key,
        controller=ISSUER,
        verification_method=f"{ISSUER}#key-1",
        created=CREATED,
    )
    return {ISSUER: did_web_document(ISSUER, key["publicKeyMultibase"]), STATUS_LIST: status_list}


@pytest.fixture(scope="module")
def documents(node_harness: NodeHarness) -> dict[str, Json]:
    return issuer_documents(node_harness)


def issue_typical(node_harness: NodeHarness, suite: Suite) -> Json:
    return node_harness.sign(
        load_json(TYPICAL_CREDENTIAL),
        suite=suite,
        key=w3c_key(),
        controller=ISSUER,
        verification_method=f"{ISSUER}#key-1",
        created=CREATED,
    )


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_signs_and_verifies_the_typical_credential(
    node_harness: NodeHarness, documents: dict[str, Json], suite: Suite
) -> None:
    signed = issue_typical(node_harness, suite)
    assert signed["proof"]["cryptosuite"] == suite
    assert signed["proof"]["verificationMethod"] == f"{ISSUER}#key-1"
    assert without_proof(signed) == load_json(TYPICAL_CREDENTIAL)
    assert node_harness.verify(signed, documents=documents, now=NOW) == (True, [])


def test_fails_the_typical_credential_before_its_valid_from(
    node_harness: NodeHarness, documents: dict[str, Json]
) -> None:
    signed = issue_typical(node_harness, "eddsa-rdfc-2022")
    verified, errors = node_harness.verify(signed, documents=documents, now="2026-01-01T00:00:00Z")
    assert not verified
    assert errors == [
        'The current date time (2026-01-01T00:00:00.000Z) is before "validFrom" '
        "(2026-06-12T09:00:00Z)."
    ]


def test_fails_a_credential_signed_by_a_key_its_issuer_does_not_control(
    node_harness: NodeHarness, documents: dict[str, Json]
) -> None:
    signed = node_harness.sign(
        load_json(TYPICAL_CREDENTIAL), suite="eddsa-rdfc-2022", key=w3c_key(), created=CREATED
    )
    verified, errors = node_harness.verify(signed, documents=documents, now=NOW)
    assert not verified
    assert errors == ["Credential issuer must match the verification method controller."]


def test_fails_a_revoked_credential(node_harness: NodeHarness) -> None:
    signed = issue_typical(node_harness, "eddsa-rdfc-2022")
    revoked = issuer_documents(node_harness, revoked=(STATUS_INDEX,))
    verified, errors = node_harness.verify(signed, documents=revoked, now=NOW)
    assert not verified
    assert errors == [f"credential status: revocation bit {STATUS_INDEX} of {STATUS_LIST} is set"]
    assert node_harness.verify(signed, documents=revoked, now=NOW, status="skip") == (True, [])


def test_fails_when_the_status_list_or_did_document_is_not_given(
    node_harness: NodeHarness, documents: dict[str, Json]
) -> None:
    signed = issue_typical(node_harness, "eddsa-rdfc-2022")
    without_list = {ISSUER: documents[ISSUER]}
    verified, errors = node_harness.verify(signed, documents=without_list, now=NOW)
    assert not verified
    assert any(f'refused "{STATUS_LIST}"' in error for error in errors)
    verified, errors = node_harness.verify(signed, now=NOW, status="skip")
    assert not verified
    assert any(f'refused "{ISSUER}#key-1"' in error for error in errors)
    assert node_harness.network_attempts() == 0


def test_signs_and_verifies_a_presentation_bound_to_a_challenge(
    node_harness: NodeHarness, documents: dict[str, Json]
) -> None:
    holder = node_harness.generate_key(seed=bytes(range(32)))
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder["controller"],
        "verifiableCredential": [issue_typical(node_harness, "eddsa-rdfc-2022")],
    }
    signed = node_harness.sign(
        copy.deepcopy(presentation),
        suite="eddsa-rdfc-2022",
        key=holder,
        created=CREATED,
        challenge="3f1c",
        domain="verifier.example",
    )
    assert signed["proof"]["proofPurpose"] == "authentication"
    assert signed["proof"]["verificationMethod"] == holder["verificationMethod"]
    good = node_harness.verify(
        signed, challenge="3f1c", domain="verifier.example", documents=documents, now=NOW
    )
    assert good == (True, [])
    verified, errors = node_harness.verify(
        signed, challenge="9999", domain="verifier.example", documents=documents, now=NOW
    )
    assert not verified
    assert errors == ['The challenge is not as expected; challenge="3f1c", expected="9999"']
