"""Proof purposes (https://www.w3.org/TR/vc-data-integrity/#proof-purposes) and their bindings.

A credential is secured for ``assertionMethod``; a presentation for ``authentication``, bound to
a verifier's ``challenge`` and ``domain`` so that it cannot be replayed elsewhere.
"""

from __future__ import annotations

from typing import Final

from meritpass.core.documents import JsonValue

ASSERTION_METHOD: Final = "assertionMethod"
AUTHENTICATION: Final = "authentication"


def challenge_matches(value: JsonValue | None, expected: str) -> bool:
    """Return whether a proof's ``challenge`` is exactly the ``expected`` one."""
    return isinstance(value, str) and value == expected


def domain_matches(value: JsonValue | None, expected: str) -> bool:
    """Return whether a proof's ``domain`` (a string or a set of strings) includes ``expected``."""
    if isinstance(value, list):
        return any(isinstance(item, str) and item == expected for item in value)
    return isinstance(value, str) and value == expected
