"""The authority's pages, the keys page and the public organisation page, with permissions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.accounts.models import Organisation, User
from meritpass.audit.models import AuditEvent
from meritpass.registry import keys, services
from meritpass.registry.dids import organisation_did
from meritpass.registry.models import Accreditation, OrganisationKey, Recognition
from tests.integration.registry.conftest import make_organisation, signed_in

pytestmark = pytest.mark.django_db

VALID = {
    "eqf_levels": ["4", "5"],
    "fields_of_education": ["073"],
    "valid_from": "2026-01-01",
    "valid_until": "2028-12-31",
    "decision": "UHR dnr 2026/7",
}


def url(name: str, language: str = "en", **kwargs: object) -> str:
    with translation.override(language):
        return reverse(f"registry:{name}", kwargs=kwargs)


def test_authority_admin_accredits_a_provider_through_the_form(
    authority: Organisation, provider: Organisation, authority_admin: Client
) -> None:
    page = authority_admin.get(url("authority", org=authority.slug))
    assert page.status_code == 200
    assert provider.name("en") in page.content.decode()
    form_url = url("accredit", org=authority.slug, provider=provider.slug)
    assert form_url in page.content.decode()

    response = authority_admin.post(form_url, VALID)

    assert response.status_code == 302
    accreditation = Accreditation.objects.get()
    assert accreditation.provider == provider
    assert accreditation.eqf_levels == [4, 5]
    assert accreditation.fields_of_education == ["073"]
    assert accreditation.valid_until.date().isoformat() in {"2028-12-31"}
    listing = authority_admin.get(response["Location"]).content.decode()
    assert "is accredited" in listing
    assert "UHR dnr 2026/7" in listing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"eqf_levels": []}, "eqf_levels", "This field is required."),
        ({"eqf_levels": ["9"]}, "eqf_levels", "Select a valid choice."),
        ({"fields_of_education": ["0737"]}, "fields_of_education", "Select a valid choice."),
        ({"valid_until": "2025-12-31"}, "valid_until", "must come after its start"),
        ({"valid_from": "not a date"}, "valid_from", "Enter a valid date."),
        ({"decision": " "}, "decision", "This field is required."),
    ],
)
def test_invalid_scope_gives_field_errors(
    authority: Organisation,
    provider: Organisation,
    authority_admin: Client,
    changes: dict[str, object],
    field: str,
    message: str,
) -> None:
    response = authority_admin.post(
        url("accredit", org=authority.slug, provider=provider.slug), VALID | changes
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Accreditation.objects.exists()


def test_the_form_speaks_swedish(
    authority: Organisation, provider: Organisation, authority_admin: Client
) -> None:
    response = authority_admin.post(
        url("accredit", "sv", org=authority.slug, provider=provider.slug),
        VALID | {"valid_until": "2025-12-31"},
    )
    assert response.status_code == 400
    assert "periodens slut måste komma efter dess början" in response.content.decode()


def test_authority_recognises_and_withdraws(
    authority: Organisation, industry_body: Organisation, authority_admin: Client
) -> None:
    response = authority_admin.post(
        url("recognise", org=authority.slug, body=industry_body.slug),
        {"sectors": ["07"], "valid_from": "2026-01-01", "valid_until": ""},
    )
    assert response.status_code == 302
    recognition = Recognition.objects.get()
    assert recognition.valid_until is None
    assert recognition.sectors == ["07"]

    withdraw = url("withdraw_recognition", org=authority.slug, uuid=recognition.uuid)
    confirmation = authority_admin.get(withdraw)
    assert confirmation.status_code == 200
    recognition.refresh_from_db()
    assert recognition.withdrawn_at is None  # asking is not doing
    assert authority_admin.post(withdraw).status_code == 302
    recognition.refresh_from_db()
    assert recognition.withdrawn_at is not None


def test_withdrawing_an_accreditation_needs_a_post(
    authority: Organisation, provider: Organisation, authority_admin: Client
) -> None:
    authority_admin.post(url("accredit", org=authority.slug, provider=provider.slug), VALID)
    accreditation = Accreditation.objects.get()
    withdraw = url("withdraw_accreditation", org=authority.slug, uuid=accreditation.uuid)
    assert "Withdraw" in authority_admin.get(withdraw).content.decode()
    assert authority_admin.post(withdraw).status_code == 302
    accreditation.refresh_from_db()
    assert accreditation.withdrawn_at is not None
    assert authority_admin.post(withdraw).status_code == 404


def test_publish_button_makes_a_new_edition(
    authority: Organisation, authority_admin: Client
) -> None:
    response = authority_admin.post(url("publish_trust_list", org=authority.slug))
    assert response.status_code == 302
    assert response["Location"] == url("trust_list", org=authority.slug)
    assert services.latest_trust_list(authority).number == 1  # type: ignore[union-attr]
    page = Client().get(response["Location"])
    assert page.status_code == 200
    assert "Edition 1" in page.content.decode()
    assert authority_admin.get(url("publish_trust_list", org=authority.slug)).status_code == 405


def test_trust_list_page_shows_the_signed_entries(
    authority: Organisation, provider: Organisation, authority_admin: Client
) -> None:
    authority_admin.post(url("accredit", org=authority.slug, provider=provider.slug), VALID)
    page = Client().get(url("trust_list", org=authority.slug)).content.decode()
    assert provider.name("sv") in page  # names inside decisions are in the platform's language
    assert organisation_did(provider) in page
    assert "Architecture and construction" in page


def test_trust_list_page_without_a_list(authority: Organisation, client: Client) -> None:
    assert client.get(url("trust_list", org=authority.slug)).status_code == 404


# --- permissions -------------------------------------------------------------------------------


def test_provider_admin_cannot_accredit(
    authority: Organisation, provider: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(provider, "admin"))
    other = make_organisation("annan-skola", Organisation.Kind.PROVIDER)
    assert client.get(url("authority", org=provider.slug)).status_code == 403
    assert (
        client.post(url("accredit", org=provider.slug, provider=other.slug), VALID).status_code
        == 403
    )
    assert (
        client.post(url("accredit", org=authority.slug, provider=provider.slug), VALID).status_code
        == 403
    )
    assert client.post(url("publish_trust_list", org=provider.slug)).status_code == 403
    assert not Accreditation.objects.exists()


def test_authority_member_without_second_factor_is_sent_to_set_it_up(
    authority: Organisation, provider: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(authority, "admin"), two_factor=False)
    target = url("accredit", org=authority.slug, provider=provider.slug)
    response = client.post(target, VALID)
    assert response.status_code == 302
    with translation.override("en"):
        assert response["Location"].startswith(reverse("accounts:totp_setup"))
    assert "next=" in response["Location"]
    assert not Accreditation.objects.exists()


def test_member_of_another_authority_cannot_act_for_this_one(
    authority: Organisation, provider: Organisation, member: Callable[..., User]
) -> None:
    other = make_organisation("annan-myndighet", Organisation.Kind.AUTHORITY)
    client = signed_in(member(other, "admin"))
    assert client.get(url("authority", org=other.slug)).status_code == 200
    assert client.get(url("authority", org=authority.slug)).status_code == 403
    response = client.post(url("accredit", org=authority.slug, provider=provider.slug), VALID)
    assert response.status_code == 403
    services.publish_trust_list(authority, actor=None, now=timezone.now())
    accreditation = services.accredit(
        authority,
        provider,
        eqf_levels=[5],
        fields=["07"],
        valid_from=timezone.now(),
        valid_until=timezone.now().replace(year=2030),
        decision="dnr 1",
        actor=None,
        now=timezone.now(),
    )
    withdraw = url("withdraw_accreditation", org=other.slug, uuid=accreditation.uuid)
    assert client.post(withdraw).status_code == 404  # not one of this authority's decisions
    accreditation.refresh_from_db()
    assert accreditation.withdrawn_at is None


def test_authority_member_who_is_not_admin_cannot_accredit(
    authority: Organisation, provider: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(authority, "reviewer"))
    assert (
        client.post(url("accredit", org=authority.slug, provider=provider.slug), VALID).status_code
        == 403
    )


def test_anonymous_visitor_is_sent_to_log_in(authority: Organisation, client: Client) -> None:
    response = client.get(url("authority", org=authority.slug))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_only_providers_are_accredited_and_industry_bodies_recognised(
    authority: Organisation,
    provider: Organisation,
    industry_body: Organisation,
    authority_admin: Client,
) -> None:
    assert (
        authority_admin.get(
            url("accredit", org=authority.slug, provider=industry_body.slug)
        ).status_code
        == 404
    )
    assert (
        authority_admin.get(url("recognise", org=authority.slug, body=provider.slug)).status_code
        == 404
    )


# --- keys ----------------------------------------------------------------------------------------


def test_admin_rotates_the_key_after_confirming(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    client = signed_in(admin)
    first = keys.current_key(provider)

    page = client.get(url("keys", org=provider.slug)).content.decode()
    assert first.public_key_multibase in page
    rotate = url("rotate_key", org=provider.slug)
    assert rotate in page
    assert client.get(rotate).status_code == 200
    assert OrganisationKey.objects.filter(organisation=provider).count() == 1

    response = client.post(rotate)

    assert response.status_code == 302
    rows = OrganisationKey.objects.filter(organisation=provider).order_by("created_at")
    assert [row.retired_at is not None for row in rows] == [True, False]
    listing = client.get(response["Location"]).content.decode()
    assert rows[1].public_key_multibase in listing
    assert first.public_key_multibase in listing
    event = AuditEvent.objects.get(action=AuditEvent.Action.KEY_ROTATED)
    assert event.actor == admin


def test_keys_page_is_for_admins_of_that_organisation(
    provider: Organisation, authority: Organisation, member: Callable[..., User]
) -> None:
    author = signed_in(member(provider, "author"))
    assert author.get(url("keys", org=provider.slug)).status_code == 403
    assert author.post(url("rotate_key", org=provider.slug)).status_code == 403
    stranger = signed_in(member(authority, "admin"))
    assert stranger.post(url("rotate_key", org=provider.slug)).status_code == 403
    assert not OrganisationKey.objects.filter(organisation=provider).exists()


# --- public page -----------------------------------------------------------------------------


def test_public_page_shows_the_accreditation_scope(
    authority: Organisation, provider: Organisation, authority_admin: Client, client: Client
) -> None:
    authority_admin.post(url("accredit", org=authority.slug, provider=provider.slug), VALID)
    for language, field_name in (
        ("en", "Architecture and construction"),
        ("sv", "Arkitektur och byggverksamhet"),
    ):
        page = client.get(url("organisation_public", language, org=provider.slug))
        assert page.status_code == 200
        text = page.content.decode()
        assert organisation_did(provider) in text
        assert provider.name(language) in text
        assert field_name in text
        assert "UHR dnr 2026/7" in text


def test_public_page_of_an_unaccredited_provider_says_so(
    provider: Organisation, client: Client
) -> None:
    text = client.get(url("organisation_public", org=provider.slug)).content.decode()
    assert "holds no accreditation in force" in text


def test_public_page_of_a_recognised_body_and_of_the_authority(
    authority: Organisation, industry_body: Organisation, client: Client
) -> None:
    services.recognise(
        authority,
        industry_body,
        sectors=["0732"],
        valid_from=timezone.now(),
        valid_until=None,
        actor=None,
        now=timezone.now(),
    )
    body_page = client.get(url("organisation_public", org=industry_body.slug)).content.decode()
    assert "Building and civil engineering" in body_page
    authority_page = client.get(url("organisation_public", org=authority.slug)).content.decode()
    assert services.trust_list_url(authority) in authority_page


def test_public_page_of_an_unknown_organisation(client: Client, db: None) -> None:
    assert client.get(url("organisation_public", org="nobody")).status_code == 404
