"""Accepting an invitation: join as the signed-in person, or create the invited account first."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from meritpass.accounts import services
from meritpass.accounts.errors import AccountsError
from meritpass.accounts.forms import SignUpForm
from meritpass.accounts.models import Invitation, Role, User
from meritpass.site.languages import page_language

_INVALID_STATUS = {
    "accounts.invitation_unknown": 404,
    "accounts.invitation_used": 410,
    "accounts.invitation_expired": 410,
}
_BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Show an invitation and accept it, creating the account when the address has none."""
    try:
        invitation = services.open_invitation(token)
    except AccountsError as error:
        return _invalid(request, error)
    if request.user.is_authenticated:
        return _accept_as_member(request, token, invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return _render(request, invitation, {"log_in": True})
    return _sign_up(request, token, invitation)


def _accept_as_member(request: HttpRequest, token: str, invitation: Invitation) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.email.lower() != invitation.email.lower():
        error = AccountsError("accounts.invitation_wrong_email")
        return _render(request, invitation, {"problem": error.message(page_language())}, status=403)
    if request.method == "POST":
        try:
            services.accept_invitation(token, user)
        except AccountsError as error:
            return _invalid(request, error)
        return _joined(request, invitation)
    return _render(request, invitation, {"join": True})


def _sign_up(request: HttpRequest, token: str, invitation: Invitation) -> HttpResponse:
    form = SignUpForm(request.POST if request.method == "POST" else None, email=invitation.email)
    if form.is_valid():
        try:
            user = services.sign_up_and_accept(
                token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
                language=page_language(),
            )
        except AccountsError as error:
            form.add_error(None, error.message(page_language()))
        else:
            auth_login(request, user, backend=_BACKEND)
            return _joined(request, invitation)
    status = 400 if form.is_bound else 200
    return _render(request, invitation, {"form": form}, status=status)


def _joined(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    name = invitation.organisation.name(page_language())
    messages.success(request, _("Welcome to %(organisation)s.") % {"organisation": name})
    return redirect("accounts:organisation", org=invitation.organisation.slug)


def _render(
    request: HttpRequest, invitation: Invitation, extra: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation.name(page_language()),
        "roles": [Role(role).label for role in invitation.roles],
        **extra,
    }
    return render(request, "accounts/invitation.html", context, status=status)


def _invalid(request: HttpRequest, error: AccountsError) -> HttpResponse:
    context = {"problem": error.message(page_language())}
    status = _INVALID_STATUS.get(error.code, 400)
    return render(request, "accounts/invitation_invalid.html", context, status=status)
