"""The forms of the accounts pages: login, codes, invitations, sign-up, tokens, the audit filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from meritpass.accounts import services
from meritpass.accounts.models import Organisation, User
from meritpass.audit.models import AuditEvent


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, asking for the email address."""

    username = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self) -> str:
        # Addresses are stored in lower case (UserManager); people type them as they like.
        return str(self.cleaned_data["username"]).strip().lower()


class LanguagePasswordResetForm(PasswordResetForm):
    """Django's password reset form; the email is written in the account holder's language."""

    def send_mail(  # noqa: PLR0917 - Django's signature
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        user = context["user"]
        context["public_url"] = settings.MERITPASS_PUBLIC_URL
        with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class CodeForm(forms.Form):
    """The six-digit code from the authenticator app."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=9,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not (len(code) == 6 and code.isdigit()):
            raise forms.ValidationError(_("Enter the six digits your app shows."))
        return code


class InviteForm(forms.Form):
    """Invite a person by email to some of the roles the organisation's kind offers."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = services.offered_roles(organisation.kind)
        self.fields["roles"].choices = [(role.value, role.label) for role in roles]  # type: ignore[attr-defined]


class SignUpForm(forms.Form):
    """Create the account an invitation was sent to: a name and a password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ApiTokenForm(forms.Form):
    """Name a new API token after the system that will use it."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("For example the learning-management system that will use the token."),
    )


class AuditFilterForm(forms.Form):
    """Filter the audit log by action."""

    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("All actions")), *AuditEvent.Action.choices],
    )
