"""Which roles each kind of organisation offers, and the accounts errors in both languages."""

from __future__ import annotations

import hashlib

import pytest

from meritpass.accounts.errors import AccountsError
from meritpass.accounts.models import Organisation
from meritpass.accounts.services import digest, offered_roles
from meritpass.core.errors import InputError, MeritpassError


@pytest.mark.parametrize(
    ("kind", "roles"),
    [
        (Organisation.Kind.PROVIDER, ["admin", "author", "issuer", "reviewer"]),
        (Organisation.Kind.INDUSTRY_BODY, ["admin", "author", "issuer", "reviewer"]),
        (Organisation.Kind.EMPLOYER, ["admin", "hr", "recruiter"]),
        (Organisation.Kind.AUTHORITY, ["admin", "reviewer"]),
    ],
)
def test_each_kind_offers_its_roles(kind: str, roles: list[str]) -> None:
    assert [role.value for role in offered_roles(kind)] == roles


def test_accounts_errors_belong_to_the_one_tree_and_speak_both_languages() -> None:
    error = AccountsError("accounts.last_admin")
    assert isinstance(error, InputError)
    assert isinstance(error, MeritpassError)
    assert error.message("en").startswith("The last administrator cannot be removed")
    assert error.message("sv").startswith("Den sista administratören kan inte tas bort")
    assert str(error) == error.message("en")


def test_an_error_names_its_field() -> None:
    error = AccountsError("accounts.role_not_offered", field="roles", role="hr")
    assert error.field == "roles"
    assert error.message("sv") == "Roller: en organisation av det här slaget har ingen roll ”hr”."
    assert AccountsError("accounts.last_admin").field is None


def test_secrets_are_stored_as_their_sha256() -> None:
    assert digest("mp_abc_def") == hashlib.sha256(b"mp_abc_def").hexdigest()
    assert len(digest("x")) == 64
