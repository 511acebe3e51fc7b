"""The platform's verification policy: anchors, and status lists read from its own database."""

from __future__ import annotations

import pytest
from django.test import override_settings

from meritpass.accounts.models import Organisation
from meritpass.core.errors import ResolutionError
from meritpass.issuing.models import StatusList
from meritpass.registry import trust
from meritpass.registry.dids import organisation_did
from meritpass.registry.resolver import PlatformResolver
from tests.integration.registry.conftest import NOW, make_organisation

pytestmark = pytest.mark.django_db

FOREIGN_ANCHOR = "did:web:agency.example.eu"


@override_settings(MERITPASS_TRUST_ANCHORS=[FOREIGN_ANCHOR])
def test_anchors_are_the_configured_dids_and_every_authority_here(
    authority: Organisation, provider: Organisation
) -> None:
    second = make_organisation("annan-myndighet", Organisation.Kind.AUTHORITY)
    policy = trust.platform_policy(NOW)
    assert policy.trust_anchors == {
        FOREIGN_ANCHOR,
        organisation_did(authority),
        organisation_did(second),
    }
    assert policy.now == NOW
    assert isinstance(policy.resolver, PlatformResolver)
    assert policy.fetch_status_list is trust.fetch_status_list


@override_settings(MERITPASS_PUBLIC_URL="https://meritpass.example")
def test_own_status_lists_are_read_from_the_database(
    provider: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("meritpass.net.fetch_https", _no_network)
    status_list = StatusList.objects.create(
        organisation=provider, purpose="revocation", allocated=b"", credential='{"signed": true}'
    )
    assert trust.fetch_status_list(f"https://meritpass.example/status/{status_list.uuid}") == (
        b'{"signed": true}'
    )
    with pytest.raises(ResolutionError):
        trust.fetch_status_list(
            "https://meritpass.example/status/8d1f5a8e-0000-4000-8000-000000000000"
        )
    with pytest.raises(ResolutionError):
        trust.fetch_status_list("https://meritpass.example/status/not-a-uuid")


@override_settings(MERITPASS_PUBLIC_URL="https://meritpass.example")
def test_other_status_lists_are_fetched_over_https(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[str] = []

    def fake_fetch(url: str) -> bytes:
        fetched.append(url)
        return b"{}"

    monkeypatch.setattr("meritpass.net.fetch_https", fake_fetch)
    assert trust.fetch_status_list("https://other.example/status/1") == b"{}"
    assert fetched == ["https://other.example/status/1"]


def _no_network(url: str) -> bytes:
    raise AssertionError(f"the platform's own status list was fetched over the network: {url}")
