"""Template helpers of the catalog: names in the page's language."""

from __future__ import annotations

from django import template

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import SpecificationVersion
from meritpass.site.languages import page_language

register = template.Library()


@register.filter
def org_name(organisation: Organisation | None) -> str:
    """Return the organisation's name in the page's language."""
    if organisation is None:
        return ""
    return organisation.name(page_language())


@register.filter
def version_title(version: SpecificationVersion) -> str:
    """Return the version's title in the page's language."""
    return version.title(page_language())
