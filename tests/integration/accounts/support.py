"""Helpers for the accounts tests: people, organisations, authenticators, signed-in clients."""

from __future__ import annotations

import re
from datetime import datetime

import pyotp
from django.test import Client
from django.utils import timezone

from meritpass.accounts import services
from meritpass.accounts.models import Organisation, TotpDevice, User
from meritpass.accounts.permissions import SESSION_KEY
from meritpass.registry import keystore

PASSWORD = "a long passphrase 7"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_user(email: str, *, language: str = "sv", **fields: str) -> User:
    return User.objects.create_user(email, PASSWORD, language=language, **fields)


def make_organisation(slug: str, kind: str = Organisation.Kind.PROVIDER) -> Organisation:
    return services.create_organisation(
        kind=kind, slug=slug, names={"sv": f"{slug} på svenska", "en": f"{slug} in English"}
    )


def give_authenticator(user: User, *, last_used_step: int = 0) -> TotpDevice:
    return TotpDevice.objects.create(
        user=user,
        secret_encrypted=keystore.encrypt(SECRET.encode()),
        confirmed_at=timezone.now(),
        last_used_step=last_used_step,
    )


def code(secret: str = SECRET, *, at: datetime | None = None, steps: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(at or timezone.now()) + steps)


def signed_in(user: User, *, two_factor: bool = False) -> Client:
    """Return a client signed in as ``user``, past the TOTP step when ``two_factor``."""
    client = Client()
    client.force_login(user)
    if two_factor:
        session = client.session
        session[SESSION_KEY] = timezone.now().isoformat()
        session.save()
    return client


def assert_strict_csp_safe(html: str) -> None:
    """The page needs nothing the strict CSP forbids: no inline scripts, styles or handlers."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert "<style" not in html, "style element"
    assert not re.search(r"\sstyle=", html), "style attribute"
    assert not re.search(r"\son[a-z]+=", html), "event handler attribute"
    assert "javascript:" not in html


def text(html: str) -> str:
    """Return the visible text of ``html`` on one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
