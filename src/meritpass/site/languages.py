"""The two languages every page and message exists in."""

from __future__ import annotations

from django.utils.translation import get_language

__all__ = ["page_language"]


def page_language() -> str:
    """Return the active language as pages and messages know it: ``"en"`` or ``"sv"``."""
    return "en" if get_language() == "en" else "sv"
