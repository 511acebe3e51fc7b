"""The trust list at its stable URL, our JSON-LD context, and no private key in any response."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from importlib import resources

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meritpass.accounts.models import Organisation, User
from meritpass.registry import keys, services
from tests.integration.registry.conftest import NOW, signed_in

pytestmark = pytest.mark.django_db

YEAR = timedelta(days=365)


def _accredit(authority: Organisation, provider: Organisation) -> None:
    services.accredit(
        authority,
        provider,
        eqf_levels=[5],
        fields=["0732"],
        valid_from=NOW - YEAR,
        valid_until=NOW + YEAR,
        decision="dnr 1",
        actor=None,
        now=NOW,
    )


def test_trust_list_url_is_stable_and_serves_the_newest_edition_byte_for_byte(
    authority: Organisation, provider: Organisation, client: Client
) -> None:
    url = f"/trust/{authority.slug}.json"
    assert services.trust_list_url(authority).endswith(url)
    assert client.get(url).status_code == 404  # nothing published yet

    _accredit(authority, provider)
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/vc+ld+json"
    assert first["Cache-Control"] == "no-cache"
    assert first.content == services.latest_trust_list(authority).credential.encode()  # type: ignore[union-attr]
    assert len(json.loads(first.content)["credentialSubject"]["accreditedProvider"]) == 1

    accreditation = provider.accreditations.get()
    services.withdraw_accreditation(authority, accreditation, actor=None, now=NOW)
    second = client.get(url, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert json.loads(second.content)["credentialSubject"]["accreditedProvider"] == []

    unchanged = client.get(url, headers={"if-none-match": second["ETag"]})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == second["ETag"]
    weak = client.get(url, headers={"if-none-match": f'"other", W/{second["ETag"]}'})
    assert weak.status_code == 304


def test_trust_list_only_for_authorities(provider: Organisation, client: Client, db: None) -> None:
    assert client.get(f"/trust/{provider.slug}.json").status_code == 404
    assert client.get("/trust/nobody.json").status_code == 404


def test_our_context_is_served_where_its_url_points(client: Client, db: None) -> None:
    response = client.get("/ns/v1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    bundled = resources.files("meritpass.core.jsonld").joinpath(
        "contexts", "meritpass.eu_ns_v1.json"
    )
    assert response.content == bundled.read_bytes()
    assert "AccreditationCredential" in response.json()["@context"]
    assert client.get("/ns/v1", headers={"if-none-match": response["ETag"]}).status_code == 304


def test_no_private_key_appears_in_any_response(
    authority: Organisation,
    provider: Organisation,
    industry_body: Organisation,
    member: Callable[..., User],
    client: Client,
) -> None:
    _accredit(authority, provider)
    services.recognise(
        authority,
        industry_body,
        sectors=["07"],
        valid_from=NOW,
        valid_until=None,
        actor=None,
        now=NOW,
    )
    keys.current_key(industry_body)
    keys.current_key(provider)
    keys.rotate_key(provider, actor=None)
    organisations = (authority, provider, industry_body)
    secrets = [
        keys.private_key(row).export_secret_key_multibase().encode()
        for organisation in organisations
        for row in organisation.keys.all()
    ]
    encrypted = [bytes(row.private_key_encrypted) for o in organisations for row in o.keys.all()]
    assert len(secrets) == 4

    admins = {
        organisation: signed_in(member(organisation, "admin")) for organisation in organisations
    }
    responses = [client.get(f"/trust/{authority.slug}.json"), client.get("/ns/v1")]
    for organisation, admin in admins.items():
        responses.append(client.get(f"/orgs/{organisation.slug}/did.json"))
        for language in ("sv", "en"):
            with translation.override(language):
                public = reverse("registry:organisation_public", kwargs={"org": organisation.slug})
                own_keys = reverse("registry:keys", kwargs={"org": organisation.slug})
                rotate = reverse("registry:rotate_key", kwargs={"org": organisation.slug})
                trust = reverse("registry:trust_list", kwargs={"org": authority.slug})
                decisions = reverse("registry:authority", kwargs={"org": authority.slug})
            responses += [
                client.get(public),
                admin.get(own_keys),
                admin.get(rotate),
                client.get(trust),
            ]
    responses.append(admins[authority].get(decisions))

    assert all(response.status_code in {200, 304} for response in responses)
    for response in responses:
        body = response.content
        assert not any(secret in body for secret in secrets), response
        assert not any(blob in body for blob in encrypted), response
