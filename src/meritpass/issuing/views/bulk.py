"""An issuer's bulk pages: the CSV template, the upload with its error table, and the job page.

An upload with any error is shown back as a table of rows, columns and messages, and nothing is
kept. An upload without errors becomes a job that waits for the issuer to confirm it; then it
runs in the background and its page shows the progress (htmx polls a small fragment every
second; without JavaScript the page refreshes itself) and, at the end, every row's result.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meritpass.accounts.models import Organisation, Role, User
from meritpass.accounts.permissions import organisation_view
from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing import bulk, queries
from meritpass.issuing.errors import IssuingError
from meritpass.issuing.forms import BulkUploadForm
from meritpass.issuing.models import BulkJob
from meritpass.site.languages import page_language

ISSUER = Role.ISSUER
ROWS_PER_PAGE = 50
State = BulkJob.State


@require_GET
@organisation_view(ISSUER)
def choose(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the specifications to upload learners for, and the latest jobs."""
    context = {
        "org": org,
        "versions": queries.issuable_versions(org),
        "jobs": queries.recent_jobs(org),
        "language": page_language(),
    }
    return render(request, "issuing/bulk_choose.html", context)


@require_GET
@organisation_view(ISSUER)
def template(request: HttpRequest, org: Organisation, version: UUID) -> HttpResponse:
    """Return the CSV template of one specification version."""
    item = _version(org, version)
    response = HttpResponse(bulk.template(item), content_type="text/csv; charset=utf-8")
    name = slugify(item.title(page_language())) or "meritpass"
    response["Content-Disposition"] = f'attachment; filename="{name}-v{item.number}.csv"'
    return response


@require_http_methods(["GET", "POST"])
@organisation_view(ISSUER)
def upload(request: HttpRequest, org: Organisation, version: UUID) -> HttpResponse:
    """Upload a CSV file: show every error, or keep the rows as a job to confirm."""
    item = _version(org, version)
    form = BulkUploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"org": org, "version": item, "form": form, "errors": []}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows, errors = bulk.validate(item, upload.read(), page_language(), organisation=org)
        except IssuingError as error:
            form.add_error(None, error.message(page_language()))
            rows, errors = [], []
        if rows and not errors:
            job = bulk.create_job(org, item, rows, filename=upload.name, actor=_user(request))
            return redirect(_job_url(org, job))
        context |= {"errors": errors, "filename": upload.name}
    status = 400 if form.is_bound else 200
    return render(request, "issuing/bulk_upload.html", context, status=status)


@require_GET
@organisation_view(ISSUER)
def job(request: HttpRequest, org: Organisation, job: UUID) -> HttpResponse:
    """Show a job: the confirmation while it waits, its progress, then every row's result."""
    item = _job(org, job)
    context = _job_context(org, item) | {"rows": _rows_page(request, item)}
    if item.state == State.READY:
        context["already_issued"] = item.rows.filter(
            idempotency_key__in=item.organisation.awards.values("idempotency_key")
        ).count()
    return render(request, "issuing/job.html", context)


@require_GET
@organisation_view(ISSUER)
def progress(request: HttpRequest, org: Organisation, job: UUID) -> HttpResponse:
    """Return the job's progress as a fragment, which htmx swaps in every second."""
    return render(request, "issuing/_job_progress.html", _job_context(org, _job(org, job)))


@require_POST
@organisation_view(ISSUER)
def start(request: HttpRequest, org: Organisation, job: UUID) -> HttpResponse:
    """Confirm a validated upload: queue its job for issuing."""
    item = _job(org, job)
    bulk.start_job(item, actor=_user(request))
    messages.success(request, _("Issuing has started. You can leave this page; it goes on."))
    return redirect(_job_url(org, item))


def _job_context(org: Organisation, item: BulkJob) -> dict[str, object]:
    done = item.issued + item.skipped
    return {
        "org": org,
        "job": item,
        "done": done,
        "percent": round(100 * done / item.total) if item.total else 100,
        "running": item.state in {State.QUEUED, State.ISSUING},
        "language": page_language(),
    }


def _rows_page(request: HttpRequest, item: BulkJob) -> object:
    if item.state not in {State.DONE, State.FAILED}:
        return None
    rows = item.rows.select_related("award").order_by("number")
    return Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))


def _version(org: Organisation, uuid: UUID) -> SpecificationVersion:
    return get_object_or_404(queries.issuable_versions(org), uuid=uuid)


def _job(org: Organisation, uuid: UUID) -> BulkJob:
    """Return ``org``'s job ``uuid``; another organisation's job is not found."""
    return get_object_or_404(
        BulkJob.objects.select_related("version", "organisation"), organisation=org, uuid=uuid
    )


def _job_url(org: Organisation, item: BulkJob) -> str:
    return reverse("issuing:job", kwargs={"org": org.slug, "job": item.uuid})


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user
