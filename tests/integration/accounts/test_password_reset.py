"""Resetting a forgotten password: the email in the account holder's language, and its link."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.integration.accounts.support import assert_strict_csp_safe, make_user, text

NEW_PASSWORD = "another long passphrase 9"


def reset_link(body: object) -> str:
    match = re.search(r"https://meritpass\.example(/\S+)", str(body))
    assert match, body
    return match.group(1)


@pytest.mark.django_db
def test_the_emailed_link_sets_a_new_password(client: Client) -> None:
    make_user("berit@example.org", language="en")
    with translation.override("sv"):
        form = reverse("accounts:password_reset")
    page = client.get(form)
    assert_strict_csp_safe(page.content.decode())
    response = client.post(form, {"email": "Berit@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["berit@example.org"]
    assert email.subject == "Choose a new password for Meritpass"  # Berit reads English
    link = reset_link(email.body)
    assert link.startswith("/en/")

    choose = client.get(link, follow=True)
    assert choose.status_code == 200
    assert 'name="new_password1"' in choose.content.decode()
    target = choose.redirect_chain[-1][0]
    done = client.post(target, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert client.login(email="berit@example.org", password=NEW_PASSWORD)
    assert client.get(link).status_code == 200
    assert "not valid" in text(client.get(link, follow=True).content.decode())


@pytest.mark.django_db
def test_an_unknown_address_gets_no_email_but_the_same_answer(client: Client) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_weak_new_password_is_refused_naming_the_field(client: Client) -> None:
    make_user("berit@example.org", language="sv")
    client.post(reverse("accounts:password_reset"), {"email": "berit@example.org"})
    link = reset_link(mail.outbox[0].body)
    target = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(target, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    html = text(response.content.decode())
    assert 'lang="sv"' in response.content.decode()  # the link is in Berit's language
    assert "Bekräfta nytt lösenord: Det här lösenordet är för kort." in html
