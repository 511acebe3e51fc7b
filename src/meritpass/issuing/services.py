"""Issue a credential to one learner; revoke, suspend or reinstate one.

Each use case is one transaction: the award, its status indexes, its signed credential, the audit
event and (for a status change) the republished status list are stored together or not at all.
An award is identified per issuer by its idempotency key, so repeating a request returns the award
issued the first time, unchanged. The learner's claim email goes out once the award is committed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Final

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from meritpass import audit
from meritpass.accounts.models import ApiToken, Organisation, Role, User
from meritpass.accounts.permissions import check_role
from meritpass.audit.models import AuditEvent
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.documents import JsonObject
from meritpass.issuing import status_lists
from meritpass.issuing.credentials import IssuingContext
from meritpass.issuing.errors import STATE_NAMES, InvalidAwardError, IssuingError
from meritpass.issuing.models import Award, StatusChange, StatusList
from meritpass.issuing.validation import LearnerInput, check, check_key, default_key

__all__ = [
    "REASON_MAX_LENGTH",
    "Issued",
    "check_actor",
    "claim_token",
    "issue",
    "issue_award",
    "reinstate",
    "revoke",
    "serialise",
    "suspend",
]

REASON_MAX_LENGTH: Final = 2000
#: Bytes of randomness in a claim token (the learner's link); only its SHA-256 is stored.
CLAIM_TOKEN_BYTES: Final = 32

Action = StatusChange.Action
State = Award.State


@dataclass(frozen=True, slots=True)
class Issued:
    """The award of a request, and whether this request created it (else it existed already)."""

    award: Award
    created: bool


@dataclass(frozen=True, slots=True)
class _Transition:
    allowed_from: frozenset[str]
    to: str
    audit_action: str
    refusal: str


_TRANSITIONS: Final = {
    Action.REVOKE: _Transition(
        frozenset({State.ACTIVE, State.SUSPENDED}),
        State.REVOKED,
        AuditEvent.Action.REVOKED,
        "issuing.revoked_final",
    ),
    Action.SUSPEND: _Transition(
        frozenset({State.ACTIVE}),
        State.SUSPENDED,
        AuditEvent.Action.SUSPENDED,
        "issuing.not_active",
    ),
    Action.REINSTATE: _Transition(
        frozenset({State.SUSPENDED}),
        State.ACTIVE,
        AuditEvent.Action.REINSTATED,
        "issuing.not_suspended",
    ),
}


def issue(
    *,
    issuer: Organisation,
    version: SpecificationVersion,
    learner: LearnerInput,
    idempotency_key: str | None = None,
    actor: User | None = None,
    token: ApiToken | None = None,
    now: datetime | None = None,
) -> Issued:
    """Issue ``version`` to ``learner`` for ``issuer``, or return the award the key already names.

    Raises ``PermissionDenied`` when ``actor`` is not an issuer of ``issuer`` (or ``token`` is
    another organisation's), ``InvalidAwardError`` with every field error, or ``IssuingError``.
    """
    now = now or timezone.now()
    check_actor(issuer, actor, token)
    key_errors = check_key(idempotency_key)
    if key_errors:
        raise InvalidAwardError(key_errors)
    key = idempotency_key or default_key(version, learner)
    existing = Award.objects.filter(issuer=issuer, idempotency_key=key).first()
    if existing is not None:
        return Issued(_same_request(existing, version, learner), created=False)
    context = IssuingContext.prepare(issuer, version)
    errors = check(learner, context.rules, today=timezone.localdate(now))
    if not errors:
        errors = context.scope_errors(learner.awarded_on, now=now)
    if errors:
        raise InvalidAwardError(errors)
    try:
        with transaction.atomic():
            award = _create(context, learner, key=key, actor=actor, token=token, now=now)
    except IntegrityError:
        # A concurrent request with the same key won the race: answer with its award.
        existing = Award.objects.filter(issuer=issuer, idempotency_key=key).first()
        if existing is None:
            raise
        return Issued(existing, created=False)
    return Issued(award, created=True)


def _same_request(award: Award, version: SpecificationVersion, learner: LearnerInput) -> Award:
    """Return ``award`` if it answers the same request; a retry must not change what was asked."""
    differences = [
        name
        for name, stored, asked in (
            ("version", award.version_id, version.pk),
            ("name", award.learner_name, learner.name),
            ("email", award.learner_email.lower(), learner.email.lower()),
            ("did", award.learner_did or "", learner.did or ""),
            ("date", award.awarded_on, learner.awarded_on),
            ("grade", award.grade or "", learner.grade or ""),
        )
        if stored != asked
    ]
    if differences:
        raise IssuingError("issuing.idempotency_conflict", fields=differences)
    return award


def issue_award(**arguments: Any) -> Award:
    """Issue one award (see ``issue``) and return it, new or existing."""
    return issue(**arguments).award


def revoke(
    award: Award,
    reason: str,
    actor: User | None,
    *,
    token: ApiToken | None = None,
    now: datetime | None = None,
) -> Award:
    """Revoke ``award`` for good, giving ``reason``."""
    return _change(award, Action.REVOKE, reason, actor, token=token, now=now or timezone.now())


def suspend(
    award: Award,
    reason: str,
    actor: User | None,
    *,
    token: ApiToken | None = None,
    now: datetime | None = None,
) -> Award:
    """Suspend the valid ``award`` until it is reinstated, giving ``reason``."""
    return _change(award, Action.SUSPEND, reason, actor, token=token, now=now or timezone.now())


def reinstate(
    award: Award,
    reason: str,
    actor: User | None,
    *,
    token: ApiToken | None = None,
    now: datetime | None = None,
) -> Award:
    """Make the suspended ``award`` valid again, giving ``reason``."""
    return _change(award, Action.REINSTATE, reason, actor, token=token, now=now or timezone.now())


def check_actor(issuer: Organisation, actor: User | None, token: ApiToken | None) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` or ``token`` may issue for ``issuer``.

    With neither, the platform itself acts (a bulk job checked when it was created, the demo).
    """
    if token is not None and (token.organisation_id != issuer.pk or token.revoked_at is not None):
        raise PermissionDenied
    if actor is not None:
        check_role(actor, issuer, Role.ISSUER)


def resend_claim_link(award: Award, actor: User | None, *, token: ApiToken | None = None) -> None:
    """Email the learner a new claim link; the old link stops working.

    Only a hash of a claim token is stored, so a lost email cannot be sent again as it was.
    """
    check_actor(award.issuer, actor, token)
    if award.state == Award.State.REVOKED:
        raise IssuingError("issuing.revoked_final", state=STATE_NAMES[award.state])
    secret, digest = claim_token()
    with transaction.atomic():
        Award.objects.filter(pk=award.pk).update(claim_token_hash=digest)
        award.claim_token_hash = digest
        after_commit([(award, secret)])


def claim_token() -> tuple[str, str]:
    """Return a new claim token and the SHA-256 (hex) under which it is stored."""
    token = secrets.token_urlsafe(CLAIM_TOKEN_BYTES)
    return token, claim_token_hash(token)


def claim_token_hash(token: str) -> str:
    """Return the hash under which a claim token is stored (the token itself never is)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def serialise(document: JsonObject) -> str:
    """Return ``document`` as the compact JSON text stored and served byte for byte."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def send_claim_emails(pairs: list[tuple[Award, str]]) -> None:
    """Email each learner their claim link (after the awards were committed)."""
    from meritpass.issuing.notifications import send_claim_email  # noqa: PLC0415 - renders mail

    for award, token in pairs:
        send_claim_email(award, token)


def after_commit(pairs: list[tuple[Award, str]]) -> None:
    """Send the claim emails of ``pairs`` once the current transaction commits."""
    if pairs:
        transaction.on_commit(partial(send_claim_emails, pairs))


def _create(
    context: IssuingContext,
    learner: LearnerInput,
    *,
    key: str,
    actor: User | None,
    token: ApiToken | None,
    now: datetime,
) -> Award:
    organisation = context.organisation
    revocation = _one(organisation, StatusList.Purpose.REVOCATION, context, now)
    suspension = _one(organisation, StatusList.Purpose.SUSPENSION, context, now)
    award = new_award(context, learner, key=key, actor=actor)
    award.revocation_list, award.revocation_index = revocation
    award.suspension_list, award.suspension_index = suspension
    award.credential = context.credential(
        award_id=award.uuid.urn,
        learner=learner,
        revocation=revocation,
        suspension=suspension,
        now=now,
    )
    secret, award.claim_token_hash = claim_token()
    award.save(force_insert=True)
    audit.record(
        actor=actor,
        organisation=organisation,
        action=AuditEvent.Action.ISSUED,
        target=award,
        details={"version": str(context.version.uuid)},
        token=token,
    )
    after_commit([(award, secret)])
    return award


def new_award(
    context: IssuingContext, learner: LearnerInput, *, key: str, actor: User | None
) -> Award:
    """Return the unsaved award of ``learner``, without status indexes and credential yet."""
    return Award(
        uuid=uuid.uuid4(),
        issuer=context.organisation,
        version=context.version,
        learner_name=learner.name,
        learner_email=learner.email,
        learner_did=learner.did or "",
        awarded_on=learner.awarded_on,
        grade=learner.grade or "",
        language=context.language,
        idempotency_key=key,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )


def _one(
    organisation: Organisation, purpose: str, context: IssuingContext, now: datetime
) -> tuple[StatusList, int]:
    return status_lists.allocate(organisation, purpose, 1, now=now)[0]


@transaction.atomic
def _change(
    award: Award,
    action: str,
    reason: str,
    actor: User | None,
    *,
    token: ApiToken | None,
    now: datetime,
) -> Award:
    award = Award.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=award.pk)
    check_actor(award.issuer, actor, token)
    text = _reason(reason)
    transition = _TRANSITIONS[Action(action)]
    if award.state not in transition.allowed_from:
        raise IssuingError(transition.refusal, state=STATE_NAMES[award.state])
    previous = award.state
    award.state = transition.to
    award.state_reason = text
    award.save(update_fields=["state", "state_reason"])
    person = actor if actor is not None and actor.is_authenticated else None
    StatusChange.objects.create(award=award, action=action, reason=text, actor=person)
    audit.record(
        actor=actor,
        organisation=award.issuer,
        action=transition.audit_action,
        target=award,
        details={"from": previous, "to": award.state},
        token=token,
    )
    for status_list in _affected(award, previous):
        status_lists.publish(status_list, now=now)
    return award


def _affected(award: Award, previous: str) -> list[StatusList]:
    """Return the lists in which the bit of ``award`` changed."""
    changed = {previous, award.state}
    lists = []
    if State.REVOKED in changed:
        lists.append(award.revocation_list)
    if State.SUSPENDED in changed:
        lists.append(award.suspension_list)
    return lists


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise IssuingError("issuing.reason_missing", field="reason")
    if len(text) > REASON_MAX_LENGTH:
        raise IssuingError(
            "issuing.too_long", field="reason", limit=REASON_MAX_LENGTH, length=len(text)
        )
    return text
