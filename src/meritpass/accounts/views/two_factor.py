"""The second factor: set up an authenticator app, and enter its code after the password.

A person with a confirmed authenticator is not signed in by the password alone: the login page
leaves a short-lived "pending" note in the session, and this code step completes the sign-in.
A signed-in person whose session has no verified code yet (a sensitive page sent them here)
uses the same step.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from meritpass.accounts import totp
from meritpass.accounts.forms import CodeForm
from meritpass.accounts.models import TotpDevice, User
from meritpass.accounts.permissions import SESSION_KEY

PENDING_KEY: Final = "accounts_pending_login"
PENDING_VALIDITY: Final = timedelta(minutes=10)
DEMO_DOMAIN: Final = "@demo.meritpass.eu"


def safe_next(request: HttpRequest, default: str = "accounts:dashboard") -> str:
    """Return the ``next`` address if it stays on this site, else the ``default`` page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else reverse(default)


def with_next(name: str, next_url: str) -> str:
    """Return the address of page ``name`` carrying ``next_url``."""
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def start_pending(request: HttpRequest, user: User) -> None:
    """Remember that ``user`` gave the right password and now owes a code."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]),
        "at": timezone.now().isoformat(),
    }


def _pending_user(request: HttpRequest) -> tuple[User, str] | None:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if datetime.fromisoformat(pending["at"]) + PENDING_VALIDITY < timezone.now():
        del request.session[PENDING_KEY]
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending["backend"]) if user is not None else None


def _mark_verified(request: HttpRequest, user: User, backend: str | None) -> None:
    if not request.user.is_authenticated:
        auth_login(request, user, backend=backend)
    request.session.pop(PENDING_KEY, None)
    request.session[SESSION_KEY] = timezone.now().isoformat()


def _check_code(form: CodeForm, device: TotpDevice, *, confirm: bool) -> bool:
    """Check the submitted code, adding the reason to the form when it is refused."""
    if not form.is_valid():
        return False
    if totp.locked_out(device.user):
        form.add_error("code", _locked_message())
        return False
    check = totp.confirm if confirm else totp.verify
    if check(device, form.cleaned_data["code"], now=timezone.now()):
        return True
    if totp.locked_out(device.user):
        form.add_error("code", _locked_message())
    else:
        form.add_error("code", _("The code is wrong or has already been used. Try the next one."))
    return False


def _locked_message() -> str:
    return _(
        "Too many wrong codes. For your safety, codes are refused for %(minutes)d minutes; "
        "try again later."
    ) % {"minutes": totp.FAILURE_WINDOW // 60}


def _status(form: CodeForm, device: TotpDevice) -> int:
    if not form.is_bound:
        return 200
    return 429 if totp.locked_out(device.user) else 400


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the code of the authenticator app and complete the sign-in with it."""
    next_url = safe_next(request)
    if request.user.is_authenticated:
        user, backend = request.user, None
    elif (pending := _pending_user(request)) is not None:
        user, backend = pending
    else:
        return redirect_to_login(request.get_full_path())
    device = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        return redirect(with_next("accounts:totp_setup", next_url))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _check_code(form, device, confirm=False):
        _mark_verified(request, user, backend)
        return redirect(next_url)
    context: dict[str, Any] = {"form": form, "next": next_url, "demo_code": _demo_code(device)}
    return render(request, "accounts/totp_verify.html", context, status=_status(form, device))


def _demo_code(device: TotpDevice) -> str | None:
    """Return the current code for demo accounts in demo mode, so a newcomer can try them."""
    if settings.MERITPASS_DEMO and device.user.email.lower().endswith(DEMO_DOMAIN):
        return totp.current_code(device, now=timezone.now())
    return None


@login_required
@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """Show a new authenticator's secret as a QR code and text, and confirm it with a code."""
    next_url = safe_next(request)
    user = request.user
    assert isinstance(user, User)
    if totp.has_confirmed_device(user):
        messages.info(request, _("Two-factor authentication is already set up for your account."))
        return redirect(next_url)
    device = totp.pending_device(user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _check_code(form, device, confirm=True):
        _mark_verified(request, user, None)
        messages.success(request, _("Two-factor authentication is now on for your account."))
        return redirect(next_url)
    secret = totp.secret_of(device)
    context = {
        "form": form,
        "next": next_url,
        # segno writes the SVG from the URI alone: no user-controlled markup reaches it.
        "qr": mark_safe(  # noqa: S308
            totp.qr_svg(totp.provisioning_uri(device), title=_("QR code for your authenticator"))
        ),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return render(request, "accounts/totp_setup.html", context, status=_status(form, device))
