"""Resolve DIDs for verification on this platform: our own from the database, others as usual."""

from __future__ import annotations

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.did.web import Fetcher
from meritpass.core.documents import JsonObject
from meritpass.net import fetch_https
from meritpass.registry.dids import did_document, organisation_for_did

__all__ = ["PlatformResolver", "platform_resolver"]


class PlatformResolver:
    """Resolve this platform's did:web DIDs from the database; did:key and others as standard."""

    def __init__(self, *, fetch: Fetcher | None = None) -> None:
        self._standard = StandardResolver(fetch=fetch if fetch is not None else _fetch_https)

    def resolve(self, did: str) -> JsonObject:
        """Return the DID document of ``did``."""
        organisation = organisation_for_did(did)
        if organisation is not None:
            return did_document(organisation)  # type: ignore[return-value]
        return self._standard.resolve(did)


def platform_resolver() -> PlatformResolver:
    """Return the resolver the platform verifies with."""
    return PlatformResolver()


def _fetch_https(url: str) -> bytes:
    return fetch_https(url)
