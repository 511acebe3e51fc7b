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
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.data_integrity import ALL_SUITES, DEFAULT_CLOCK_SKEW
from meritpass.core.proofs.purposes import ASSERTION_METHOD
from meritpass.core.proofs.result import ProofSetResult

#: Returns the status list credential at a URL, as bytes or parsed JSON; raises a
#: ``MeritpassError`` (e.g. ``ResolutionError``) when it cannot.
StatusListFetcher: TypeAlias = "Callable[[str], bytes | str | JsonObject]"


@dataclass(frozen=True, slots=True)
class VerificationPolicy:
    """The clock, resolvers, loader, allowed suites, limits and trust anchors of a verification.

    Without ``fetch_status_list`` a credential that has a status entry cannot be shown valid.
    ``trust_anchors`` are the DIDs of the authorities whose accreditations and recognitions are
    trusted; without any, the trust and approval checks are skipped.
    """

    now: datetime
    resolver: DidResolver
    fetch_status_list: StatusListFetcher | None = None
    loader: DocumentLoader = bundled_loader
    allowed_suites: frozenset[str] = ALL_SUITES
    limits: Limits = DEFAULT_LIMITS
    clock_skew: timedelta = DEFAULT_CLOCK_SKEW
    trust_anchors: frozenset[str] = frozenset()

    def verify_proofs(
        self,
        document: JsonObject,
        *,
        purpose: str = ASSERTION_METHOD,
        controller: str | None = None,
        challenge: str | None = None,
        domain: str | None = None,
    ) -> ProofSetResult:
        """Verify every proof of ``document`` under this policy."""
        return data_integrity.verify(
            document,
            resolver=self.resolver,
            now=self.now,
            loader=self.loader,
            limits=self.limits,
            allowed_suites=self.allowed_suites,
            expected_purpose=purpose,
            expected_controller=controller,
            challenge=challenge,
            domain=domain,
            clock_skew=self.clock_skew,
        )
