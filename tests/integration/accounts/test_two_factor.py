"""Setting up an authenticator, codes, replays, the rate limit, sensitive pages, demo codes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from meritpass.accounts import totp
from meritpass.accounts.models import Organisation, TotpDevice, User
from meritpass.accounts.permissions import SESSION_KEY
from meritpass.audit.models import AuditEvent
from meritpass.registry import keystore
from tests.integration.accounts.support import (
    PASSWORD,
    assert_strict_csp_safe,
    code,
    give_authenticator,
    signed_in,
    text,
)

# The assertions read the English texts; reverse() then gives the /en/ pages.
pytestmark = pytest.mark.usefixtures("in_english")


def shown_secret(html: str) -> str:
    match = re.search(r'<code class="acc-secret">([A-Z2-7 ]+)</code>', html)
    assert match
    return match.group(1).replace(" ", "")


def test_setup_shows_a_qr_code_and_the_key_and_confirms_with_a_code(
    provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer")
    client = signed_in(person)
    page = client.get(reverse("accounts:totp_setup"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert 'class="qrline"' in html
    assert_strict_csp_safe(html)
    secret = shown_secret(html)
    assert shown_secret(client.get(reverse("accounts:totp_setup")).content.decode()) == secret
    device = TotpDevice.objects.get(user=person)
    assert secret.encode() not in bytes(device.secret_encrypted)  # encrypted at rest
    assert keystore.decrypt(device.secret_encrypted) == secret.encode()

    response = client.post(reverse("accounts:totp_setup"), {"code": code(secret)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed_at is not None
    assert client.session[SESSION_KEY]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TOTP_ENABLED, actor=person).exists()
    again = client.get(reverse("accounts:totp_setup"))
    assert again.status_code == 302  # already set up: no new secret is shown


def test_setup_refuses_a_wrong_code_naming_the_field(
    provider: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(provider, "issuer"))
    client.get(reverse("accounts:totp_setup"))
    response = client.post(reverse("accounts:totp_setup"), {"code": "12345"})
    assert response.status_code == 400
    assert "Code from your authenticator app: Enter the six digits your app shows." in text(
        response.content.decode()
    )
    assert TotpDevice.objects.get().confirmed_at is None


def test_a_code_works_only_once(
    client: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer", email="ida@example.org")
    give_authenticator(person)
    client.post(reverse("accounts:login"), {"username": "ida@example.org", "password": PASSWORD})
    used = code()
    assert client.post(reverse("accounts:totp_verify"), {"code": used}).status_code == 302
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": "ida@example.org", "password": PASSWORD})
    replay = client.post(reverse("accounts:totp_verify"), {"code": used})
    assert replay.status_code == 400
    assert "already been used" in text(replay.content.decode())
    assert client.post(reverse("accounts:totp_verify"), {"code": code(steps=1)}).status_code == 302


def test_a_code_one_step_old_still_works_but_not_two(
    provider: Organisation, member: Callable[..., User]
) -> None:
    device = give_authenticator(member(provider, "issuer"))
    now = timezone.now()
    assert not totp.verify(device, code(at=now, steps=-2), now=now)
    assert totp.verify(device, code(at=now, steps=-1), now=now)
    assert not totp.verify(device, code(at=now, steps=-1), now=now)  # spent


def test_five_wrong_codes_lock_the_code_step(
    provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer")
    give_authenticator(person)
    client = signed_in(person)
    statuses = [
        client.post(reverse("accounts:totp_verify"), {"code": "000000"}).status_code
        for _ in range(5)
    ]
    assert statuses == [400, 400, 400, 400, 429]
    locked = client.post(reverse("accounts:totp_verify"), {"code": code()})
    assert locked.status_code == 429  # even the right code waits for the window to pass
    assert "Too many wrong codes" in text(locked.content.decode())
    assert SESSION_KEY not in client.session


def test_an_authority_page_sends_a_member_without_authenticator_to_setup(
    authority: Organisation, member: Callable[..., User]
) -> None:
    client = signed_in(member(authority, "admin"))
    page = reverse("accounts:organisation", kwargs={"org": authority.slug})
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:totp_setup") + "?next=")
    secret = shown_secret(client.get(response["Location"]).content.decode())
    done = client.post(response["Location"], {"code": code(secret), "next": page})
    assert done["Location"] == page
    assert client.get(page).status_code == 200


def test_an_authority_page_asks_a_member_with_authenticator_for_a_code(
    authority: Organisation, member: Callable[..., User]
) -> None:
    person = member(authority, "admin")
    give_authenticator(person)
    client = signed_in(person)
    page = reverse("accounts:organisation", kwargs={"org": authority.slug})
    response = client.get(page)
    assert response["Location"].startswith(reverse("accounts:totp_verify") + "?next=")
    done = client.post(response["Location"], {"code": code(), "next": page})
    assert done["Location"] == page


@pytest.mark.parametrize(
    ("demo", "email", "shown"),
    [
        (True, "anna@demo.meritpass.eu", True),
        (True, "anna@example.org", False),
        (False, "anna@demo.meritpass.eu", False),
    ],
)
def test_the_current_code_is_shown_only_to_demo_accounts_in_demo_mode(
    settings: Settings,
    provider: Organisation,
    member: Callable[..., User],
    demo: bool,
    email: str,
    shown: bool,
) -> None:
    settings.MERITPASS_DEMO = demo
    person = member(provider, "issuer", email=email)
    give_authenticator(person)
    html = signed_in(person).get(reverse("accounts:totp_verify")).content.decode()
    assert ("Demo account: the current code is" in html) is shown
    shown_code = re.search(r"<strong>(\d{6})</strong>", html)
    current = {code(), code(steps=-1)}  # the page may have been made just before a step ended
    assert (shown_code is not None and shown_code.group(1) in current) is shown
