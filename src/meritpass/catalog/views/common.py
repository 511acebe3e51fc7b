"""Helpers shared by the catalog's pages."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from meritpass.accounts.models import Organisation, User
from meritpass.catalog.errors import CatalogError
from meritpass.catalog.models import Specification, SpecificationVersion
from meritpass.core.credentials.microcredential import MissingElement
from meritpass.core.errors import InputError
from meritpass.site.languages import page_language


def user_of(request: HttpRequest) -> User:
    """Return the signed-in user (the views that call this require one)."""
    user = request.user
    assert isinstance(user, User)
    return user


def owned_specification(org: Organisation, uuid: object) -> Specification:
    """Return the specification ``uuid`` if ``org`` owns it, else answer 404."""
    return get_object_or_404(Specification.objects.select_related("owner"), uuid=uuid, owner=org)


def owned_version(org: Organisation, uuid: object, number: int) -> SpecificationVersion:
    """Return version ``number`` of ``org``'s specification ``uuid``, else answer 404."""
    return get_object_or_404(
        SpecificationVersion.objects.select_related("specification__owner"),
        specification__uuid=uuid,
        specification__owner=org,
        number=number,
    )


def report(request: HttpRequest, error: InputError, form: forms.Form | None = None) -> None:
    """Show ``error`` next to its form field when it names one, else as a page message."""
    text = error.message(page_language())
    field = error.field if isinstance(error, CatalogError) else None
    if form is not None and field and field in form.fields:
        form.add_error(field, text)
    else:
        messages.error(request, text)


def missing_items(missing: Sequence[MissingElement], language: str) -> list[dict[str, str]]:
    """Return each missing element as its Annex I number and what it needs, for a page."""
    return [
        {
            "element": item.element if item.element[:1] in {"M", "O"} else "",
            "field": item.field,
            "text": item.message(language),
        }
        for item in missing
    ]
