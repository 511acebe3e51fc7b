"""The Django admin for operators: every accounts model, the audit log read-only, no secrets."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from meritpass.accounts import services
from meritpass.accounts.models import Organisation, TotpDevice, User
from meritpass.audit.models import AuditEvent
from tests.integration.accounts.support import PASSWORD, SECRET, give_authenticator


@pytest.fixture
def operator(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("ops@example.org", PASSWORD))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "accounts/user",
        "accounts/organisation",
        "accounts/invitation",
        "accounts/apitoken",
        "accounts/totpdevice",
        "audit/auditevent",
    ],
)
def test_every_list_opens(operator: Client, provider: Organisation, model: str) -> None:
    app, name = model.split("/")
    assert operator.get(reverse(f"admin:{app}_{name}_changelist")).status_code == 200


def test_an_operator_creates_a_user_by_email(operator: Client) -> None:
    response = operator.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "new@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="new@example.org").check_password(PASSWORD)


def test_secrets_do_not_appear(
    operator: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    person = member(provider, "issuer")
    device = give_authenticator(person)
    token, secret = services.create_api_token(provider, "Moodle", actor=None)
    device_page = operator.get(reverse("admin:accounts_totpdevice_change", args=[device.pk]))
    assert device_page.status_code == 200
    assert SECRET not in device_page.content.decode()
    token_page = operator.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))
    assert secret not in token_page.content.decode()
    assert 'name="token_hash"' not in token_page.content.decode()  # shown, not editable
    assert TotpDevice.objects.filter(pk=device.pk).exists()


def test_the_audit_log_cannot_be_changed_in_the_admin(
    operator: Client, provider: Organisation, member: Callable[..., User]
) -> None:
    member(provider, "admin")
    event = AuditEvent.objects.get()
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert 'name="action"' not in operator.get(change).content.decode()
    assert operator.post(change, {"action": "issued"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert operator.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, action="member_joined").exists()
