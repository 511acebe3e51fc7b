"""The public catalogue: published specifications, searchable, each with its page and documents.

No login is needed. Retired versions keep their page (awards issued against them link to it) but
leave the list.
"""

from __future__ import annotations

import json
from typing import Final
from uuid import UUID

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from meritpass.catalog import queries
from meritpass.catalog.forms import CatalogueSearchForm
from meritpass.catalog.models import Specification, SpecificationVersion
from meritpass.catalog.presentation import describe
from meritpass.site.languages import page_language

PAGE_SIZE: Final = 20
PUBLIC: Final = (SpecificationVersion.Status.PUBLISHED, SpecificationVersion.Status.RETIRED)


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """List the published specifications that match the search, a page at a time."""
    providers = list(queries.catalogue_providers())
    form = CatalogueSearchForm(request.GET or None, providers=providers)
    criteria = form.cleaned_data if form.is_valid() else {}
    provider = next((p for p in providers if p.slug == criteria.get("provider")), None)
    found = queries.search(
        text=criteria.get("q", ""),
        skill=criteria.get("skill"),
        eqf_level=criteria.get("eqf"),
        provider=provider,
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [_row(version) for version in page.object_list],
        "query": query.urlencode(),
        "searched": bool(criteria and any(criteria.values())),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "catalog/catalogue.html", context, status=status)


def _row(version: SpecificationVersion) -> dict[str, object]:
    lang = page_language()
    return {
        "version": version,
        "title": version.title(lang),
        "owner": version.specification.owner.name(lang),
        "url": detail_url(version),
    }


def detail_url(version: SpecificationVersion) -> str:
    """Return the public page of ``version``."""
    return reverse(
        "catalog:detail",
        kwargs={"uuid": version.specification.uuid, "number": version.number},
    )


@require_GET
def detail(request: HttpRequest, uuid: UUID, number: int | None = None) -> HttpResponse:
    """Show a published (or retired) version with every element in the page's language."""
    specification = Specification.objects.filter(uuid=uuid).select_related("owner").first()
    if specification is None:
        version = get_object_or_404(SpecificationVersion, uuid=uuid, status__in=PUBLIC)
        return redirect(detail_url(version))
    versions = specification.versions.filter(status__in=PUBLIC).order_by("-number")
    version = _chosen(list(versions), number)
    lang = page_language()
    approval = getattr(version, "approval", None)
    context = {
        "version": version,
        "specification": specification,
        "description": describe(version, lang),
        "owner": specification.owner.name(lang),
        "approval": approval,
        "approver": approval.industry_body.name(lang) if approval else "",
        "issuers": [item.name(lang) for item in queries.issuers(specification)],
        "versions": versions,
        "retired": version.status == SpecificationVersion.Status.RETIRED,
    }
    return render(request, "catalog/detail.html", context)


def _chosen(versions: list[SpecificationVersion], number: int | None) -> SpecificationVersion:
    if number is not None:
        candidates = [item for item in versions if item.number == number]
    else:
        published = [item for item in versions if item.status == PUBLIC[0]]
        candidates = published or versions
    if not candidates:
        raise Http404
    return candidates[0]


@require_GET
def achievement_json(request: HttpRequest, uuid: UUID, number: int) -> HttpResponse:
    """Download the version's Open Badges achievement."""
    return achievement_response(public_version(uuid, number), attachment=True)


@require_GET
def approval_json(request: HttpRequest, uuid: UUID, number: int) -> HttpResponse:
    """Download the industry body's signed approval credential of the version."""
    return approval_response(public_version(uuid, number), attachment=True)


def public_version(uuid: UUID, number: int) -> SpecificationVersion:
    """Return version ``number`` of specification ``uuid`` if it is public, else answer 404."""
    return get_object_or_404(
        SpecificationVersion.objects.select_related("specification"),
        specification__uuid=uuid,
        number=number,
        status__in=PUBLIC,
    )


def achievement_response(version: SpecificationVersion, *, attachment: bool) -> HttpResponse:
    """Return the achievement JSON of ``version``."""
    if version.achievement is None:
        raise Http404
    body = json.dumps(version.achievement, ensure_ascii=False, indent=2)
    return _json(body, f"achievement-{version.specification.uuid}-{version.number}", attachment)


def approval_response(version: SpecificationVersion, *, attachment: bool) -> HttpResponse:
    """Return the signed approval credential of ``version`` exactly as it was signed."""
    approval = getattr(version, "approval", None)
    if approval is None:
        raise Http404
    return _json(
        approval.credential, f"approval-{version.specification.uuid}-{version.number}", attachment
    )


def _json(body: str, name: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@require_GET
def achievement_document(request: HttpRequest, uuid: UUID, number: int) -> HttpResponse:
    """Serve the achievement at its id; a browser asking for HTML goes to the public page."""
    version = public_version(uuid, number)
    if _wants_html(request):
        with translation.override(translation.get_language_from_request(request)):
            return redirect(detail_url(version))
    return achievement_response(version, attachment=False)


@require_GET
def approval_document(request: HttpRequest, uuid: UUID, number: int) -> HttpResponse:
    """Serve the signed approval credential at its id."""
    return approval_response(public_version(uuid, number), attachment=False)


def _wants_html(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "json" not in accept
