"""The claim email: in the learner's language, with a working link, never undoing the award."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Sequence

import pytest
from django.conf import settings as site_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.test import Client
from pytest_django.fixtures import Settings

from meritpass.issuing.models import Award
from meritpass.issuing.notifications import send_claim_email
from tests.integration.issuing import public_awards
from tests.integration.issuing.public_awards import CLAIM_TOKEN, EMAIL, LEARNER, TITLE, path

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient, naming them as real servers do."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPRecipientsRefused({EMAIL: (550, b"no such user")})


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_email_links_to_the_claim_page_in_the_awards_language(language: str) -> None:
    award = public_awards.award(language=language)

    assert send_claim_email(award, CLAIM_TOKEN)

    [message] = mail.outbox
    link = site_settings.MERITPASS_PUBLIC_URL + path("claim", language, token=CLAIM_TOKEN)
    assert message.to == [EMAIL]
    assert TITLE[language] in message.subject
    assert "\n" not in message.subject
    assert link in message.body
    assert LEARNER in message.body
    [(html, media_type)] = message.alternatives  # type: ignore[attr-defined]
    assert media_type == "text/html"
    assert f'href="{link}"' in html
    assert f'lang="{language}"' in html
    assert Award.objects.get(pk=award.pk).email_sent_at is not None


def test_the_link_in_the_email_opens_the_claim_page(client: Client) -> None:
    award = public_awards.award(language="sv")
    send_claim_email(award, CLAIM_TOKEN)
    link = site_settings.MERITPASS_PUBLIC_URL + path("claim", "sv", token=CLAIM_TOKEN)
    assert link in mail.outbox[0].body

    response = client.get(link.removeprefix(site_settings.MERITPASS_PUBLIC_URL))
    assert response.status_code == 200
    assert TITLE["sv"] in response.content.decode()


def test_a_failing_mail_server_is_logged_without_personal_data(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    award = public_awards.award()

    with caplog.at_level(logging.WARNING, logger="meritpass.issuing.notifications"):
        assert not send_claim_email(award, CLAIM_TOKEN)

    assert Award.objects.get(pk=award.pk).email_sent_at is None
    [record] = caplog.records
    assert "SMTPRecipientsRefused" in record.getMessage()
    for secret in [EMAIL, LEARNER, CLAIM_TOKEN, "asa.oberg"]:
        assert secret not in caplog.text
