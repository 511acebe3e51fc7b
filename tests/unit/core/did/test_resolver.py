"""The standard resolver, and dereferencing a verification method safely."""

from __future__ import annotations

import copy
import json

import pytest

from meritpass.core.did.resolver import (
    StandardResolver,
    VerificationMethod,
    dereference_verification_method,
)
from meritpass.core.documents import JsonObject
from meritpass.core.errors import DidError, KeyFormatError, MeritpassError, ResolutionError
from meritpass.core.keys.multikey import Ed25519Multikey

KEY = Ed25519Multikey.generate(bytes(range(32)))
OTHER = Ed25519Multikey.generate(bytes(32))
DID = "did:web:issuer.example"
VM = f"{DID}#key-1"


def did_document(**changes: object) -> JsonObject:
    document: JsonObject = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": DID,
        "verificationMethod": [KEY.to_verification_method(DID, id=VM)],
        "assertionMethod": [VM],
        "authentication": ["#key-1"],
    }
    document.update(changes)  # type: ignore[arg-type]
    return document


def dereference(
    document: JsonObject, purpose: str = "assertionMethod", vm: str = VM
) -> VerificationMethod:
    resolver = StandardResolver(documents=[document])
    return dereference_verification_method(vm, resolver=resolver, purpose=purpose)


def test_a_referenced_method_is_returned_with_its_key() -> None:
    method = dereference(did_document())
    assert method == type(method)(
        id=VM, type="Multikey", controller=DID, public_key=KEY.public_only()
    )


def test_relative_references_count_as_authorization() -> None:
    assert dereference(did_document(), purpose="authentication").id == VM


def test_a_method_embedded_in_the_relationship_is_found() -> None:
    embedded = did_document(
        verificationMethod=[], assertionMethod=[KEY.to_verification_method(DID, id=VM)]
    )
    assert dereference(embedded).public_key == KEY.public_only()


def test_a_relative_method_id_is_read_against_the_document() -> None:
    relative = did_document(verificationMethod=[KEY.to_verification_method(DID, id="#key-1")])
    assert dereference(relative).id == VM


def test_a_legacy_key_type_is_supported() -> None:
    legacy = did_document(
        verificationMethod=[
            KEY.to_verification_method(DID, id=VM, type="Ed25519VerificationKey2020")
        ]
    )
    assert dereference(legacy).type == "Ed25519VerificationKey2020"


def test_expiry_and_revocation_are_passed_on() -> None:
    method = KEY.to_verification_method(DID, id=VM) | {
        "expires": "2030-01-01T00:00:00Z",
        "revoked": "2029-01-01T00:00:00Z",
    }
    found = dereference(did_document(verificationMethod=[method]))
    assert found.expires == "2030-01-01T00:00:00Z"
    assert found.revoked == "2029-01-01T00:00:00Z"


@pytest.mark.parametrize(
    ("document", "purpose", "vm", "code"),
    [
        (did_document(), "capabilityInvocation", VM, "did.vm_not_authorized"),
        (did_document(assertionMethod=[]), "assertionMethod", VM, "did.vm_not_authorized"),
        (did_document(assertionMethod="#key-2"), "assertionMethod", VM, "did.vm_not_authorized"),
        (did_document(), "assertionMethod", f"{DID}#key-2", "did.vm_not_found"),
        (did_document(), "assertionMethod", DID, "did.vm_id_invalid"),
        (did_document(), "assertionMethod", f"{DID}#", "did.vm_id_invalid"),
        (did_document(), "assertionMethod", "#key-1", "did.vm_id_invalid"),
        (did_document(), "delete", VM, "did.unknown_purpose"),
        (
            did_document(
                verificationMethod=[KEY.to_verification_method("did:web:evil.example", id=VM)]
            ),
            "assertionMethod",
            VM,
            "did.vm_wrong_controller",
        ),
        (
            did_document(
                verificationMethod=[
                    KEY.to_verification_method(DID, id=VM),
                    OTHER.to_verification_method(DID, id=VM),
                ]
            ),
            "assertionMethod",
            VM,
            "did.vm_ambiguous",
        ),
        (
            did_document(
                verificationMethod=[{"id": VM, "type": "JsonWebKey2020", "controller": DID}]
            ),
            "assertionMethod",
            VM,
            "did.vm_unsupported_type",
        ),
        (
            did_document(verificationMethod=[{"id": VM, "type": "Multikey", "controller": DID}]),
            "assertionMethod",
            VM,
            "key.missing",
        ),
        (
            did_document(
                verificationMethod=[
                    {"id": VM, "type": "Multikey", "controller": DID, "publicKeyMultibase": "z3u2"}
                ]
            ),
            "assertionMethod",
            VM,
            "key.not_ed25519_public",
        ),
        (
            did_document(
                verificationMethod=[KEY.to_verification_method(DID, id=VM) | {"revoked": 1}]
            ),
            "assertionMethod",
            VM,
            "did.vm_malformed",
        ),
    ],
)
def test_unusable_methods_are_refused_with_a_code(
    document: JsonObject, purpose: str, vm: str, code: str
) -> None:
    with pytest.raises(MeritpassError) as caught:
        dereference(document, purpose, vm)
    assert caught.value.code == code


def test_a_document_must_name_itself_as_requested() -> None:
    class Lying:
        def resolve(self, did: str) -> JsonObject:
            return did_document(id="did:web:other.example")

    with pytest.raises(ResolutionError) as caught:
        dereference_verification_method(VM, resolver=Lying(), purpose="assertionMethod")
    assert caught.value.code == "did.document_id_mismatch"


def test_did_key_is_resolved_without_any_port() -> None:
    did = f"did:key:{KEY.public_key_multibase}"
    method = dereference_verification_method(
        f"{did}#{KEY.public_key_multibase}", resolver=StandardResolver(), purpose="authentication"
    )
    assert method.controller == did
    assert method.public_key == KEY.public_only()


def test_did_web_goes_through_the_fetcher() -> None:
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return json.dumps(did_document()).encode()

    method = dereference_verification_method(
        VM, resolver=StandardResolver(fetch=fetch), purpose="assertionMethod"
    )
    assert method.controller == DID
    assert asked == ["https://issuer.example/.well-known/did.json"]


def test_known_documents_come_before_the_fetcher() -> None:
    def fetch(url: str) -> bytes:
        raise AssertionError("fetched")

    resolver = StandardResolver(fetch=fetch, documents=[did_document()])
    assert resolver.resolve(DID)["id"] == DID


def test_known_documents_may_be_https_controller_documents() -> None:
    controller = "https://example.edu/issuers/565049"
    document: JsonObject = {
        "id": controller,
        "verificationMethod": [KEY.to_verification_method(controller)],
        "assertionMethod": [f"{controller}#{KEY.public_key_multibase}"],
    }
    resolver = StandardResolver(documents=[document])
    method = dereference_verification_method(
        f"{controller}#{KEY.public_key_multibase}", resolver=resolver, purpose="assertionMethod"
    )
    assert method.controller == controller


@pytest.mark.parametrize(
    ("did", "error", "code"),
    [
        ("did:web:issuer.example", ResolutionError, "did.not_resolvable"),  # no fetcher
        ("https://unknown.example/issuer", ResolutionError, "did.not_resolvable"),
        ("did:ion:EiAnKD8", DidError, "did.unsupported_method"),
        (
            "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76",
            DidError,
            "did.key_unsupported",
        ),
    ],
)
def test_what_cannot_be_resolved(did: str, error: type[MeritpassError], code: str) -> None:
    with pytest.raises(error) as caught:
        StandardResolver().resolve(did)
    assert caught.value.code == code


NO_ID: JsonObject = {"verificationMethod": []}


def test_a_known_document_needs_an_id() -> None:
    with pytest.raises(DidError):
        StandardResolver(documents=[NO_ID])


def test_dereferencing_does_not_change_the_document() -> None:
    document = did_document()
    before = copy.deepcopy(document)
    dereference(document)
    assert document == before


def test_key_errors_keep_their_class() -> None:
    bad = did_document(
        verificationMethod=[
            {"id": VM, "type": "Multikey", "controller": DID, "publicKeyMultibase": 5}
        ]
    )
    with pytest.raises(KeyFormatError):
        dereference(bad)
