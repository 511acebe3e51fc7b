"""What one JSON-LD → RDF run is given, and the signals its algorithms raise."""

from __future__ import annotations

from dataclasses import dataclass

from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.limits import Limits


@dataclass(frozen=True, slots=True)
class Options:
    """The processing options (JSON-LD 1.1 API §9.2) that the fast path honours."""

    loader: DocumentLoader
    limits: Limits
    safe: bool = True
    base: str | None = None
    rdf_direction: str | None = None


class Unsupported(Exception):  # noqa: N818 - a signal, not an error: the fallback handles it
    """A feature the fast path leaves to the reference processor (PyLD)."""

    def __init__(self, feature: str) -> None:
        super().__init__(feature)
        self.feature = feature


def invalid(spec_code: str, detail: object = None) -> JsonLdError:
    """Return the error for a JSON-LD 1.1 API error code (§9.4.2), e.g. ``invalid @id value``."""
    reason = spec_code if detail is None else f"{spec_code} ({detail})"
    return JsonLdError("jsonld.invalid", reason=reason, spec_code=spec_code)
