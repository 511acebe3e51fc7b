"""Template filters that name the scope of a decision in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import get_language

from meritpass.core.vocabularies import isced_f

register = template.Library()


@register.filter
def isced_names(codes: Iterable[str]) -> list[tuple[str, str]]:
    """Return each ISCED-F code with its name in the active language."""
    language = get_language() or "sv"
    return [
        (code, isced_f.FIELDS[code].name.text(language) if isced_f.is_field(code) else code)
        for code in codes
    ]


@register.filter
def org_name(organisation: object) -> str:
    """Return an organisation's name in the active language."""
    name = getattr(organisation, "name", None)
    return str(name(get_language() or "sv")) if callable(name) else str(organisation)
