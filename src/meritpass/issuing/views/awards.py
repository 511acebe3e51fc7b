"""An issuer's pages for awards: the list, the award form and one award with its status."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meritpass.accounts.models import Organisation, Role, User
from meritpass.accounts.permissions import organisation_view
from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing import queries, services
from meritpass.issuing.errors import InvalidAwardError, IssuingError
from meritpass.issuing.forms import AwardForm, AwardSearchForm, StatusForm, add_errors
from meritpass.issuing.models import Award, StatusChange
from meritpass.issuing.validation import LearnerInput
from meritpass.site.languages import page_language

ISSUER = Role.ISSUER
Action = StatusChange.Action


@require_GET
@organisation_view(ISSUER)
def awards(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the organisation's awards, found by the learner's name or email and by state."""
    form = AwardSearchForm(request.GET or None)
    text, state = "", ""
    if form.is_valid():
        text, state = form.cleaned_data["q"].strip(), form.cleaned_data["state"]
    page = queries.awards(org, text=text, state=state, page=request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"org": org, "form": form, "page": page, "query": query.urlencode()}
    return render(request, "issuing/awards.html", context)


@require_GET
@organisation_view(ISSUER)
def choose_version(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the specifications the organisation may issue, each with its forms."""
    context = {"org": org, "versions": queries.issuable_versions(org), "language": page_language()}
    return render(request, "issuing/choose_version.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(ISSUER)
def award_new(request: HttpRequest, org: Organisation, version: UUID) -> HttpResponse:
    """Award one learner the chosen specification version."""
    item = get_object_or_404(queries.issuable_versions(org), uuid=version)
    form = AwardForm(request.POST or None, version=item)
    if request.method == "POST" and form.is_valid() and form.learner is not None:
        response = _issue(request, org, item, form, form.learner)
        if response is not None:
            return response
    status = 400 if form.is_bound else 200
    context = {"org": org, "version": item, "form": form, "language": page_language()}
    return render(request, "issuing/award_new.html", context, status=status)


def _issue(
    request: HttpRequest,
    org: Organisation,
    version: SpecificationVersion,
    form: AwardForm,
    learner: LearnerInput,
) -> HttpResponse | None:
    try:
        issued = services.issue(
            issuer=org,
            version=version,
            learner=learner,
            actor=_user(request),
        )
    except InvalidAwardError as error:
        add_errors(form, error.errors)
        return None
    except IssuingError as error:
        add_errors(form, [error])
        return None
    if issued.created:
        messages.success(request, _("The credential was issued and the learner was emailed."))
    else:
        messages.info(
            request,
            _("This learner already has this credential for that date; nothing was issued."),
        )
    return redirect(_award_url(org, issued.award))


@require_GET
@organisation_view(ISSUER)
def award(request: HttpRequest, org: Organisation, award: UUID) -> HttpResponse:
    """Show one award: the learner, its state and history, and the status actions."""
    item = _own_award(org, award)
    return _award_page(request, org, item, StatusForm())


@require_POST
@organisation_view(ISSUER)
def change_status(request: HttpRequest, org: Organisation, award: UUID) -> HttpResponse:
    """Revoke, suspend or reinstate an award, with the reason given."""
    item = _own_award(org, award)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _award_page(request, org, item, form, status=400)
    change = {Action.REVOKE: services.revoke, Action.SUSPEND: services.suspend}.get(
        form.cleaned_data["action"], services.reinstate
    )
    try:
        change(item, form.cleaned_data["reason"], _user(request))
    except IssuingError as error:
        add_errors(form, [error])
        return _award_page(request, org, item, form, status=400)
    messages.success(request, _DONE[form.cleaned_data["action"]])
    return redirect(_award_url(org, item))


@require_POST
@organisation_view(ISSUER)
def resend_claim(request: HttpRequest, org: Organisation, award: UUID) -> HttpResponse:
    """Email the learner a new claim link (the previous one stops working)."""
    item = _own_award(org, award)
    try:
        services.resend_claim_link(item, _user(request))
    except IssuingError as error:
        messages.error(request, error.message(page_language()))
    else:
        messages.success(
            request, _("A new claim link was emailed to %(email)s.") % {"email": item.learner_email}
        )
    return redirect(_award_url(org, item))


_DONE = {
    Action.REVOKE: gettext_lazy("The credential was revoked. Its status list shows it at once."),
    Action.SUSPEND: gettext_lazy("The credential was suspended. Its status list shows it at once."),
    Action.REINSTATE: gettext_lazy("The credential was reinstated and is valid again."),
}


def _award_page(
    request: HttpRequest, org: Organisation, item: Award, form: StatusForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "org": org,
        "award": item,
        "form": form,
        "changes": item.status_changes.select_related("actor"),
        "can_suspend": item.state == Award.State.ACTIVE,
        "can_reinstate": item.state == Award.State.SUSPENDED,
        "can_revoke": item.state != Award.State.REVOKED,
        "language": page_language(),
    }
    return render(request, "issuing/award.html", context, status=status)


def _own_award(org: Organisation, uuid: UUID) -> Award:
    """Return ``org``'s award ``uuid``; another organisation's award is not found."""
    return get_object_or_404(
        Award.objects.select_related("version", "created_by", "job"), issuer=org, uuid=uuid
    )


def _award_url(org: Organisation, item: Award) -> str:
    return reverse("issuing:award", kwargs={"org": org.slug, "award": item.uuid})


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user
