"""Template helpers for ESCO content: links to concept pages, texts marked with their language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from meritpass.taxonomy import views
from meritpass.taxonomy.concepts import Text
from meritpass.taxonomy.models import Concept

register = template.Library()


@register.filter
def concept_url(concept: Concept) -> str:
    """Return the page of ``concept``, or an empty string if it has none."""
    return views.concept_url(concept) or ""


@register.inclusion_tag("taxonomy/_text.html")
def esco_text(text: Text | str, language: str = "") -> dict[str, object]:
    """Show ``text`` with its ``lang`` and, when it is not in the page's language, say which it is.

    ``text`` is a ``Text``, or a plain string with its ``language`` given.
    """
    value, actual = (text.text, text.language) if isinstance(text, Text) else (text, language)
    return {"text": value, "language": actual, "foreign": actual != get_language()}
