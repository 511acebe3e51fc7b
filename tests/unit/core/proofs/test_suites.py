"""What differs between the suites: canonical forms, hashing and the proof's @context."""

from __future__ import annotations

import hashlib

import pytest

from meritpass.core.errors import InputError, ProofError
from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.limits import DEFAULT_LIMITS
from meritpass.core.proofs.suites import ed25519_signature_2020, eddsa_jcs_2022, eddsa_rdfc_2022
from meritpass.core.proofs.suites.base import CanonicalForms, check_proof_options, context_list
from tests.unit.core.proofs.support import VM, Json, credential

JCS_OPTIONS: Json = {
    "type": "DataIntegrityProof",
    "cryptosuite": "eddsa-jcs-2022",
    "verificationMethod": VM,
    "proofPurpose": "assertionMethod",
}


def test_hash_data_is_the_proof_hash_then_the_document_hash() -> None:
    forms = CanonicalForms(document=b"document", proof_configuration=b"config")
    assert forms.document_hash == hashlib.sha256(b"document").digest()
    assert forms.proof_hash == hashlib.sha256(b"config").digest()
    assert forms.hash_data == forms.proof_hash + forms.document_hash


def test_jcs_forms_are_rfc_8785() -> None:
    forms = eddsa_jcs_2022.canonical_forms(
        {"b": [1, "é"], "a": 1.5e-7}, JCS_OPTIONS, bundled_loader, DEFAULT_LIMITS
    )
    assert forms.document == '{"a":1.5e-7,"b":[1,"é"]}'.encode()
    assert forms.proof_configuration.startswith(b'{"cryptosuite":"eddsa-jcs-2022","proofPurpose"')


def test_jcs_verification_uses_the_proof_context_for_the_document() -> None:
    document: Json = {"@context": ["a", "b", "c"], "x": 1}
    options = JCS_OPTIONS | {"@context": ["a", "b"]}
    aligned = eddsa_jcs_2022.verification_forms(document, options, bundled_loader, DEFAULT_LIMITS)
    assert aligned.document == b'{"@context":["a","b"],"x":1}'
    single = JCS_OPTIONS | {"@context": "a"}
    forms = eddsa_jcs_2022.verification_forms(document, single, bundled_loader, DEFAULT_LIMITS)
    assert forms.document == b'{"@context":"a","x":1}'


@pytest.mark.parametrize(
    ("document_context", "proof_context"),
    [(["a"], ["a", "b"]), (["b", "a"], ["a", "b"]), (None, ["a"]), ("b", "a")],
)
def test_jcs_refuses_a_document_context_not_beginning_with_the_proofs(
    document_context: object, proof_context: object
) -> None:
    document: Json = {"x": 1} if document_context is None else {"@context": document_context}
    with pytest.raises(InputError) as caught:
        eddsa_jcs_2022.verification_forms(
            document, JCS_OPTIONS | {"@context": proof_context}, bundled_loader, DEFAULT_LIMITS
        )
    assert caught.value.code == "proof.context_mismatch"


def test_jcs_without_a_proof_context_canonicalizes_the_document_as_it_is() -> None:
    document: Json = {"@context": ["a"], "x": 1}
    forms = eddsa_jcs_2022.verification_forms(document, JCS_OPTIONS, bundled_loader, DEFAULT_LIMITS)
    assert forms.document == b'{"@context":["a"],"x":1}'
    assert b"@context" not in forms.proof_configuration


def test_jcs_proofs_take_the_document_context_when_it_has_one() -> None:
    prepare = eddsa_jcs_2022.SUITE.prepare_proof
    assert prepare({"@context": ["a"]}, JCS_OPTIONS)["@context"] == ["a"]
    assert "@context" not in prepare({}, JCS_OPTIONS)


def test_rdfc_reads_the_proof_options_with_the_document_context_only() -> None:
    document = credential()
    options: Json = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": VM,
        "proofPurpose": "assertionMethod",
    }
    plain = eddsa_rdfc_2022.proof_configuration(document, options, bundled_loader, DEFAULT_LIMITS)
    own_context = options | {"@context": "https://www.w3.org/2018/credentials/v1"}
    assert (
        eddsa_rdfc_2022.proof_configuration(document, own_context, bundled_loader, DEFAULT_LIMITS)
        == plain
    )
    assert b"<https://w3id.org/security#cryptosuite>" in plain


def test_the_legacy_suite_requires_its_context() -> None:
    options: Json = {
        "type": "Ed25519Signature2020",
        "verificationMethod": VM,
        "proofPurpose": "assertionMethod",
    }
    with pytest.raises(InputError) as caught:
        ed25519_signature_2020.canonical_forms(
            credential(), options, bundled_loader, DEFAULT_LIMITS
        )
    assert caught.value.code == "proof.missing_suite_context"


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (JCS_OPTIONS | {"cryptosuite": "eddsa-rdfc-2022"}, "proof.suite_options"),
        (JCS_OPTIONS | {"type": "Ed25519Signature2020"}, "proof.suite_options"),
        (JCS_OPTIONS | {"created": "2023-02-24"}, "proof.invalid_datetime"),
    ],
)
def test_proof_options_of_another_suite_are_refused(options: Json, code: str) -> None:
    with pytest.raises((ProofError, InputError)) as caught:
        check_proof_options(options, eddsa_jcs_2022.SUITE)
    assert caught.value.code == code


def test_context_list() -> None:
    assert context_list(None) == []
    assert context_list("a") == ["a"]
    assert context_list(["a", {"b": "c"}]) == ["a", {"b": "c"}]
