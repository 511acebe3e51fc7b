"""The status check of a report: read each status entry from its verified status list.

A status list is itself a credential of the issuer: it is accepted only when its proofs verify
with a key the credential's issuer controls. When a list cannot be read the status is unknown,
which fails the check — a credential is never reported valid on an unreadable list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from meritpass.core.documents import JsonObject, check_document, parse_document
from meritpass.core.errors import StatusListError
from meritpass.core.status.validate import StatusResult, check_status
from meritpass.core.verification.policy import StatusListFetcher, VerificationPolicy
from meritpass.core.verification.report import Check, CheckName, failed, passed, skipped

#: Purposes whose set bit makes a credential invalid; others (refresh, message) only inform.
_INVALIDATING: Final = frozenset({"revocation", "suspension"})


def status_checks(
    document: JsonObject, issuer: str | None, policy: VerificationPolicy
) -> tuple[Check, ...]:
    """Return one status check per ``credentialStatus`` entry of the credential."""
    entries = document.get("credentialStatus")
    if entries is None:
        return (skipped(CheckName.STATUS, "status.absent"),)
    if policy.fetch_status_list is None:
        return (failed(CheckName.STATUS, "status.not_checked"),)
    results = check_status(
        entries,
        get_status_list_credential=_verified_lists(policy.fetch_status_list, issuer, policy),
        now=policy.now,
    )
    return tuple(_as_check(result) for result in results)


def _verified_lists(
    fetch: StatusListFetcher, issuer: str | None, policy: VerificationPolicy
) -> Callable[[str], object]:
    def get(url: str) -> object:
        raw = fetch(url)
        credential = (
            check_document(raw, limits=policy.limits)
            if isinstance(raw, dict)
            else parse_document(raw, limits=policy.limits)
        )
        list_issuer = credential.get("issuer")
        list_issuer_id = list_issuer.get("id") if isinstance(list_issuer, dict) else list_issuer
        if issuer is None or list_issuer_id != issuer:
            raise StatusListError("status.list_other_issuer", url=url)
        proofs = policy.verify_proofs(credential, controller=issuer)
        if not proofs.verified:
            failure = next(result for result in proofs if not result.verified)
            raise StatusListError("status.list_not_verified", url=url, reason=failure.code)
        return credential

    return get


def _as_check(result: StatusResult) -> Check:
    params = dict(result.params)
    if not result.checked:
        return failed(CheckName.STATUS, result.code, **params)
    if result.status and result.purpose in _INVALIDATING:
        return failed(CheckName.STATUS, result.code, **params)
    return passed(CheckName.STATUS, result.code, **params)
