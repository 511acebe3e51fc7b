"""Signing in with email and password, the code step for people with an authenticator, logout."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meritpass.accounts.models import Organisation, User
from meritpass.accounts.permissions import SESSION_KEY
from tests.integration.accounts.support import (
    PASSWORD,
    assert_strict_csp_safe,
    code,
    give_authenticator,
    signed_in,
    text,
)


def url(name: str, language: str = "en", **kwargs: object) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_login_page_renders_in_each_language_under_the_strict_csp(
    client: Client, language: str
) -> None:
    response = client.get(url("accounts:login", language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert 'type="email"' in html
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert_strict_csp_safe(html)


def test_the_right_password_signs_in_and_opens_the_dashboard(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "author", email="anna@example.org")
    response = client.post(
        url("accounts:login"), {"username": "Anna@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == url("accounts:dashboard")
    dashboard = client.get(response["Location"]).content.decode()
    assert "yrkesakademin in English" in dashboard
    assert url("accounts:organisation", org="yrkesakademin") in dashboard
    assert person.email in dashboard


def test_a_wrong_password_is_refused_with_a_message(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    member(provider, "author", email="anna@example.org")
    response = client.post(
        url("accounts:login"), {"username": "anna@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in text(response.content.decode())
    assert client.get(url("accounts:dashboard")).status_code == 302  # still signed out


def test_the_dashboard_needs_a_login(client: Client, db: None) -> None:
    response = client.get(url("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login") + "?next=")


def test_with_an_authenticator_the_password_alone_does_not_sign_in(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer", email="ida@example.org")
    give_authenticator(person)
    response = client.post(
        url("accounts:login"), {"username": "ida@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:totp_verify") + "?next=")
    assert client.get(url("accounts:dashboard")).status_code == 302  # not signed in yet
    step = client.post(response["Location"], {"code": code()})
    assert step.status_code == 302
    assert step["Location"] == url("accounts:dashboard")
    assert client.get(url("accounts:dashboard")).status_code == 200
    assert client.session[SESSION_KEY]


def test_the_code_step_keeps_the_page_asked_for(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer", email="ida@example.org")
    give_authenticator(person)
    wanted = url("accounts:organisation", org=provider.slug)
    response = client.post(
        url("accounts:login") + f"?next={wanted}",
        {"username": "ida@example.org", "password": PASSWORD, "next": wanted},
    )
    step = client.post(response["Location"], {"code": code(), "next": wanted})
    assert step["Location"] == wanted


def test_the_code_step_refuses_a_foreign_next_address(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer", email="ida@example.org")
    give_authenticator(person)
    client.post(url("accounts:login"), {"username": "ida@example.org", "password": PASSWORD})
    step = client.post(
        url("accounts:totp_verify"), {"code": code(), "next": "https://evil.example/"}
    )
    assert step["Location"] == url("accounts:dashboard")


def test_the_code_step_without_a_password_goes_to_the_login(client: Client, db: None) -> None:
    response = client.get(url("accounts:totp_verify"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


def test_logout_is_a_post(provider: Organisation, member: Callable[..., User]) -> None:
    client = signed_in(member(provider, "author"))
    assert client.get(url("accounts:logout")).status_code == 405
    response = client.post(url("accounts:logout"))
    assert response.status_code == 302
    assert client.get(url("accounts:dashboard")).status_code == 302
