"""Verifying proofs: every rule gives its own failure code, and hostile input never raises."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.documents import JsonObject
from meritpass.core.errors import JsonLdError, ProofError, ResolutionError
from meritpass.core.keys import multibase
from meritpass.core.limits import Limits
from meritpass.core.messages import catalogue
from meritpass.core.proofs.data_integrity import MAX_PROOFS
from tests.unit.core.proofs.support import (
    CREATED,
    ISSUER,
    KEY,
    NOW,
    OTHER_KEY,
    OTHER_VM,
    VM,
    Json,
    codes,
    credential,
    signed,
    verify,
)

SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"]
LEGACY_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"


def signed_with(suite: str, **options: Any) -> Json:
    document = credential()
    if suite == "Ed25519Signature2020":
        document["@context"].append(LEGACY_CONTEXT)
    return signed(suite, document, **options)


@pytest.mark.parametrize("suite", SUITES)
def test_a_valid_proof_verifies_with_its_details(suite: str) -> None:
    result = verify(signed_with(suite), expected_controller=ISSUER)
    assert result.verified
    (proof,) = result
    assert proof.verified
    assert proof.code == "proof.verified"
    assert proof.suite == suite
    assert proof.verification_method == VM
    assert proof.controller == ISSUER
    assert proof.purpose == "assertionMethod"
    assert proof.created == "2026-06-12T09:00:00Z"
    assert proof.index == 0
    assert VM in proof.message("en")
    assert proof.message("sv").startswith("Beviset är giltigt")


@pytest.mark.parametrize("suite", SUITES)
def test_a_changed_document_fails(suite: str) -> None:
    document = signed_with(suite)
    document["credentialSubject"]["name"] = "Svetsning TIG"
    assert codes(verify(document)) == ["proof.invalid_signature"]


@pytest.mark.parametrize("suite", SUITES)
@pytest.mark.parametrize(
    ("name", "value"),
    [("created", "2026-06-12T09:00:01Z"), ("verificationMethod", f"{ISSUER}#other")],
)
def test_changed_proof_options_fail(suite: str, name: str, value: str) -> None:
    document = signed_with(suite)
    document["proof"][name] = value
    assert not verify(document).verified


@pytest.mark.parametrize("suite", SUITES)
def test_a_signature_from_another_key_fails(suite: str) -> None:
    document = signed_with(suite, key=OTHER_KEY, verification_method=OTHER_VM)
    document["proof"]["verificationMethod"] = VM  # a forger claims the issuer's key
    assert codes(verify(document)) == ["proof.invalid_signature"]


def test_signing_in_the_name_of_another_did_key_is_refused() -> None:
    with pytest.raises(ProofError) as raised:
        signed(key=OTHER_KEY, verification_method=VM)
    assert raised.value.code == "proof.key_mismatch"


def test_a_removed_property_fails() -> None:
    document = signed()
    del document["validFrom"]
    assert codes(verify(document)) == ["proof.invalid_signature"]


def test_the_purpose_must_be_the_expected_one() -> None:
    result = verify(signed(), expected_purpose="authentication")
    assert codes(result) == ["proof.wrong_purpose"]
    assert dict(result.results[0].params) == {
        "expected": "authentication",
        "found": "assertionMethod",
    }


def test_presentation_binding_challenge_and_domain() -> None:
    presentation = signed(proof_purpose="authentication", challenge="n-0S6_WzA2Mj", domain="a.se")
    options: dict[str, Any] = {"expected_purpose": "authentication"}
    assert verify(presentation, challenge="n-0S6_WzA2Mj", domain="a.se", **options).verified
    assert codes(verify(presentation, challenge="other", **options)) == ["proof.wrong_challenge"]
    assert codes(verify(presentation, domain="b.se", **options)) == ["proof.wrong_domain"]
    unbound = signed(proof_purpose="authentication")
    assert codes(verify(unbound, challenge="n-0S6_WzA2Mj", **options)) == ["proof.wrong_challenge"]
    assert codes(verify(unbound, domain="a.se", **options)) == ["proof.wrong_domain"]


def test_a_domain_may_be_a_set() -> None:
    document = signed(proof_purpose="authentication")
    document["proof"]["domain"] = ["a.se", "b.se"]
    result = verify(document, expected_purpose="authentication", domain="b.se")
    assert codes(result) == ["proof.invalid_signature"]  # the domain check passed; the edit did not
    listed = signed("eddsa-jcs-2022", proof_purpose="authentication")
    listed["proof"]["domain"] = ["a.se"]
    assert codes(verify(listed, expected_purpose="authentication", domain="c.se")) == [
        "proof.wrong_domain"
    ]


def test_the_controller_must_be_the_expected_one() -> None:
    result = verify(signed(), expected_controller="did:web:issuer.example")
    assert codes(result) == ["proof.controller_mismatch"]
    assert result.results[0].params["found"] == ISSUER
    assert verify(signed(), expected_controller=ISSUER).verified


def test_an_expired_proof_fails() -> None:
    document = signed(expires=NOW - timedelta(seconds=1))
    assert codes(verify(document)) == ["proof.expired"]
    assert verify(signed(expires=NOW + timedelta(seconds=1))).verified


def test_a_proof_from_the_future_fails_beyond_the_allowed_skew() -> None:
    assert codes(verify(signed(created=NOW + timedelta(minutes=6)))) == ["proof.created_in_future"]
    assert verify(signed(created=NOW + timedelta(minutes=4))).verified
    assert not verify(signed(created=NOW + timedelta(minutes=4)), clock_skew=timedelta()).verified


def test_a_malformed_created_fails() -> None:
    document = signed()
    document["proof"]["created"] = "yesterday"
    result = verify(document)
    assert codes(result) == ["proof.invalid_datetime"]
    assert result.results[0].params == {"property": "created", "value": "yesterday"}


@pytest.mark.parametrize(
    ("proof_type", "cryptosuite", "code"),
    [
        ("DataIntegrityProof", "ecdsa-rdfc-2019", "proof.unknown_suite"),
        ("DataIntegrityProof", "Ed25519Signature2020", "proof.unknown_suite"),
        ("eddsa-jcs-2022", None, "proof.unknown_suite"),
        ("RsaSignature2018", None, "proof.unknown_suite"),
        ("DataIntegrityProof", None, "proof.missing_property"),
        ("DataIntegrityProof", 7, "proof.missing_property"),
        (["DataIntegrityProof"], "eddsa-jcs-2022", "proof.missing_property"),
    ],
)
def test_unknown_suites_fail(proof_type: object, cryptosuite: object, code: str) -> None:
    document = signed()
    document["proof"]["type"] = proof_type
    if cryptosuite is None:
        del document["proof"]["cryptosuite"]
    else:
        document["proof"]["cryptosuite"] = cryptosuite
    assert codes(verify(document)) == [code]


def test_only_allowed_suites_are_accepted() -> None:
    result = verify(signed("eddsa-jcs-2022"), allowed_suites={"eddsa-rdfc-2022"})
    assert codes(result) == ["proof.suite_not_allowed"]


def test_a_legacy_proof_with_a_cryptosuite_is_refused() -> None:
    document = signed_with("Ed25519Signature2020")
    document["proof"]["cryptosuite"] = "eddsa-rdfc-2022"
    assert codes(verify(document)) == ["proof.suite_options"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "proof.missing_property"),
        (42, "proof.missing_property"),
        ("", "proof.missing_property"),
        ("u" + "A" * 86, "proof.malformed_value"),  # base64url: proofValue must be base58btc
        ("z0OIl", "proof.malformed_value"),
        ("z", "proof.malformed_value"),
        (multibase.encode(bytes(63)), "proof.malformed_value"),
        (multibase.encode(bytes(65)), "proof.malformed_value"),
        ("z" + "2" * 100_000, "proof.malformed_value"),
    ],
)
def test_malformed_proof_values_fail(value: object, code: str) -> None:
    document = signed()
    if value is None:
        del document["proof"]["proofValue"]
    else:
        document["proof"]["proofValue"] = value
    assert codes(verify(document)) == [code]


@pytest.mark.parametrize("name", ["type", "verificationMethod", "proofPurpose"])
def test_required_proof_properties_fail_when_missing(name: str) -> None:
    document = signed()
    del document["proof"][name]
    result = verify(document)
    assert codes(result) == ["proof.missing_property"]
    assert result.results[0].params == {"property": name}


@pytest.mark.parametrize("proof", [None, [], "proof", 7, True, ["x"], [[]], [None, None]])
def test_missing_or_junk_proofs_fail(proof: object) -> None:
    document = credential() | {"proof": proof}
    result = verify(document)
    assert not result.verified
    assert set(codes(result)) <= {"proof.missing", "proof.malformed"}
    assert len(result) >= 1


def test_a_document_without_proof_is_not_verified() -> None:
    result = verify(credential())
    assert codes(result) == ["proof.missing"]
    assert not result.verified


def test_an_unresolvable_verification_method_fails() -> None:
    document = signed(verification_method="did:web:issuer.example#key-1")
    assert codes(verify(document)) == ["did.not_resolvable"]


def test_a_key_not_authorized_for_assertion_fails() -> None:
    did = "did:web:issuer.example"
    method = KEY.to_verification_method(did, id=f"{did}#key-1")
    document: JsonObject = {"id": did, "verificationMethod": [method], "authentication": ["#key-1"]}
    resolver = StandardResolver(documents=[document])
    secured = signed(verification_method=f"{did}#key-1")
    assert codes(verify(secured, resolver=resolver)) == ["did.vm_not_authorized"]


@pytest.mark.parametrize(
    ("field", "moment", "code"),
    [
        ("revoked", "2026-06-13T08:00:00Z", "proof.key_revoked"),
        ("expires", "2026-06-13T08:00:00Z", "proof.key_expired"),
    ],
)
def test_a_revoked_or_expired_key_fails(field: str, moment: str, code: str) -> None:
    did = "did:web:issuer.example"
    method = KEY.to_verification_method(did, id=f"{did}#key-1") | {field: moment}
    document: JsonObject = {
        "id": did,
        "verificationMethod": [method],
        "assertionMethod": ["#key-1"],
    }
    resolver = StandardResolver(documents=[document])
    secured = signed(verification_method=f"{did}#key-1")
    assert codes(verify(secured, resolver=resolver)) == [code]
    later: JsonObject = {
        "id": did,
        "verificationMethod": [method | {field: "2027-01-01T00:00:00Z"}],
    }
    later["assertionMethod"] = ["#key-1"]
    assert verify(secured, resolver=StandardResolver(documents=[later])).verified


class BrokenResolver:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def resolve(self, did: str) -> JsonObject:
        raise self.error


def test_resolver_failures_become_results() -> None:
    failing = BrokenResolver(ResolutionError("resolution.failed", what="x", reason="timeout"))
    assert codes(verify(signed(), resolver=failing)) == ["resolution.failed"]
    crashing = BrokenResolver(RuntimeError("bug"))
    result = verify(signed(), resolver=crashing)
    assert codes(result) == ["proof.cannot_verify"]
    assert result.results[0].params == {"reason": "RuntimeError"}


def test_jcs_values_json_cannot_carry_exactly_fail_without_raising() -> None:
    document = signed()
    document["credentialSubject"]["credits"] = 2**60
    assert codes(verify(document)) == ["proof.jcs_unrepresentable"]
    document["credentialSubject"]["credits"] = float("nan")
    assert codes(verify(document)) == ["proof.jcs_unrepresentable"]


def test_jcs_document_context_must_begin_with_the_proof_context() -> None:
    document = signed()
    document["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    assert codes(verify(document)) == ["proof.context_mismatch"]
    reordered = signed()
    reordered["@context"].reverse()
    assert codes(verify(reordered)) == ["proof.context_mismatch"]


def test_jcs_allows_contexts_appended_after_signing() -> None:
    document = signed()
    document["@context"].append("https://w3id.org/security/data-integrity/v2")
    assert verify(document).verified


def test_rdfc_fails_on_an_unknown_context_without_fetching_it() -> None:
    document = signed("eddsa-rdfc-2022")
    document["@context"].append("https://evil.example/context.jsonld")
    assert codes(verify(document)) == ["jsonld.unknown_context"]


def v1_credential() -> Json:
    return {
        "@context": [
            "https://www.w3.org/2018/credentials/v1",
            "https://w3id.org/security/data-integrity/v2",
        ],
        "type": ["VerifiableCredential"],
        "issuer": ISSUER,
        "issuanceDate": "2026-06-12T09:00:00Z",
        "credentialSubject": {"id": "did:example:learner"},
    }


def test_rdfc_signs_and_verifies_a_v1_credential() -> None:
    assert verify(signed("eddsa-rdfc-2022", v1_credential())).verified


def test_rdfc_fails_on_a_term_no_context_defines() -> None:
    document = signed("eddsa-rdfc-2022", v1_credential())
    document["credentialSubject"]["unsignedClaim"] = "would be dropped by plain JSON-LD"
    (result,) = verify(document)
    assert not result.verified
    assert result.code.startswith("jsonld.")


def test_signing_refuses_a_term_no_context_defines() -> None:
    document = v1_credential()
    document["credentialSubject"]["unsignedClaim"] = "would go unsigned"
    with pytest.raises(JsonLdError):
        signed("eddsa-rdfc-2022", document)


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ProofError):
        verify(signed(), now=datetime(2026, 6, 13))


def test_hostile_strings_are_shortened_in_results() -> None:
    document = signed()
    document["proof"]["proofPurpose"] = "x" * 100_000
    document["proof"]["verificationMethod"] = "did:key:" + "y" * 100_000
    (result,) = verify(document)
    assert result.code == "proof.wrong_purpose"
    assert len(str(result.params["found"])) <= 121
    assert result.verification_method is not None
    assert len(result.verification_method) <= 121


HOSTILE_PROOFS: list[object] = [
    {},
    {"type": None, "verificationMethod": {}, "proofPurpose": []},
    {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022"},
    {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "verificationMethod": "not a url",
        "proofPurpose": "assertionMethod",
        "proofValue": multibase.encode(bytes(64)),
    },
    {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": "did:key:zzzz#zzzz",
        "proofPurpose": "assertionMethod",
        "proofValue": multibase.encode(bytes(64)),
        "previousProof": {"id": 1},
    },
    {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": VM,
        "proofPurpose": "assertionMethod",
        "proofValue": multibase.encode(bytes(64)),
        "created": ["2026"],
        "expires": {"@value": "x"},
    },
    {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": VM,
        "proofPurpose": "assertionMethod",
        "proofValue": multibase.encode(bytes(64)),
        "@context": {"@vocab": 5},
        "id": ["x"],
    },
]


@pytest.mark.parametrize("proof", HOSTILE_PROOFS)
def test_hostile_proofs_fail_without_raising(proof: object) -> None:
    result = verify(credential() | {"proof": proof})
    assert not result.verified
    for item in result:
        assert item.code in catalogue()
        assert "{" not in item.message("sv")
        assert "{" not in item.message("en")


def test_hostile_documents_fail_without_raising() -> None:
    proof = signed("eddsa-rdfc-2022")["proof"]
    documents: list[Json] = [
        {"@context": 5, "proof": proof},
        {"@context": [{"@vocab": None, "x": {"@id": 5}}], "proof": proof},
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "@graph": [[[]]], "proof": proof},
        {"@context": "https://www.w3.org/ns/credentials/v2", "id": "relative/iri", "proof": proof},
        credential() | {"proof": proof, "credentialSubject": {"@id": {"nested": True}}},
    ]
    for document in documents:
        assert not verify(document).verified


def test_verification_does_not_change_the_document() -> None:
    document = signed()
    before = copy.deepcopy(document)
    verify(document)
    assert document == before


def test_results_render_in_both_languages_without_placeholders() -> None:
    failing = [
        verify(signed(), expected_purpose="authentication"),
        verify(signed(), expected_controller="did:web:a.example"),
        verify(signed(expires=CREATED)),
        verify(credential()),
    ]
    for result in failing:
        for item in result:
            for language in ("sv", "en"):
                text = item.message(language)
                assert text
                assert "{" not in text


def test_a_strangers_key_is_refused_before_it_is_resolved() -> None:
    asked: list[str] = []

    class Recording:
        def resolve(self, did: str) -> JsonObject:
            asked.append(did)
            raise ResolutionError("did.not_resolvable", did=did)

    document = signed(verification_method="did:web:attacker.example#key-1")
    result = verify(document, resolver=Recording(), expected_controller=ISSUER)
    assert codes(result) == ["proof.controller_mismatch"]
    assert asked == []


def test_too_many_proofs_are_refused_unread() -> None:
    proof = signed()["proof"]
    result = verify(credential() | {"proof": [proof] * (MAX_PROOFS + 1)})
    assert codes(result) == ["proof.too_many"]
    assert result.results[0].params == {"count": MAX_PROOFS + 1, "limit": MAX_PROOFS}
    assert verify(credential() | {"proof": [proof] * 2}).verified


def test_canonicalization_limits_become_a_result() -> None:
    result = verify(signed("eddsa-rdfc-2022"), limits=Limits(max_blank_nodes=0))
    assert codes(result) == ["rdfc.too_complex"]


def test_a_document_too_deep_for_jcs_fails_without_raising() -> None:
    document = signed()
    deep: Json = {}
    for _ in range(5000):
        deep = {"x": deep}
    document["credentialSubject"]["nested"] = deep
    assert codes(verify(document)) == ["proof.jcs_unrepresentable"]
