"""Signing in and out, and resetting a forgotten password (Django's views, our templates)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy

from meritpass.accounts import totp
from meritpass.accounts.forms import EmailAuthenticationForm, LanguagePasswordResetForm
from meritpass.accounts.models import User
from meritpass.accounts.views.two_factor import start_pending, with_next


class LoginView(auth_views.LoginView):
    """Sign in with email and password; people with an authenticator then give a code."""

    template_name = "accounts/login.html"
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: EmailAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        if isinstance(user, User) and totp.has_confirmed_device(user):
            start_pending(self.request, user)
            return HttpResponseRedirect(with_next("accounts:totp_verify", self.get_success_url()))
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only) and return to the start page."""


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for the email address and send a reset link in the account holder's language."""

    template_name = "accounts/password_reset_form.html"
    form_class = LanguagePasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """Say that a link was sent if the address has an account."""

    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password through the emailed link."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    """Confirm that the password was changed."""

    template_name = "accounts/password_reset_complete.html"
