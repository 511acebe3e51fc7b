"""Verify a credential or a presentation and report every check (DESIGN §5).

Nothing in the document makes these functions raise: a document that is not JSON, not a
credential, or hostile in any other way yields a report whose checks say what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.documents import JsonObject, check_document, parse_document
from meritpass.core.errors import MeritpassError
from meritpass.core.proofs.purposes import AUTHENTICATION
from meritpass.core.proofs.result import ProofSetResult
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.report import Check, CheckName, Report, failed, passed, skipped
from meritpass.core.verification.shape import (
    ShapeError,
    credential_shape,
    embedded_credentials,
    presentation_shape,
    validity,
)
from meritpass.core.verification.status import status_checks
from meritpass.core.verification.trust import check_approval, check_trust

CREDENTIAL: Final = "credential"
PRESENTATION: Final = "presentation"

Input = bytes | str | Mapping[str, object]

_CONTROLLER_CODES: Final = {
    "issuer": ("issuer.missing", "issuer.unproven", "issuer.controls_key", "issuer.not_controller"),
    "holder": ("holder.missing", "holder.unproven", "holder.controls_key", "holder.not_controller"),
}


def verify_credential(document: Input, *, policy: VerificationPolicy) -> Report:
    """Verify a credential: format, proofs, issuer, trust, approval, status and validity."""
    try:
        parsed = _parse(document, policy)
    except MeritpassError as error:
        return Report(CREDENTIAL, (failed(CheckName.FORMAT, error.code, **error.params),))
    try:
        return _credential_report(parsed, policy)
    except Exception as error:  # the last guard: a verifier never crashes
        return _internal_error(CREDENTIAL, error)


def verify_presentation(
    document: Input,
    *,
    policy: VerificationPolicy,
    challenge: str | None = None,
    domain: str | None = None,
) -> Report:
    """Verify a presentation, its holder binding and challenge, and every credential in it."""
    try:
        parsed = _parse(document, policy)
    except MeritpassError as error:
        return Report(PRESENTATION, (failed(CheckName.FORMAT, error.code, **error.params),))
    try:
        return _presentation_report(parsed, policy, challenge=challenge, domain=domain)
    except Exception as error:  # the last guard: a verifier never crashes
        return _internal_error(PRESENTATION, error)


def _parse(document: Input, policy: VerificationPolicy) -> JsonObject:
    if isinstance(document, bytes | str):
        return parse_document(document, limits=policy.limits)
    return check_document(document, limits=policy.limits)


def _credential_report(document: JsonObject, policy: VerificationPolicy) -> Report:
    shape = credential_shape(document, loader=policy.loader, limits=policy.limits)
    proofs = policy.verify_proofs(document)
    checks = (
        shape.check,
        *_proof_checks(proofs),
        _controller_check(CheckName.ISSUER, "issuer", shape.party, proofs),
        check_trust(document, policy),
        check_approval(document, policy),
        *status_checks(document, shape.party, policy),
        validity(document, shape.version, now=policy.now, skew=policy.clock_skew),
    )
    return Report(CREDENTIAL, checks)


def _presentation_report(
    document: JsonObject, policy: VerificationPolicy, *, challenge: str | None, domain: str | None
) -> Report:
    shape = presentation_shape(document, loader=policy.loader, limits=policy.limits)
    proofs = policy.verify_proofs(
        document, purpose=AUTHENTICATION, challenge=challenge, domain=domain
    )
    try:
        credentials = embedded_credentials(document)
    except ShapeError:
        credentials = []
    presenter = shape.party or _sole_controller(proofs)
    checks = (
        shape.check,
        *_proof_checks(proofs),
        _holder_check(shape.party, proofs),
        _challenge_check(challenge, domain),
        *(
            _subject_check(index, credential, presenter)
            for index, credential in enumerate(credentials)
        ),
    )
    reports = tuple(verify_credential(credential, policy=policy) for credential in credentials)
    return Report(PRESENTATION, checks, reports)


def _proof_checks(proofs: ProofSetResult) -> tuple[Check, ...]:
    checks = []
    for result in proofs:
        params = {**result.params, "index": result.index + 1, "suite": result.suite or "—"}
        make = passed if result.verified else failed
        checks.append(make(CheckName.PROOF, result.code, **params))
    return tuple(checks)


def _controller_check(
    name: CheckName, role: str, party: str | None, proofs: ProofSetResult
) -> Check:
    """Check that a verified proof was made with a key that ``party`` controls."""
    missing, unproven, controls, not_controller = _CONTROLLER_CODES[role]
    controllers = [result.controller for result in proofs if result.verified]
    if party is None:
        return failed(name, missing)
    if not controllers:
        return skipped(name, unproven, **{role: party})
    if party in controllers:
        return passed(name, controls, **{role: party})
    return failed(name, not_controller, **{role: party, "controller": controllers[0]})


def _holder_check(holder: str | None, proofs: ProofSetResult) -> Check:
    if holder is None:
        return skipped(CheckName.HOLDER, "holder.unnamed")
    return _controller_check(CheckName.HOLDER, "holder", holder, proofs)


def _challenge_check(challenge: str | None, domain: str | None) -> Check:
    if challenge is None:
        return skipped(CheckName.HOLDER, "holder.no_challenge")
    return passed(CheckName.HOLDER, "holder.challenge", challenge=challenge, domain=domain or "—")


def _subject_check(index: int, credential: JsonObject, presenter: str | None) -> Check:
    """Check that the presenter is the subject of a presented credential (holder binding)."""
    subject = credential.get("credentialSubject")
    subjects = subject if isinstance(subject, list) else [subject]
    ids = {
        item["id"]
        for item in subjects
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    number = index + 1
    if not ids:
        return skipped(CheckName.HOLDER, "holder.subject_unbound", credential=number)
    if presenter in ids:
        return passed(CheckName.HOLDER, "holder.is_subject", credential=number)
    return failed(CheckName.HOLDER, "holder.not_subject", credential=number)


def _sole_controller(proofs: ProofSetResult) -> str | None:
    controllers = {result.controller for result in proofs if result.verified} - {None}
    return next(iter(controllers)) if len(controllers) == 1 else None


def _internal_error(kind: str, error: Exception) -> Report:
    return Report(
        kind, (failed(CheckName.FORMAT, "report.internal_error", error=type(error).__name__),)
    )
