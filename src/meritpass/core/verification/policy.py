"""Everything outside a document that its verification depends on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeAlias

from meritpass.core.did.resolver import DidResolver
from meritpass.core.documents import JsonObject
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.proofs.data_integrity import ALL_SUITES, DEFAULT_CLOCK_SKEW

#: Returns the status list credential at a URL, as bytes or parsed JSON; raises a
#: ``MeritpassError`` (e.g. ``ResolutionError``) when it cannot.
StatusListFetcher: TypeAlias = "Callable[[str], bytes | str | JsonObject]"


@dataclass(frozen=True, slots=True)
class VerificationPolicy:
    """The clock, resolvers, loader, allowed suites and limits a verification runs with.

    Without ``fetch_status_list`` a credential that has a status entry cannot be shown valid.
    """

    now: datetime
    resolver: DidResolver
    fetch_status_list: StatusListFetcher | None = None
    loader: DocumentLoader = bundled_loader
    allowed_suites: frozenset[str] = ALL_SUITES
    limits: Limits = DEFAULT_LIMITS
    clock_skew: timedelta = DEFAULT_CLOCK_SKEW
