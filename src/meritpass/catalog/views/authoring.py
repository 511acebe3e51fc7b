"""The owner's pages: its specifications, the draft editor, submission, versions and delegation."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meritpass.accounts.models import Organisation
from meritpass.accounts.permissions import organisation_view
from meritpass.catalog import queries, services
from meritpass.catalog.errors import CatalogError, status_name
from meritpass.catalog.forms import (
    BaseOutcomeFormSet,
    CommentForm,
    DelegationForm,
    OutcomeFormSet,
    SpecificationForm,
    SubmitForm,
    outcome_initial,
)
from meritpass.catalog.models import Delegation, Specification, SpecificationVersion
from meritpass.catalog.presentation import describe
from meritpass.catalog.views.common import (
    missing_items,
    owned_specification,
    owned_version,
    report,
    user_of,
)
from meritpass.core.errors import InputError
from meritpass.site.languages import page_language

AUTHORS = services.AUTHORING_ROLES
Status = SpecificationVersion.Status


@require_GET
@organisation_view(*AUTHORS)
def specifications(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the organisation's specifications with the status of each version."""
    rows = [
        {"specification": item, "versions": versions, "title": _title(versions)}
        for item, versions in queries.owned(org)
    ]
    context = {"org": org, "name": org.name(page_language()), "rows": rows}
    return render(request, "catalog/specifications.html", context)


@require_POST
@organisation_view(*AUTHORS)
def create(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Start a new specification and open its draft."""
    version = services.create_specification(org, user_of(request))
    return redirect(_edit_url(org, version.specification))


@require_http_methods(["GET", "POST"])
@organisation_view(*AUTHORS)
def edit(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Edit the draft: every element, saved as it is; check completeness; submit."""
    specification = owned_specification(org, uuid)
    draft = specification.versions.filter(status=Status.DRAFT).first()
    if draft is None:
        messages.info(request, _("This specification has no draft. Make a new version to edit it."))
        return redirect(_specification_url(org, specification))
    if request.method == "POST":
        return _save(request, org, draft)
    form = SpecificationForm(initial=SpecificationForm.initial_from(draft.content))
    outcomes = OutcomeFormSet(initial=outcome_initial(draft.content), prefix="outcomes")
    return _editor(request, org, draft, form, outcomes)


def _save(request: HttpRequest, org: Organisation, draft: SpecificationVersion) -> HttpResponse:
    form = SpecificationForm(request.POST)
    outcomes = cast("BaseOutcomeFormSet", OutcomeFormSet(request.POST, prefix="outcomes"))
    if not (form.is_valid() and outcomes.is_valid()):
        messages.error(request, _("The draft was not saved: correct the marked fields."))
        return _editor(request, org, draft, form, outcomes, status=400)
    try:
        services.save_draft(draft, form.content(outcomes.outcomes()), user_of(request))
    except CatalogError as error:
        report(request, error)
        return redirect(_specification_url(org, draft.specification))
    messages.success(request, _("The draft was saved."))
    return redirect(_edit_url(org, draft.specification) + "#completeness")


def _editor(
    request: HttpRequest,
    org: Organisation,
    draft: SpecificationVersion,
    form: SpecificationForm,
    outcomes: Any,
    *,
    status: int = 200,
) -> HttpResponse:
    missing = missing_items(services.completeness(draft), page_language())
    problem = "" if missing else _problem(draft)
    bodies = queries.reviewing_bodies()
    context = {
        "org": org,
        "version": draft,
        "specification": draft.specification,
        "form": form,
        "outcomes": outcomes,
        "missing": missing,
        "problem": problem,
        "submit_form": SubmitForm(bodies=bodies),
        "can_submit": not missing and not problem and bool(bodies),
        "no_bodies": not bodies,
    }
    return render(request, "catalog/edit.html", context, status=status)


def _problem(draft: SpecificationVersion) -> str:
    try:
        services.check_content(draft)
    except InputError as error:
        return error.message(page_language())
    return ""


@require_POST
@organisation_view(*AUTHORS)
def submit(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Send the draft to the chosen industry body; refused with reasons while incomplete."""
    specification = owned_specification(org, uuid)
    draft = get_object_or_404(specification.versions, status=Status.DRAFT)
    form = SubmitForm(request.POST, bodies=queries.reviewing_bodies())
    if not form.is_valid():
        messages.error(request, _("Choose the industry body that is to review the specification."))
        return redirect(_edit_url(org, specification))
    try:
        services.submit(draft, form.cleaned_data["reviewing_body"], user_of(request))
    except InputError as error:
        report(request, error)
        return redirect(_edit_url(org, specification) + "#completeness")
    messages.success(
        request, _("Version %(number)s was submitted for review.") % {"number": draft.number}
    )
    return redirect(_version_url(org, draft))


@require_GET
@organisation_view(*AUTHORS)
def specification(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Show the version history of a specification, with statuses, comments and actions."""
    item = owned_specification(org, uuid)
    versions = item.versions.order_by("-number").prefetch_related("comments__organisation")
    context = {
        "org": org,
        "specification": item,
        "versions": versions,
        "title": _title(list(versions)),
        "has_draft": any(version.status == Status.DRAFT for version in versions),
        "issuers": queries.issuers(item),
    }
    return render(request, "catalog/specification.html", context)


@require_GET
@organisation_view(*AUTHORS)
def version(request: HttpRequest, org: Organisation, uuid: UUID, number: int) -> HttpResponse:
    """Show one version in full, its review comments and what can be done with it."""
    item = owned_version(org, uuid, number)
    return _version_page(request, org, item, CommentForm())


def _version_page(
    request: HttpRequest,
    org: Organisation,
    item: SpecificationVersion,
    form: CommentForm,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "org": org,
        "version": item,
        "specification": item.specification,
        "description": describe(item, page_language()),
        "comments": item.comments.select_related("organisation", "author"),
        "comment_form": form,
        "can_comment": item.reviewing_body_id is not None,
        "approval": getattr(item, "approval", None),
    }
    return render(request, "catalog/version.html", context, status=status)


@require_POST
@organisation_view(*AUTHORS)
def comment(request: HttpRequest, org: Organisation, uuid: UUID, number: int) -> HttpResponse:
    """Answer the reviewers with a comment on the version."""
    item = owned_version(org, uuid, number)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment(item, form.cleaned_data["comment"], user_of(request), org)
        except CatalogError as error:
            report(request, error, form)
            return _version_page(request, org, item, form, status=400)
        messages.success(request, _("Your comment was added."))
    return redirect(_version_url(org, item) + "#comments")


@require_POST
@organisation_view(*AUTHORS)
def new_version(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Start a new draft from the newest version's content."""
    item = owned_specification(org, uuid)
    try:
        services.new_version(item, user_of(request))
    except CatalogError as error:
        report(request, error)
        return redirect(_specification_url(org, item))
    return redirect(_edit_url(org, item))


@require_POST
@organisation_view(*AUTHORS)
def publish(request: HttpRequest, org: Organisation, uuid: UUID, number: int) -> HttpResponse:
    """Publish the approved version in the catalogue (the one published before is retired)."""
    return _transition(request, org, owned_version(org, uuid, number), services.publish)


@require_POST
@organisation_view(*AUTHORS)
def retire(request: HttpRequest, org: Organisation, uuid: UUID, number: int) -> HttpResponse:
    """Withdraw the published version from the catalogue."""
    return _transition(request, org, owned_version(org, uuid, number), services.retire)


def _transition(
    request: HttpRequest, org: Organisation, item: SpecificationVersion, action: Any
) -> HttpResponse:
    try:
        done = action(item, user_of(request))
    except CatalogError as error:
        report(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)s is now %(status)s.")
            % {"number": done.number, "status": status_name(done.status).text(page_language())},
        )
    return redirect(_version_url(org, item))


@require_http_methods(["GET", "POST"])
@organisation_view(*AUTHORS)
def delegations(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Show who may issue the specification and delegate it to another accredited provider."""
    item = owned_specification(org, uuid)
    form = DelegationForm(request.POST or None, providers=queries.delegable_providers(item))
    if request.method == "POST" and form.is_valid():
        try:
            services.delegate(item, form.cleaned_data["provider"], user_of(request))
        except CatalogError as error:
            report(request, error, form)
        else:
            messages.success(request, _("The provider may now issue this specification."))
            return redirect(reverse("catalog:delegations", kwargs={"org": org.slug, "uuid": uuid}))
    context = {
        "org": org,
        "specification": item,
        "title": _title(list(item.versions.order_by("-number"))),
        "form": form,
        "delegations": item.delegations.select_related("provider").order_by("-created_at"),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "catalog/delegations.html", context, status=status)


@require_POST
@organisation_view(*AUTHORS)
def revoke_delegation(
    request: HttpRequest, org: Organisation, uuid: UUID, delegation: int
) -> HttpResponse:
    """Withdraw a provider's right to issue the specification."""
    item = owned_specification(org, uuid)
    row = get_object_or_404(Delegation, pk=delegation, specification=item)
    try:
        services.revoke_delegation(row, user_of(request))
    except CatalogError as error:
        report(request, error)
    else:
        messages.success(request, _("The delegation was withdrawn."))
    return redirect(reverse("catalog:delegations", kwargs={"org": org.slug, "uuid": uuid}))


def _title(versions: list[SpecificationVersion]) -> str:
    for item in versions:
        title = item.title(page_language())
        if title:
            return title
    return _("Untitled specification")


def _edit_url(org: Organisation, specification: Specification) -> str:
    return reverse("catalog:edit", kwargs={"org": org.slug, "uuid": specification.uuid})


def _specification_url(org: Organisation, specification: Specification) -> str:
    return reverse("catalog:specification", kwargs={"org": org.slug, "uuid": specification.uuid})


def _version_url(org: Organisation, item: SpecificationVersion) -> str:
    return reverse(
        "catalog:version",
        kwargs={"org": org.slug, "uuid": item.specification.uuid, "number": item.number},
    )
