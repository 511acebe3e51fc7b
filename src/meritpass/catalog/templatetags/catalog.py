"""Template helpers of the catalog: names in the page's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import SpecificationVersion

register = template.Library()


@register.filter
def org_name(organisation: Organisation | None) -> str:
    """Return the organisation's name in the page's language."""
    if organisation is None:
        return ""
    return organisation.name("en" if get_language() == "en" else "sv")


@register.filter
def version_title(version: SpecificationVersion) -> str:
    """Return the version's title in the page's language."""
    return version.title("en" if get_language() == "en" else "sv")
