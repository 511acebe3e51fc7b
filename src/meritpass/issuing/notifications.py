"""The email that tells a learner about a new credential and how to claim it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.issuing import display
from meritpass.issuing.models import Award

logger = logging.getLogger(__name__)


def send_claim_email(award: Award, claim_token: str) -> bool:
    """Email the learner the link to claim ``award``; return whether the mail server took it.

    Runs after the award was committed: a failing mail server is logged, without personal
    data, and never undoes the award.
    """
    message = claim_email(award, claim_token)
    try:
        message.send()
    except Exception as error:  # any failure of any backend must leave the award intact
        logger.warning(
            "The claim email of award %s was not sent: %s", award.pk, type(error).__name__
        )
        return False
    award.email_sent_at = timezone.now()
    Award.objects.filter(pk=award.pk).update(email_sent_at=award.email_sent_at)
    return True


def claim_email(award: Award, claim_token: str) -> EmailMultiAlternatives:
    """Return the claim email of ``award`` in the award's language, plain text and HTML."""
    language = award.language
    with translation.override(language):
        context = {
            "summary": display.summarise(award, language),
            "claim_url": claim_url(claim_token, language),
            "page_url": display.public_url(award, language),
        }
        subject = render_to_string("issuing/email/claim_subject.txt", context)
        body = render_to_string("issuing/email/claim.txt", context)
        html = render_to_string("issuing/email/claim.html", context)
    contact = award.issuer.contact_email
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a header is one line
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[award.learner_email],
        reply_to=[contact] if contact else None,
    )
    message.attach_alternative(html, "text/html")
    return message


def claim_url(claim_token: str, language: str) -> str:
    """Return the absolute claim address for ``claim_token`` in ``language``."""
    with translation.override(language):
        path = reverse("issuing:claim", kwargs={"token": claim_token})
    return settings.MERITPASS_PUBLIC_URL + path
