"""The verification report (DESIGN §5): named checks, each passed, failed or skipped.

A report is built by :mod:`meritpass.core.verification.verify`; it never carries an exception, only
codes whose Swedish and English texts live in the message catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from meritpass.core.documents import JsonObject
from meritpass.core.messages import LANGUAGES, render


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


class CheckName(StrEnum):
    """The checks of DESIGN §5, in the order a report lists them."""

    FORMAT = "format"
    PROOF = "proof"
    ISSUER = "issuer"
    TRUST = "trust"
    APPROVAL = "approval"
    STATUS = "status"
    VALIDITY = "validity"
    HOLDER = "holder"


@dataclass(frozen=True, slots=True)
class Check:
    """One check: what was checked, its outcome, and a code for the explanation."""

    name: CheckName
    outcome: Outcome
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, language: str = "en") -> str:
        """Return the explanation in ``language`` (``"sv"`` or ``"en"``)."""
        return render(self.code, language, self.params)

    def to_json(self) -> JsonObject:
        return {
            "check": self.name.value,
            "outcome": self.outcome.value,
            "code": self.code,
            "message": {language: self.message(language) for language in LANGUAGES},
        }


def passed(name: CheckName, code: str, **params: object) -> Check:
    return Check(name, Outcome.PASSED, code, params)


def failed(name: CheckName, code: str, **params: object) -> Check:
    return Check(name, Outcome.FAILED, code, params)


def skipped(name: CheckName, code: str, **params: object) -> Check:
    return Check(name, Outcome.SKIPPED, code, params)


@dataclass(frozen=True, slots=True)
class Report:
    """The result of verifying one credential or presentation.

    ``verified`` holds when no check failed, at least one proof passed, and every credential inside
    a presentation is verified too. A skipped check (for example trust, when no anchors are
    configured) does not fail a report, but it is never shown as passed.
    """

    kind: str
    checks: tuple[Check, ...]
    credentials: tuple[Report, ...] = ()

    @property
    def verified(self) -> bool:
        no_failures = all(check.outcome is not Outcome.FAILED for check in self.checks)
        proven = any(
            check.name is CheckName.PROOF and check.outcome is Outcome.PASSED
            for check in self.checks
        )
        return no_failures and proven and all(inner.verified for inner in self.credentials)

    def failures(self) -> tuple[Check, ...]:
        """Return the failed checks, those of inner credentials included."""
        own = tuple(check for check in self.checks if check.outcome is Outcome.FAILED)
        return own + tuple(check for inner in self.credentials for check in inner.failures())

    def by_name(self, name: CheckName) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.name is name)

    def to_json(self) -> JsonObject:
        """Return the report as JSON, with every message in both languages."""
        result: JsonObject = {
            "kind": self.kind,
            "verified": self.verified,
            "checks": [check.to_json() for check in self.checks],
        }
        if self.credentials:
            result["credentials"] = [inner.to_json() for inner in self.credentials]
        return result
