"""The emails of the accounts app, written in the recipient's language.

Links point at ``MERITPASS_PUBLIC_URL``, never at the Host header of the request that caused the
email, so a forged header cannot redirect a reader elsewhere.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from meritpass.accounts.models import Invitation, Role


def public_url(path: str) -> str:
    """Return ``path`` on this site's public address."""
    return f"{settings.MERITPASS_PUBLIC_URL}{path}"


def send_invitation(invitation: Invitation, token: str, *, language: str) -> None:
    """Email the invitation link (valid for seven days, usable once) in ``language``."""
    with translation.override(language):
        link = public_url(reverse("accounts:accept_invitation", kwargs={"token": token}))
        inviter = invitation.invited_by
        context = {
            "organisation": invitation.organisation.name(language),
            "roles": [str(Role(role).label) for role in invitation.roles],
            "inviter": str(inviter) if inviter is not None else "",
            "link": link,
            "expires_at": invitation.expires_at,
        }
        _send("accounts/email/invitation", context, to=invitation.email)


def _send(template: str, context: dict[str, Any], *, to: str) -> None:
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [to], fail_silently=False)
