"""Pages of the accounts app (under the language prefix).

The paths are translated (``/sv/organisationer/<org>/``, ``/en/organisations/<org>/``), so the
language switch keeps the reader on the same page.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import pgettext_lazy

from meritpass.accounts.views import auth, invitations, organisations, two_factor

app_name = "accounts"

_auth: list[URLPattern | URLResolver] = [
    path(pgettext_lazy("URL", "login/"), auth.LoginView.as_view(), name="login"),
    path(pgettext_lazy("URL", "logout/"), auth.LogoutView.as_view(), name="logout"),
    path(
        pgettext_lazy("URL", "password-reset/"),
        auth.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        pgettext_lazy("URL", "password-reset/sent/"),
        auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        pgettext_lazy("URL", "password-reset/<uidb64>/<token>/"),
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        pgettext_lazy("URL", "password-reset/done/"),
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(pgettext_lazy("URL", "two-factor/setup/"), two_factor.setup, name="totp_setup"),
    path(pgettext_lazy("URL", "two-factor/code/"), two_factor.verify, name="totp_verify"),
]

_organisations: list[URLPattern | URLResolver] = [
    path(pgettext_lazy("URL", "account/"), organisations.dashboard, name="dashboard"),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/"),
        organisations.organisation,
        name="organisation",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/invite/"),
        organisations.invite,
        name="invite",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/roles/<int:membership>/remove/"),
        organisations.remove_role,
        name="remove_role",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/api-tokens/"),
        organisations.api_tokens,
        name="api_tokens",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/api-tokens/<int:token>/revoke/"),
        organisations.revoke_api_token,
        name="revoke_api_token",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/audit-log/"),
        organisations.audit,
        name="audit",
    ),
    path(
        pgettext_lazy("URL", "invitations/<str:token>/"),
        invitations.accept,
        name="accept_invitation",
    ),
]

urlpatterns: list[URLPattern | URLResolver] = _auth + _organisations
