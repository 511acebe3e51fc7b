"""The dashboard, an organisation's page with its members and invitations, API tokens, audit log."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Final

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meritpass.accounts import services, totp
from meritpass.accounts.errors import AccountsError
from meritpass.accounts.forms import ApiTokenForm, AuditFilterForm, InviteForm
from meritpass.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, User
from meritpass.accounts.permissions import organisation_view, roles_of
from meritpass.audit.models import AuditEvent
from meritpass.registry.dids import organisation_did
from meritpass.site.languages import page_language

AUDIT_PAGE_SIZE: Final = 50


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """List the signed-in person's organisations and roles."""
    memberships = (
        Membership.objects.filter(user=_user(request))
        .select_related("organisation")
        .order_by("organisation__name_sv", "role")
    )
    grouped: dict[Organisation, list[str]] = defaultdict(list)
    for membership in memberships:
        grouped[membership.organisation].append(str(Role(membership.role).label))
    language = page_language()
    organisations = [
        {"organisation": org, "name": org.name(language), "roles": roles}
        for org, roles in grouped.items()
    ]
    context = {
        "organisations": organisations,
        "two_factor": totp.has_confirmed_device(_user(request)),
    }
    return render(request, "accounts/dashboard.html", context)


@require_GET
@organisation_view()
def organisation(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Show an organisation to its members; administrators also manage members here."""
    return _organisation_page(request, org)


def _organisation_page(
    request: HttpRequest, org: Organisation, *, form: InviteForm | None = None, status: int = 200
) -> HttpResponse:
    roles = roles_of(request.user, org)
    is_admin = Role.ADMIN in roles
    context: dict[str, Any] = {
        "org": org,
        "name": org.name(page_language()),
        "did": organisation_did(org),
        "members": _members(org),
        "roles": roles,
        "is_admin": is_admin,
    }
    if is_admin:
        context["invite_form"] = form or InviteForm(organisation=org)
        context["invitations"] = Invitation.objects.filter(
            organisation=org, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("-created_at")
    return render(request, "accounts/organisation.html", context, status=status)


def _members(org: Organisation) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}
    memberships = (
        Membership.objects.filter(organisation=org)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email", "role")
    )
    for membership in memberships:
        row = rows.setdefault(membership.user_id, {"user": membership.user, "roles": []})
        row["roles"].append({"id": membership.pk, "label": Role(membership.role).label})
    return list(rows.values())


@require_POST
@organisation_view(Role.ADMIN)
def invite(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Send an invitation by email, in the language of this page."""
    form = InviteForm(request.POST, organisation=org)
    if form.is_valid():
        try:
            services.invite(
                org,
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
                actor=_user(request),
                language=page_language(),
            )
        except AccountsError as error:
            form.add_error(None, error.message(page_language()))
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % form.cleaned_data)
            return redirect("accounts:organisation", org=org.slug)
    return _organisation_page(request, org, form=form, status=400)


@require_POST
@organisation_view(Role.ADMIN)
def remove_role(request: HttpRequest, org: Organisation, membership: int) -> HttpResponse:
    """Take one role away from a member."""
    try:
        services.remove_role(org, membership, actor=_user(request))
    except AccountsError as error:
        messages.error(request, error.message(page_language()))
    else:
        messages.success(request, _("The role was removed."))
    return redirect("accounts:organisation", org=org.slug)


@never_cache
@require_http_methods(["GET", "POST"])
@organisation_view(Role.ADMIN, two_factor=True)
def api_tokens(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the organisation's API tokens and create one, showing its secret once."""
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    created: tuple[ApiToken, str] | None = None
    if form.is_valid():
        try:
            created = services.create_api_token(
                org, form.cleaned_data["name"], actor=_user(request)
            )
        except AccountsError as error:
            form.add_error(None, error.message(page_language()))
        else:
            form = ApiTokenForm()
    context = {
        "org": org,
        "name": org.name(page_language()),
        "form": form,
        "created": created,
        "tokens": ApiToken.objects.filter(organisation=org).order_by("-created_at"),
    }
    status = 400 if form.is_bound and form.errors else (201 if created else 200)
    return render(request, "accounts/api_tokens.html", context, status=status)


@require_POST
@organisation_view(Role.ADMIN, two_factor=True)
def revoke_api_token(request: HttpRequest, org: Organisation, token: int) -> HttpResponse:
    """Revoke a token: requests that carry it are refused from now on."""
    try:
        revoked = services.revoke_api_token(org, token, actor=_user(request))
    except AccountsError as error:
        messages.error(request, error.message(page_language()))
    else:
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": revoked.name})
    return redirect("accounts:api_tokens", org=org.slug)


@require_GET
@organisation_view(Role.ADMIN)
def audit(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Show the organisation's audit log, newest first, optionally of one action."""
    form = AuditFilterForm(request.GET)
    events = AuditEvent.objects.filter(organisation=org).select_related("actor")
    action = form.cleaned_data["action"] if form.is_valid() else ""
    if action:
        events = events.filter(action=action)
    page = Paginator(events.order_by("-at", "-id"), AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "org": org,
        "name": org.name(page_language()),
        "form": form,
        "action": action,
        "page": page,
    }
    return render(request, "accounts/audit.html", context, status=200 if form.is_valid() else 400)
