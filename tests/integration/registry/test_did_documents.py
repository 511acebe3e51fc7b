"""The did:web documents of organisations: every key, current and retired, and caching."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client

from meritpass.accounts.models import Organisation
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.did.web import did_web_to_url
from meritpass.core.documents import JsonObject
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.registry import keys
from meritpass.registry.dids import organisation_did
from meritpass.registry.resolver import platform_resolver
from meritpass.registry.signing import sign_as
from tests.integration.registry.conftest import NOW

pytestmark = pytest.mark.django_db


def _credential(issuer: str) -> JsonObject:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner"},
    }


def _through_did_json(client: Client) -> StandardResolver:
    """A resolver that fetches did:web documents from this site's did.json view."""

    def fetch(url: str) -> bytes:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200
        return response.content

    return StandardResolver(fetch=fetch)


def test_did_document_lists_every_key_as_multikey(provider: Organisation, client: Client) -> None:
    first = keys.current_key(provider)
    second = keys.rotate_key(provider, actor=None)
    did = organisation_did(provider)

    response = client.get(f"/orgs/{provider.slug}/did.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/did+json"
    document = response.json()
    assert document["id"] == did
    assert document["@context"] == [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/multikey/v1",
    ]
    methods = {method["id"]: method for method in document["verificationMethod"]}
    assert set(methods) == {keys.verification_method(first), keys.verification_method(second)}
    for row in (first, second):
        method = methods[keys.verification_method(row)]
        assert method == {
            "id": keys.verification_method(row),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": row.public_key_multibase,
        }
    assert set(document["assertionMethod"]) == set(methods)
    assert set(document["authentication"]) == set(methods)


def test_did_document_url_is_where_did_web_points(provider: Organisation) -> None:
    url = did_web_to_url(organisation_did(provider))
    assert urlsplit(url).path == f"/orgs/{provider.slug}/did.json"


def test_credential_signed_with_a_retired_key_still_verifies(
    provider: Organisation, client: Client
) -> None:
    credential = sign_as(provider, _credential(organisation_did(provider)), now=NOW)
    keys.rotate_key(provider, actor=None)
    newer = sign_as(provider, _credential(organisation_did(provider)), now=NOW)
    assert credential["proof"]["verificationMethod"] != newer["proof"]["verificationMethod"]

    for resolver in (platform_resolver(), _through_did_json(client)):
        policy = VerificationPolicy(now=NOW, resolver=resolver)
        assert policy.verify_proofs(credential).verified
        assert policy.verify_proofs(newer).verified


def test_a_tampered_credential_does_not_verify_through_did_json(
    provider: Organisation, client: Client
) -> None:
    credential = sign_as(provider, _credential(organisation_did(provider)), now=NOW)
    credential["credentialSubject"] = {"id": "did:example:somebody-else"}
    policy = VerificationPolicy(now=NOW, resolver=_through_did_json(client))
    assert not policy.verify_proofs(credential).verified


def test_did_document_is_cached_for_five_minutes_with_an_etag(
    provider: Organisation, client: Client
) -> None:
    keys.current_key(provider)
    url = f"/orgs/{provider.slug}/did.json"
    response = client.get(url)
    assert response["Cache-Control"] == "public, max-age=300"
    etag = response["ETag"]

    unchanged = client.get(url, headers={"if-none-match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    keys.rotate_key(provider, actor=None)
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert len(changed.json()["verificationMethod"]) == 2


def test_unknown_organisation_has_no_did_document(client: Client, db: None) -> None:
    assert client.get("/orgs/nobody/did.json").status_code == 404


def test_did_document_refuses_writes(provider: Organisation, client: Client) -> None:
    assert client.post(f"/orgs/{provider.slug}/did.json").status_code == 405
