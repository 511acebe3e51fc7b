"""The accounts services: organisations, roles, invitations and tokens, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from pytest_django.fixtures import Settings

from meritpass.accounts import services
from meritpass.accounts.errors import AccountsError
from meritpass.accounts.models import Invitation, Membership, Organisation, User
from meritpass.audit.models import AuditEvent


class FailingBackend(BaseEmailBackend):
    """An email server that is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
def test_an_organisation_is_created_with_its_first_admin() -> None:
    founder = User.objects.create_user("founder@example.org", "x")
    org = services.create_organisation(
        kind="industry_body",
        slug="byggbranschen",
        names={"sv": "Byggbranschen", "en": "The Construction Industry"},
        country="se",
        admins=[founder],
    )
    assert org.country_code == "SE"
    assert org.name("en") == "The Construction Industry"
    assert list(Membership.objects.values_list("user__email", "role")) == [
        ("founder@example.org", "admin")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "english", "swedish"),
    [
        ({"slug": "Not a slug!"}, "slug", "Short name: Enter a valid “slug”", "Fyll i en giltig"),
        ({"kind": "school"}, "kind", "Kind: Value 'school' is not a valid choice.", "Värdet"),
        ({"names": {"sv": ""}}, "name_sv", "Name (Swedish): This field cannot be blank.", "Detta"),
    ],
)
def test_bad_organisation_input_names_the_field(
    changes: dict[str, object], field: str, english: str, swedish: str
) -> None:
    arguments: dict[str, object] = {
        "kind": "provider",
        "slug": "skolan",
        "names": {"sv": "Skolan", "en": "The School"},
    }
    with pytest.raises(AccountsError) as raised:
        services.create_organisation(**(arguments | changes))  # type: ignore[arg-type]
    assert raised.value.field == field
    assert raised.value.message("en").startswith(english)
    assert swedish in raised.value.message("sv")
    assert not Organisation.objects.exists()


def test_an_invitation_whose_email_fails_leaves_nothing_behind(
    settings: Settings, provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    before = AuditEvent.objects.count()
    with pytest.raises(ConnectionRefusedError):
        services.invite(
            provider, email="nils@example.org", roles=["author"], actor=admin, language="sv"
        )
    assert not Invitation.objects.exists()
    assert AuditEvent.objects.count() == before


def test_roles_outside_the_organisation_kind_are_refused(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    with pytest.raises(AccountsError) as raised:
        services.invite(provider, email="x@example.org", roles=["hr"], actor=admin, language="sv")
    assert raised.value.field == "roles"
    assert raised.value.message("sv") == (
        "Roller: en organisation av det här slaget har ingen roll ”hr”."
    )
    with pytest.raises(AccountsError):
        services.add_role(provider, admin, "recruiter", actor=None)


def test_accepting_needs_the_invited_address(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    new = services.invite(
        provider, email="nils@example.org", roles=["author"], actor=admin, language="sv"
    )
    stranger = User.objects.create_user("stranger@example.org", "x")
    with pytest.raises(AccountsError) as raised:
        services.accept_invitation(new.token, stranger)
    assert raised.value.code == "accounts.invitation_wrong_email"
    assert Invitation.objects.get().accepted_at is None


def test_sign_up_refuses_an_address_that_has_an_account(
    provider: Organisation, member: Callable[..., User]
) -> None:
    admin = member(provider, "admin")
    new = services.invite(
        provider, email="nils@example.org", roles=["author"], actor=admin, language="sv"
    )
    User.objects.create_user("nils@example.org", "x")
    with pytest.raises(AccountsError) as raised:
        services.sign_up_and_accept(
            new.token, first_name="N", last_name="H", password="a long passphrase", language="sv"
        )
    assert raised.value.code == "accounts.email_taken"
    assert Invitation.objects.get().accepted_at is None


def test_revoking_twice_says_it_is_already_revoked(provider: Organisation) -> None:
    token, _ = services.create_api_token(provider, "Moodle", actor=None)
    services.revoke_api_token(provider, token.pk, actor=None)
    with pytest.raises(AccountsError) as raised:
        services.revoke_api_token(provider, token.pk, actor=None)
    assert raised.value.message("en") == "This API token has already been revoked."
