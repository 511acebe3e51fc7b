"""The trust and approval checks of a report: the endorsement chain to a trust anchor (DESIGN §3).

Trust: the issuer's profile carries an accreditation credential (``issuer.endorsement``) that an
anchor issued and signed, that names the issuer, whose period covers the credential's
``validFrom``, and whose scope covers the achievement's EQF level and ISCED-F field.

Approval: the achievement carries an approval credential (``achievement.endorsement``) that
names the achievement and its digest, was in force when the credential was issued, and whose
issuer, an industry body, carries a recognition credential from an anchor that covers the date
of the approval.

Embedded credentials are checked with the report's policy: their proofs must verify with a key
their issuer controls. Their periods are compared with the date of the award, not with today, so
an award stays trusted after the accreditation it was issued under has ended. Nothing in the
document makes these checks raise; at most :data:`MAX_ENDORSEMENTS` embedded credentials of each
list are examined, as each costs a proof verification.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from meritpass.core.credentials.endorsements import (
    ACCREDITATION,
    APPROVAL,
    RECOGNITION,
    TRUST_LIST,
)
from meritpass.core.credentials.ob3 import MICRO_CREDENTIAL, achievement_digest
from meritpass.core.datetimes import format_datetime_stamp, parse_datetime_stamp
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import MeritpassError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.report import Check, CheckName, failed, passed, skipped
from meritpass.core.vocabularies import isced_f

__all__ = ["MAX_ENDORSEMENTS", "check_approval", "check_trust"]

MAX_ENDORSEMENTS: Final = 4
#: Credentials an authority issues itself: trusted when their issuer is an anchor.
_FROM_AUTHORITY: Final = frozenset({ACCREDITATION, RECOGNITION, TRUST_LIST})
_EQF_PREFIX: Final = "http://data.europa.eu/snb/eqf/"

#: The stages of an endorsement from an anchor, in the order they are checked; a failure further
#: along says more, so when no endorsement passes, the one that got furthest is reported.
_STAGES: Final = ("untrusted", "invalid", "subject", "period", "level", "field", "digest")
_TRUST_CODES: Final = {
    "untrusted": "trust.untrusted_authority",
    "invalid": "trust.accreditation_invalid",
    "subject": "trust.subject_mismatch",
    "period": "trust.outside_period",
    "level": "trust.level_outside_scope",
    "field": "trust.field_outside_scope",
}
_RECOGNITION_CODES: Final = {
    "untrusted": "approval.not_recognised",
    "invalid": "approval.recognition_invalid",
    "subject": "approval.recognition_subject_mismatch",
    "period": "approval.recognition_outside_period",
}
_APPROVAL_CODES: Final = {
    "invalid": "approval.invalid",
    "subject": "approval.subject_mismatch",
    "period": "approval.outside_period",
    "digest": "approval.digest_mismatch",
}


class _MalformedError(Exception):
    """An ``endorsement`` member that is not a credential or a list of credentials."""


@dataclass(frozen=True, slots=True)
class _Failure:
    stage: str
    params: Mapping[str, object] = field(default_factory=dict)


def check_trust(credential: JsonObject, policy: VerificationPolicy) -> Check:
    """Check the issuer's accreditation chain to a trust anchor and its scope."""
    if not policy.trust_anchors:
        return skipped(CheckName.TRUST, "trust.not_configured")
    return _guarded(CheckName.TRUST, lambda: _trust(credential, policy))


def check_approval(credential: JsonObject, policy: VerificationPolicy) -> Check:
    """Check the industry approval of the achievement and the approving body's recognition."""
    if not policy.trust_anchors:
        return skipped(CheckName.APPROVAL, "approval.not_configured")
    return _guarded(CheckName.APPROVAL, lambda: _approval(credential, policy))


def _guarded(name: CheckName, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as error:  # a verifier never crashes on what a document holds
        return failed(name, "report.internal_error", error=type(error).__name__)


# --- trust ------------------------------------------------------------------------------------


def _trust(credential: JsonObject, policy: VerificationPolicy) -> Check:
    issuer = credential.get("issuer")
    issuer_id = _id(issuer)
    kind = _endorsement_kind(credential)
    if kind in _FROM_AUTHORITY:
        return _issued_by_anchor(issuer_id, policy)
    if kind == APPROVAL:
        return skipped(CheckName.TRUST, "trust.not_applicable")
    try:
        candidates = _endorsements(issuer, ACCREDITATION)
    except _MalformedError:
        return failed(CheckName.TRUST, "trust.malformed_endorsement")
    if issuer_id is None or not candidates:
        return failed(CheckName.TRUST, "trust.no_accreditation")
    award = _achievement(credential) or {}
    at = _award_date(credential, policy)
    failures = []
    for candidate in candidates:
        failure = _from_anchor(candidate, subject_id=issuer_id, at=at, policy=policy)
        failure = failure or _scope(candidate, award)
        if failure is None:
            return passed(
                CheckName.TRUST,
                "trust.passed",
                authority=excerpt(_id(candidate.get("issuer"))),
                level=_level_number(award.get("eqfLevel")),
                field=_field_code(award.get("fieldOfEducation")),
                date=format_datetime_stamp(at),
            )
        failures.append(failure)
    return _worst(CheckName.TRUST, failures, _TRUST_CODES)


def _issued_by_anchor(issuer_id: str | None, policy: VerificationPolicy) -> Check:
    authority = excerpt(issuer_id or "—")
    if issuer_id in policy.trust_anchors:
        return passed(CheckName.TRUST, "trust.anchor", authority=authority)
    return failed(CheckName.TRUST, "trust.untrusted_authority", authority=authority)


def _scope(accreditation: JsonObject, award: JsonObject) -> _Failure | None:
    subject = _subject(accreditation) or {}
    level = _first(award.get("eqfLevel"))
    if not isinstance(level, str) or level not in _strings(subject.get("eqfLevel")):
        return _Failure("level", {"level": _level_number(level)})
    code = _field_code(award.get("fieldOfEducation"))
    scope = [_field_code(uri) for uri in _strings(subject.get("fieldOfEducation"))]
    if not any(isced_f.covers(scope_code, code) for scope_code in scope):
        return _Failure("field", {"field": code})
    return None


# --- approval ---------------------------------------------------------------------------------


def _approval(credential: JsonObject, policy: VerificationPolicy) -> Check:
    kind = _endorsement_kind(credential)
    if kind == APPROVAL:  # an approval is trusted through its issuer's recognition
        issuer = credential.get("issuer")
        approved = _valid_from(credential) or policy.now
        return _recognised(_id(issuer), issuer, approved, policy)
    award = _achievement(credential)
    if kind in _FROM_AUTHORITY or award is None:
        return skipped(CheckName.APPROVAL, "approval.not_applicable")
    try:
        candidates = _endorsements(award, APPROVAL)
    except _MalformedError:
        return failed(CheckName.APPROVAL, "approval.malformed_endorsement")
    if not candidates and award.get("achievementType") != MICRO_CREDENTIAL:
        return skipped(CheckName.APPROVAL, "approval.not_applicable")
    if not candidates:
        return failed(CheckName.APPROVAL, "approval.missing")
    return _approved(candidates, award, _award_date(credential, policy), policy)


def _approved(
    candidates: list[JsonObject], award: JsonObject, at: datetime, policy: VerificationPolicy
) -> Check:
    failures = []
    for candidate in candidates:
        failure = _approval_failure(candidate, award, at, policy)
        if failure is None:
            body = candidate.get("issuer")
            return _recognised(_id(body), body, _valid_from(candidate) or at, policy)
        failures.append(failure)
    return _worst(CheckName.APPROVAL, failures, _APPROVAL_CODES)


def _approval_failure(
    approval: JsonObject, award: JsonObject, at: datetime, policy: VerificationPolicy
) -> _Failure | None:
    body = _id(approval.get("issuer"))
    problem = _verify_embedded(approval, APPROVAL, body, policy)
    if problem is not None:
        return _Failure("invalid", {"industry_body": excerpt(body or "—"), "reason": problem})
    subject = _subject(approval) or {}
    if subject.get("id") != award.get("id"):
        found = {"subject": excerpt(subject.get("id") or "—"), "achievement": excerpt(award["id"])}
        return _Failure("subject", found)
    if not _covers(approval, at, policy):
        return _Failure("period", {"date": format_datetime_stamp(at)})
    if subject.get("digestMultibase") != achievement_digest(award):
        return _Failure("digest")
    return None


def _recognised(
    body_id: str | None, body: JsonValue, approved: datetime, policy: VerificationPolicy
) -> Check:
    try:
        candidates = _endorsements(body, RECOGNITION)
    except _MalformedError:
        candidates = []
    named = {"industry_body": excerpt(body_id or "—")}
    if body_id is None or not candidates:
        return failed(CheckName.APPROVAL, "approval.not_recognised", **named)
    failures = []
    for candidate in candidates:
        failure = _from_anchor(candidate, subject_id=body_id, at=approved, policy=policy)
        if failure is None:
            authority = excerpt(_id(candidate.get("issuer")))
            return passed(CheckName.APPROVAL, "approval.passed", authority=authority, **named)
        failures.append(_Failure(failure.stage, {**failure.params, **named}))
    return _worst(CheckName.APPROVAL, failures, _RECOGNITION_CODES)


# --- an endorsement from a trust anchor -------------------------------------------------------


def _from_anchor(
    endorsement: JsonObject, *, subject_id: str, at: datetime, policy: VerificationPolicy
) -> _Failure | None:
    """Check that an anchor issued ``endorsement`` about ``subject_id`` and it covers ``at``."""
    authority = _id(endorsement.get("issuer"))
    named = {"authority": excerpt(authority or "—")}
    if authority not in policy.trust_anchors:
        return _Failure("untrusted", named)
    kind = _kind(endorsement)
    problem = _verify_embedded(endorsement, kind, authority, policy)
    if problem is not None:
        return _Failure("invalid", {**named, "reason": problem})
    subject = _subject(endorsement) or {}
    if subject.get("id") != subject_id:
        found = excerpt(subject.get("id") or "—")
        return _Failure("subject", {**named, "subject": found, "issuer": excerpt(subject_id)})
    if not _covers(endorsement, at, policy):
        return _Failure(
            "period", {**named, "date": format_datetime_stamp(at), **_period(endorsement)}
        )
    return None


def _verify_embedded(
    document: JsonObject, kind: str, issuer: str | None, policy: VerificationPolicy
) -> str | None:
    """Return why an embedded credential fails, or None when its proofs verify for ``issuer``.

    Its JSON-LD was checked in safe mode with the whole document (the format check) and is again
    when its proofs are verified, so only the shape is looked at here.
    """
    problem = _shape_problem(document, kind, issuer)
    if problem is not None:
        return problem
    try:
        proofs = policy.verify_proofs(document, controller=issuer)
    except MeritpassError as error:
        return error.code
    if not proofs.verified:
        return next(result.code for result in proofs if not result.verified)
    return None


def _shape_problem(document: JsonObject, kind: str, issuer: str | None) -> str | None:
    types = _strings(document.get("type"))
    if "VerifiableCredential" not in types or kind not in types:
        return "format.missing_type"
    if issuer is None:
        return "format.party"
    for name in ("validFrom", "validUntil"):
        if name in document and parse_datetime_stamp(document[name]) is None:
            return "format.date"
    return None


def _covers(document: JsonObject, at: datetime, policy: VerificationPolicy) -> bool:
    start, end = _valid_from(document), _valid_until(document)
    if start is not None and start > at + policy.clock_skew:
        return False
    return end is None or end >= at


def _period(document: JsonObject) -> dict[str, object]:
    return {
        "valid_from": excerpt(document.get("validFrom") or "—"),
        "valid_until": excerpt(document.get("validUntil") or "—"),
    }


def _worst(name: CheckName, failures: list[_Failure], codes: Mapping[str, str]) -> Check:
    furthest = max(failures, key=lambda failure: _STAGES.index(failure.stage))
    return failed(name, codes[furthest.stage], **furthest.params)


# --- reading hostile JSON ---------------------------------------------------------------------


def _endorsements(holder: JsonValue, kind: str) -> list[JsonObject]:
    """Return the embedded credentials of type ``kind`` in ``holder.endorsement`` (at most 4)."""
    if not isinstance(holder, dict) or holder.get("endorsement") is None:
        return []
    value = holder["endorsement"]
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) for item in items):
        raise _MalformedError
    found = [item for item in items if isinstance(item, dict) and _kind(item) == kind]
    return found[:MAX_ENDORSEMENTS]


def _endorsement_kind(credential: JsonObject) -> str:
    """Return the kind of an endorsement credential; an award is never one, whatever its type."""
    return "" if _achievement(credential) is not None else _kind(credential)


def _kind(credential: JsonObject) -> str:
    types = _strings(credential.get("type"))
    for kind in (ACCREDITATION, RECOGNITION, APPROVAL, TRUST_LIST):
        if kind in types:
            return kind
    return ""


def _achievement(credential: JsonObject) -> JsonObject | None:
    value = credential.get("credentialSubject")
    subjects = value if isinstance(value, list) else [value]
    for subject in subjects:
        found = subject.get("achievement") if isinstance(subject, dict) else None
        if isinstance(found, dict) and isinstance(found.get("id"), str):
            return found
    return None


def _subject(credential: JsonObject) -> JsonObject | None:
    value = credential.get("credentialSubject")
    subject = value[0] if isinstance(value, list) and len(value) == 1 else value
    return subject if isinstance(subject, dict) else None


def _award_date(credential: JsonObject, policy: VerificationPolicy) -> datetime:
    """Return the date of issuing (M5): ``validFrom``, else ``issuanceDate``, else now."""
    for name in ("validFrom", "issuanceDate"):
        moment = parse_datetime_stamp(credential.get(name))
        if moment is not None:
            return moment
    return policy.now


def _valid_from(document: JsonObject) -> datetime | None:
    return parse_datetime_stamp(document.get("validFrom"))


def _valid_until(document: JsonObject) -> datetime | None:
    return parse_datetime_stamp(document.get("validUntil"))


def _id(value: JsonValue | None) -> str | None:
    identifier = value.get("id") if isinstance(value, dict) else value
    return identifier if isinstance(identifier, str) and identifier else None


def _strings(value: JsonValue | None) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def _first(value: JsonValue | None) -> JsonValue | None:
    return value[0] if isinstance(value, list) and value else value


def _level_number(value: JsonValue | None) -> str:
    level = _first(value)
    if not isinstance(level, str):
        return "—"
    return excerpt(level.removeprefix(_EQF_PREFIX))


def _field_code(value: JsonValue | None) -> str:
    uri = _first(value)
    if not isinstance(uri, str):
        return "—"
    return excerpt(uri.removeprefix(isced_f.URI_PREFIX))
