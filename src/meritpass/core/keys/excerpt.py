"""Shorten untrusted text before it is put into a message or a result."""

from __future__ import annotations

from typing import Final

LIMIT: Final = 120


def excerpt(value: object, limit: int = LIMIT) -> str:
    """Return ``value`` as text of at most ``limit`` characters, marked with … when cut."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
