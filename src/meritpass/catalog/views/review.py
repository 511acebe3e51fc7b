"""The industry body's pages: the queue of versions to review and the review of one version.

Reviewers approve with a signed credential, so these pages need the reviewer role and a verified
second factor (``organisation_view("reviewer")``).
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from meritpass.accounts.models import Organisation, Role
from meritpass.accounts.permissions import organisation_view
from meritpass.catalog import queries, services
from meritpass.catalog.errors import CatalogError
from meritpass.catalog.forms import CommentForm
from meritpass.catalog.models import SpecificationVersion
from meritpass.catalog.presentation import describe
from meritpass.catalog.views.common import report, user_of
from meritpass.site.languages import page_language

ACTIONS = ("comment", "approve", "reject")


@require_GET
@organisation_view(Role.REVIEWER)
def review_queue(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the versions submitted to the body, oldest first, and its recent decisions."""
    context = {
        "org": org,
        "name": org.name(page_language()),
        "queue": queries.review_queue(org),
        "decided": queries.decided_by(org),
    }
    return render(request, "catalog/review_queue.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.REVIEWER)
def review(request: HttpRequest, org: Organisation, version: UUID) -> HttpResponse:
    """Show a submitted version in full with its comments; comment, approve or reject it."""
    item = get_object_or_404(
        SpecificationVersion.objects.select_related("specification__owner"),
        uuid=version,
        reviewing_body=org,
    )
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ACTIONS and form.is_valid():
            try:
                _act(request, org, item, action, form.cleaned_data["comment"])
            except CatalogError as error:
                report(request, error, form)
            else:
                return redirect(
                    reverse("catalog:review", kwargs={"org": org.slug, "version": version})
                )
    return _page(request, org, item, form, status=400 if form.errors else 200)


def _act(
    request: HttpRequest, org: Organisation, item: SpecificationVersion, action: str, text: str
) -> None:
    user = user_of(request)
    if action == "approve":
        services.approve(item, text, user, org)
        messages.success(request, _("The version was approved; the approval credential is signed."))
    elif action == "reject":
        services.reject(item, text, user, org)
        messages.success(request, _("The version was rejected."))
    else:
        services.comment(item, text, user, org)
        messages.success(request, _("Your comment was added."))


def _page(
    request: HttpRequest,
    org: Organisation,
    item: SpecificationVersion,
    form: CommentForm,
    *,
    status: int,
) -> HttpResponse:
    owner = item.specification.owner
    context = {
        "org": org,
        "version": item,
        "owner_name": owner.name(page_language()),
        "description": describe(item, page_language()),
        "comments": item.comments.select_related("organisation", "author"),
        "form": form,
        "open": item.status == SpecificationVersion.Status.SUBMITTED,
        "approval": getattr(item, "approval", None),
    }
    return render(request, "catalog/review.html", context, status=status)
