"""Inviting people by email and accepting: new accounts, existing ones, and links that fail."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.accounts import services
from meritpass.accounts.errors import AccountsError
from meritpass.accounts.models import Invitation, Membership, Organisation, User
from meritpass.audit.models import AuditEvent
from tests.integration.accounts.support import (
    PASSWORD,
    assert_strict_csp_safe,
    make_user,
    signed_in,
    text,
)

# The assertions read the English texts; reverse() then gives the /en/ pages.
pytestmark = pytest.mark.usefixtures("in_english")


def invite_url(org: Organisation, language: str = "en") -> str:
    with translation.override(language):
        return reverse("accounts:invite", kwargs={"org": org.slug})


def emailed_link() -> str:
    match = re.search(r"https://meritpass\.example(/\S+)", str(mail.outbox[-1].body))
    assert match
    return match.group(1)


def roles_of(user: User, org: Organisation) -> set[str]:
    return set(
        Membership.objects.filter(user=user, organisation=org).values_list("role", flat=True)
    )


@pytest.fixture
def admin(provider: Organisation, member: Callable[..., User]) -> User:
    return member(provider, "admin", email="admin@example.org", first_name="Alva")


def test_a_new_person_is_invited_signs_up_and_joins(provider: Organisation, admin: User) -> None:
    response = signed_in(admin).post(
        invite_url(provider, "sv"), {"email": "Nils@Example.org", "roles": ["author", "issuer"]}
    )
    assert response.status_code == 302
    email = mail.outbox[0]
    assert email.to == ["nils@example.org"]
    assert "yrkesakademin på svenska" in email.subject  # written in the inviter's language
    link = emailed_link()
    assert link.startswith("/sv/")
    invitation = Invitation.objects.get()
    assert invitation.token_hash not in link  # only the hash is stored
    assert AuditEvent.objects.filter(action=AuditEvent.Action.MEMBER_INVITED).count() == 1

    client = Client()
    page = client.get(link)
    assert page.status_code == 200
    assert_strict_csp_safe(page.content.decode())
    assert 'name="password1"' in page.content.decode()
    joined = client.post(
        link,
        {"first_name": "Nils", "last_name": "Holm", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert joined.status_code == 302
    nils = User.objects.get(email="nils@example.org")
    assert nils.get_full_name() == "Nils Holm"
    assert nils.language == "sv"
    assert roles_of(nils, provider) == {"author", "issuer"}
    assert client.get(joined["Location"]).status_code == 200  # signed in, on the organisation
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.MEMBER_JOINED, actor=nils).count() == 2
    )


def test_sign_up_errors_name_the_field(provider: Organisation, admin: User) -> None:
    new = services.invite(
        provider, email="nils@example.org", roles=["author"], actor=admin, language="en"
    )
    with translation.override("en"):
        link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    response = Client().post(
        link, {"first_name": "", "last_name": "Holm", "password1": "nils", "password2": "nils"}
    )
    assert response.status_code == 400
    html = text(response.content.decode())
    assert "First name: This field is required." in html
    assert "Password: This password is too short." in html
    assert not User.objects.filter(email="nils@example.org").exists()


def test_a_signed_in_person_joins_with_the_invited_address(
    provider: Organisation, admin: User
) -> None:
    ebba = make_user("ebba@example.org")
    new = services.invite(
        provider, email="ebba@example.org", roles=["reviewer"], actor=admin, language="en"
    )
    link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    client = signed_in(ebba)
    assert "Join the organisation" in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert roles_of(ebba, provider) == {"reviewer"}


def test_an_existing_account_is_asked_to_log_in(provider: Organisation, admin: User) -> None:
    make_user("ebba@example.org")
    new = services.invite(
        provider, email="ebba@example.org", roles=["reviewer"], actor=admin, language="en"
    )
    link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    html = Client().get(link).content.decode()
    assert "You already have an account" in html
    assert reverse("accounts:login") + "?next=" in html


def test_the_wrong_person_cannot_accept(provider: Organisation, admin: User) -> None:
    new = services.invite(
        provider, email="ebba@example.org", roles=["issuer"], actor=admin, language="en"
    )
    link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    other = make_user("mallory@example.org")
    response = signed_in(other).post(link)
    assert response.status_code == 403
    assert "sent to another email address" in text(response.content.decode())
    assert roles_of(other, provider) == set()


def test_a_used_invitation_cannot_be_used_again(provider: Organisation, admin: User) -> None:
    ebba = make_user("ebba@example.org")
    new = services.invite(
        provider, email="ebba@example.org", roles=["issuer"], actor=admin, language="en"
    )
    link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    client = signed_in(ebba)
    client.post(link)
    again = client.post(link)
    assert again.status_code == 410
    assert "already been used" in text(again.content.decode())


def test_an_expired_invitation_says_so(provider: Organisation, admin: User) -> None:
    new = services.invite(
        provider,
        email="ebba@example.org",
        roles=["issuer"],
        actor=admin,
        language="en",
        now=timezone.now() - timedelta(days=8),
    )
    link = reverse("accounts:accept_invitation", kwargs={"token": new.token})
    response = Client().get(link)
    assert response.status_code == 410
    assert "has expired" in text(response.content.decode())


@pytest.mark.django_db
def test_an_unknown_invitation_link_says_so(client: Client) -> None:
    response = client.get(reverse("accounts:accept_invitation", kwargs={"token": "nonsense"}))
    assert response.status_code == 404
    assert "not valid" in text(response.content.decode())


def test_a_new_invitation_replaces_the_open_one(provider: Organisation, admin: User) -> None:
    first = services.invite(
        provider, email="ebba@example.org", roles=["issuer"], actor=admin, language="en"
    )
    services.invite(
        provider, email="ebba@example.org", roles=["author"], actor=admin, language="en"
    )
    with pytest.raises(AccountsError) as raised:
        services.open_invitation(first.token)
    assert raised.value.code == "accounts.invitation_expired"


def test_a_member_who_is_not_admin_cannot_invite(
    provider: Organisation, member: Callable[..., User]
) -> None:
    author = member(provider, "author")
    response = signed_in(author).post(
        invite_url(provider), {"email": "x@example.org", "roles": ["author"]}
    )
    assert response.status_code == 403
    assert mail.outbox == []
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "x@example.org"}, "Roles: Choose at least one role."),
        ({"email": "x@example.org", "roles": ["issuer"]}, "Roles: Select a valid choice."),
        ({"email": "not an address", "roles": ["hr"]}, "Email address: Enter a valid email"),
    ],
)
def test_invitation_form_errors_name_the_field(
    member: Callable[..., User], data: dict[str, object], message: str
) -> None:
    employer = services.create_organisation(
        kind=Organisation.Kind.EMPLOYER, slug="bygg-ab", names={"sv": "Bygg AB", "en": "Bygg AB"}
    )
    boss = member(employer, "admin")
    response = signed_in(boss).post(invite_url(employer), data)
    assert response.status_code == 400
    assert message in text(response.content.decode())
    assert mail.outbox == []


def test_the_invite_form_offers_the_roles_of_the_organisation_kind(
    provider: Organisation, authority: Organisation, admin: User, member: Callable[..., User]
) -> None:
    html = signed_in(admin).get(reverse("accounts:organisation", kwargs={"org": provider.slug}))
    offered = re.findall(r'name="roles" value="(\w+)"', html.content.decode())
    assert offered == ["admin", "author", "issuer", "reviewer"]
    agency = member(authority, "admin")
    page = signed_in(agency, two_factor=True).get(
        reverse("accounts:organisation", kwargs={"org": authority.slug})
    )
    assert re.findall(r'name="roles" value="(\w+)"', page.content.decode()) == [
        "admin",
        "reviewer",
    ]
