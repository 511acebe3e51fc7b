"""The organisation page, members and roles, API tokens and the audit log, and who may see them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meritpass.accounts import services
from meritpass.accounts.models import ApiToken, Membership, Organisation, User
from meritpass.audit import record
from meritpass.audit.models import AuditEvent
from meritpass.registry.dids import organisation_did
from tests.integration.accounts.support import assert_strict_csp_safe, signed_in, text

# The assertions read the English texts; reverse() then gives the /en/ pages.
pytestmark = pytest.mark.usefixtures("in_english")


def page(name: str, org: Organisation, language: str = "en", **kwargs: object) -> str:
    with translation.override(language):
        return reverse(name, kwargs={"org": org.slug, **kwargs})


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_organisation_page_shows_identity_and_members(
    provider: Organisation, member: Callable[..., User], language: str
) -> None:
    admin = member(provider, "admin", "issuer", first_name="Alva", last_name="Berg")
    member(provider, "author", email="olle@example.org")
    response = signed_in(admin, two_factor=True).get(
        page("accounts:organisation", provider, language)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert organisation_did(provider) in html
    assert f"yrkesakademin {'på svenska' if language == 'sv' else 'in English'}" in html
    assert "Alva Berg" in html
    assert "olle@example.org" in html
    assert page("accounts:api_tokens", provider, language) in html
    assert_strict_csp_safe(html)


def test_a_member_who_is_not_admin_sees_members_but_cannot_manage(
    provider: Organisation, member: Callable[..., User]
) -> None:
    member(provider, "admin", email="alva@example.org")
    author = member(provider, "author")
    html = signed_in(author).get(page("accounts:organisation", provider)).content.decode()
    assert "alva@example.org" in html
    assert 'name="roles"' not in html  # no invite form
    assert "/remove/" not in html
    assert page("accounts:api_tokens", provider) not in html


@pytest.mark.parametrize("name", ["accounts:organisation", "accounts:api_tokens", "accounts:audit"])
def test_a_member_of_another_organisation_is_refused(
    provider: Organisation,
    other_provider: Organisation,
    member: Callable[..., User],
    name: str,
) -> None:
    outsider = member(other_provider, "admin")
    assert signed_in(outsider, two_factor=True).get(page(name, provider)).status_code == 403


@pytest.mark.parametrize("name", ["accounts:api_tokens", "accounts:audit"])
def test_admin_pages_are_refused_to_other_members(
    provider: Organisation, member: Callable[..., User], name: str
) -> None:
    issuer = member(provider, "issuer", "author")
    assert signed_in(issuer, two_factor=True).get(page(name, provider)).status_code == 403


def test_an_unknown_organisation_is_404_and_anonymous_people_go_to_login(
    provider: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(provider, "admin"))
    assert (
        client.get(reverse("accounts:organisation", kwargs={"org": "nowhere"})).status_code == 404
    )
    response = Client().get(page("accounts:organisation", provider))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_admin_removes_a_role_but_never_the_last_admin(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    author = member(provider, "author", "issuer")
    client = signed_in(admin)
    issuer_role = Membership.objects.get(user=author, role="issuer")
    response = client.post(page("accounts:remove_role", provider, membership=issuer_role.pk))
    assert response.status_code == 302
    assert set(Membership.objects.filter(user=author).values_list("role", flat=True)) == {"author"}
    removed = AuditEvent.objects.get(action=AuditEvent.Action.MEMBER_REMOVED)
    assert removed.actor == admin
    assert removed.details == {"user": author.pk, "role": "issuer"}

    own = Membership.objects.get(user=admin, role="admin")
    refused = client.post(page("accounts:remove_role", provider, membership=own.pk), follow=True)
    assert "The last administrator cannot be removed" in text(refused.content.decode())
    assert Membership.objects.filter(pk=own.pk).exists()


def test_a_role_of_another_organisation_cannot_be_removed(
    provider: Organisation, other_provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    foreign = Membership.objects.get(user=member(other_provider, "author"))
    response = signed_in(admin).post(
        page("accounts:remove_role", provider, membership=foreign.pk), follow=True
    )
    assert "This role does not belong to the organisation." in text(response.content.decode())
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_removing_needs_a_post_and_the_admin_role(
    provider: Organisation, member: Callable[..., User]
) -> None:
    author = member(provider, "author")
    role = Membership.objects.get(user=author)
    target = page("accounts:remove_role", provider, membership=role.pk)
    assert signed_in(member(provider, "admin")).get(target).status_code == 405
    assert signed_in(author).post(target).status_code == 403
    assert Membership.objects.filter(pk=role.pk).exists()


def test_an_api_token_is_shown_once_stored_as_a_hash_and_revocable(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    client = signed_in(admin, two_factor=True)
    created = client.post(page("accounts:api_tokens", provider), {"name": "Moodle"})
    assert created.status_code == 201
    html = created.content.decode()
    assert_strict_csp_safe(html)
    secret = re.search(r'<code class="acc-secret">(mp_[0-9a-f]{8}_[\w-]+)</code>', html)
    assert secret
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(secret.group(1).encode()).hexdigest()
    assert secret.group(1) not in client.get(page("accounts:api_tokens", provider)).content.decode()
    assert (
        f"mp_{token.prefix}_" in client.get(page("accounts:api_tokens", provider)).content.decode()
    )

    revoked = client.post(page("accounts:revoke_api_token", provider, token=token.pk), follow=True)
    assert "The token “Moodle” was revoked." in text(revoked.content.decode())
    token.refresh_from_db()
    assert token.revoked_at is not None
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == [AuditEvent.Action.TOKEN_CREATED, AuditEvent.Action.TOKEN_REVOKED]


def test_a_token_needs_a_name(provider: Organisation, member: Callable[..., User]) -> None:
    response = signed_in(member(provider, "admin"), two_factor=True).post(
        page("accounts:api_tokens", provider), {"name": "  "}
    )
    assert response.status_code == 400
    assert "Name: This field is required." in text(response.content.decode())
    assert not ApiToken.objects.exists()


def test_another_organisations_token_cannot_be_revoked(
    provider: Organisation, other_provider: Organisation, member: Callable[..., User]
) -> None:
    foreign, _ = services.create_api_token(other_provider, "Canvas", actor=None)
    signed_in(member(provider, "admin")).post(
        page("accounts:revoke_api_token", provider, token=foreign.pk)
    )
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_the_audit_log_is_newest_first_filtered_and_paginated(
    provider: Organisation, other_provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    for number in range(60):
        record(
            actor=admin,
            organisation=provider,
            action=AuditEvent.Action.ISSUED,
            target=provider,
            details={"n": number},
        )
    record(actor=None, organisation=other_provider, action="revoked", target=other_provider)
    client = signed_in(admin)
    first = client.get(page("accounts:audit", provider))
    html = first.content.decode()
    assert_strict_csp_safe(html)
    assert html.count("<tr>") == 1 + 50
    assert "Page 1 of 2" in text(html)
    second = client.get(page("accounts:audit", provider) + "?page=2").content.decode()
    rows = re.findall(r"<tr>.*?</tr>", second, re.S)[1:]
    assert len(rows) == 11  # 60 issued + the admin's role; nothing of the other organisation
    assert "Member joined" in rows[-1]  # the oldest event comes last
    joined = client.get(page("accounts:audit", provider) + "?action=member_joined").content
    assert joined.decode().count("<tr>") - 1 == 1  # the admin's own role, when it was given
    assert "Member joined" in text(joined.decode())
    bad = client.get(page("accounts:audit", provider) + "?action=nonsense")
    assert bad.status_code == 400
    assert "Action: Select a valid choice." in text(bad.content.decode())


def test_the_dashboard_lists_organisations_and_roles(
    provider: Organisation, other_provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "author", "issuer")
    services.add_role(other_provider, person, "reviewer", actor=None)
    html = signed_in(person).get(reverse("accounts:dashboard")).content.decode()
    assert page("accounts:organisation", provider) in html
    assert page("accounts:organisation", other_provider) in html
    assert "Author, Issuer" in text(html)
    assert "Two-factor authentication is off." in text(html)
    assert_strict_csp_safe(html)


def test_api_tokens_need_the_second_factor_even_for_an_admin(
    provider: Organisation, member: Callable[..., User]
) -> None:
    response = signed_in(member(provider, "admin")).get(
        reverse("accounts:api_tokens", kwargs={"org": provider.slug})
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:totp_setup"))
