"""Bulk issuing, second half: the background job that issues a validated upload, chunk by chunk.

A job issues its rows in chunks of ``CHUNK`` rows, one transaction each: the chunk's status
indexes are allocated in one call, the awards inserted together and the rows linked to them, with
the job's counters and heartbeat. A crash loses at most the chunk in flight, which rolled back; a
resumed job carries on with the rows that have no award yet. A row whose idempotency key already
has an award (an earlier upload, an API call) is linked to it, not issued again. Each chunk queues
a task that emails its learners their claim links, so the mail server never slows issuing.

``resume_stalled`` puts back in the queue every job that stopped: issuing with a heartbeat older
than ``STALE_AFTER``, or queued without a live task. The worker command runs it when it starts and
``manage.py resume_bulk_jobs`` runs it on demand.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from meritpass.accounts.models import User
from meritpass.audit.models import AuditEvent
from meritpass.core.errors import MeritpassError
from meritpass.issuing import status_lists
from meritpass.issuing.bulk import row_learner
from meritpass.issuing.credentials import IssuingContext
from meritpass.issuing.models import Award, BulkJob, BulkRow, StatusList
from meritpass.issuing.services import claim_token, new_award
from meritpass.issuing.services import send_claim_emails as send_claim_emails_now
from meritpass.issuing.signing import SigningPool

__all__ = [
    "CHUNK",
    "STALE_AFTER",
    "enqueue",
    "prune",
    "resume_stalled",
    "run_bulk_job",
    "run_job",
    "send_claim_emails",
]

logger = logging.getLogger(__name__)

CHUNK: Final = 200
#: How long the rows of a finished job (learners' data) are kept; the awards stay.
KEEP_ROWS: Final = timedelta(days=90)
#: How long an upload that was never confirmed is kept.
KEEP_UNCONFIRMED: Final = timedelta(days=7)
#: Jobs with at least this many rows left sign in worker processes (starting them takes ~0.5 s).
PARALLEL_FROM: Final = 1000
REVOCATION: Final = StatusList.Purpose.REVOCATION
SUSPENSION: Final = StatusList.Purpose.SUSPENSION
STALE_AFTER: Final = timedelta(minutes=2)
#: How often a chunk is tried again when a concurrent request issued one of its keys meanwhile.
_ATTEMPTS: Final = 3
AfterChunk = Callable[[BulkJob, int], None]
State = BulkJob.State


@dataclass(frozen=True, slots=True)
class _Chunk:
    issued: int
    linked: int

    @property
    def rows(self) -> int:
        return self.issued + self.linked


@task()
def run_bulk_job(job_id: int) -> dict[str, int]:
    """Issue the rows of bulk job ``job_id`` (the background task)."""
    job = run_job(job_id)
    return {"issued": job.issued, "skipped": job.skipped} if job else {}


@task()
def send_claim_emails(award_ids: list[int]) -> int:
    """Email the learners of these awards their claim links; return how many were sent.

    Each award gets its claim token here, once: an award already emailed, or given a token, is
    left alone, so running the task again sends nothing twice.
    """
    sent = 0
    for award in Award.objects.filter(pk__in=award_ids, claim_token_hash="", email_sent_at=None):
        secret, token_hash = claim_token()
        if Award.objects.filter(pk=award.pk, claim_token_hash="").update(
            claim_token_hash=token_hash
        ):
            award.claim_token_hash = token_hash
            send_claim_emails_now([(award, secret)])
            sent += 1
    return sent


def enqueue(job: BulkJob) -> None:
    """Queue the task that runs ``job`` and remember its id (inside the caller's transaction)."""
    result = run_bulk_job.enqueue(job.pk)
    job.task_id = str(result.id)
    BulkJob.objects.filter(pk=job.pk).update(task_id=job.task_id)


def run_job(job_id: int, *, after_chunk: AfterChunk | None = None) -> BulkJob | None:
    """Issue every row of job ``job_id`` that has no award yet; return the job as it ends.

    ``after_chunk(job, n)`` is called after the n-th committed chunk (tests use it to crash).
    """
    job = _start(job_id)
    if job is None:
        return None
    try:
        context = IssuingContext.prepare(job.organisation, job.version)
        with _signing_pool(job, context) as pool:
            done = 0
            while _issue_chunk(job, context, pool).rows:
                done += 1
                if after_chunk is not None:
                    after_chunk(job, done)
    except MeritpassError as error:
        person = job.created_by
        return _fail(job, error.message(person.language if person is not None else "sv"))
    return _finish(job)


def resume_stalled(*, now: datetime | None = None) -> list[BulkJob]:
    """Queue again every job that stopped without finishing; return them."""
    now = now or timezone.now()
    stale = now - STALE_AFTER
    resumed = []
    stopped = Q(state=State.ISSUING) & (
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, started_at__lt=stale)
    )
    for job in BulkJob.objects.filter(stopped | Q(state=State.QUEUED)).order_by("created_at"):
        if job.state == State.QUEUED and _task_alive(job.task_id, stale):
            continue
        with transaction.atomic():
            locked = BulkJob.objects.select_for_update().get(pk=job.pk)
            if locked.state not in {State.QUEUED, State.ISSUING} or _beating(locked, stale):
                continue
            locked.state = State.QUEUED
            locked.save(update_fields=["state"])
            enqueue(locked)
        logger.info("Bulk job %s resumed", job.uuid)
        resumed.append(job)
    return resumed


def prune(*, now: datetime | None = None) -> tuple[int, int]:
    """Delete the rows of jobs finished ``KEEP_ROWS`` ago and uploads never confirmed.

    Returns how many rows and how many unconfirmed jobs were deleted.
    """
    now = now or timezone.now()
    finished = BulkRow.objects.filter(
        job__state__in=[State.DONE, State.FAILED], job__finished_at__lt=now - KEEP_ROWS
    )
    rows, _ = finished.delete()
    unconfirmed = BulkJob.objects.filter(state=State.READY, created_at__lt=now - KEEP_UNCONFIRMED)
    jobs = unconfirmed.count()
    unconfirmed.delete()
    return rows, jobs


def _beating(job: BulkJob, stale: datetime) -> bool:
    """Tell whether an issuing job showed life since ``stale`` (it may have, since it was read)."""
    last = job.heartbeat_at or job.started_at
    return job.state == State.ISSUING and last is not None and last >= stale


def _task_alive(task_id: str, stale: datetime) -> bool:
    if not task_id:
        return False
    try:
        result = run_bulk_job.get_result(task_id)
    except (TaskResultDoesNotExist, NotImplementedError, ValueError):
        return False
    if result.status == TaskResultStatus.READY:
        return True
    started = result.started_at
    return result.status == TaskResultStatus.RUNNING and started is not None and started > stale


def _start(job_id: int) -> BulkJob | None:
    with transaction.atomic():
        job = (
            BulkJob.objects.select_for_update(of=("self",))
            .select_related("organisation", "version", "created_by")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.state not in {State.QUEUED, State.ISSUING}:
            return None
        now = timezone.now()
        job.state = State.ISSUING
        job.started_at = job.started_at or now
        job.heartbeat_at = now
        job.save(update_fields=["state", "started_at", "heartbeat_at"])
    return job


@contextmanager
def _signing_pool(job: BulkJob, context: IssuingContext) -> Iterator[SigningPool | None]:
    """Yield worker processes to sign with, when the job is large enough to gain from them."""
    processes = signing_processes()
    remaining = job.total - job.issued - job.skipped
    if processes < 2 or remaining < PARALLEL_FROM:
        yield None
        return
    with SigningPool(context.shared, processes) as pool:
        yield pool


def signing_processes() -> int:
    """Return how many processes sign a large job: ``MERITPASS_SIGNING_PROCESSES`` or the CPUs."""
    configured = getattr(settings, "MERITPASS_SIGNING_PROCESSES", None)
    if configured is not None:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _issue_chunk(job: BulkJob, context: IssuingContext, pool: SigningPool | None) -> _Chunk:
    for attempt in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                return _chunk(job, context, pool)
        except IntegrityError:
            # A request with one of these keys committed meanwhile: the next try links it.
            if attempt == _ATTEMPTS - 1:
                raise
    return _Chunk(0, 0)  # pragma: no cover - the loop returns or raises


def _chunk(job: BulkJob, context: IssuingContext, pool: SigningPool | None) -> _Chunk:
    locked = BulkJob.objects.select_for_update().get(pk=job.pk)
    if locked.state != State.ISSUING:
        return _Chunk(0, 0)
    rows = list(locked.rows.filter(award__isnull=True).order_by("number")[:CHUNK])
    if not rows:
        return _Chunk(0, 0)
    now = timezone.now()
    existing = dict(
        Award.objects.filter(
            issuer=job.organisation, idempotency_key__in=[row.idempotency_key for row in rows]
        ).values_list("idempotency_key", "pk")
    )
    fresh = [row for row in rows if row.idempotency_key not in existing]
    for row in rows:
        row.award_id = existing.get(row.idempotency_key)
    awards = _issue(job, context, fresh, now=now, pool=pool)
    for row, award in zip(fresh, awards, strict=True):
        row.award = award
    BulkRow.objects.bulk_update(rows, ["award"])
    locked.issued += len(fresh)
    locked.skipped += len(rows) - len(fresh)
    locked.heartbeat_at = now
    locked.save(update_fields=["issued", "skipped", "heartbeat_at"])
    job.issued, job.skipped, job.heartbeat_at = locked.issued, locked.skipped, now
    return _Chunk(issued=len(fresh), linked=len(rows) - len(fresh))


def _issue(
    job: BulkJob,
    context: IssuingContext,
    rows: Sequence[BulkRow],
    *,
    now: datetime,
    pool: SigningPool | None,
) -> list[Award]:
    if not rows:
        return []
    organisation = job.organisation
    revocations = status_lists.allocate(organisation, REVOCATION, len(rows), now=now)
    suspensions = status_lists.allocate(organisation, SUSPENSION, len(rows), now=now)
    awards = []
    items = []
    for row, revocation, suspension in zip(rows, revocations, suspensions, strict=True):
        learner = row_learner(row)
        award = new_award(context, learner, key=row.idempotency_key, actor=job.created_by)
        award.job = job
        award.revocation_list, award.revocation_index = revocation
        award.suspension_list, award.suspension_index = suspension
        awards.append(award)
        items.append(
            context.item(
                award_id=award.uuid.urn,
                learner=learner,
                revocation=revocation,
                suspension=suspension,
                now=now,
            )
        )
    for award, credential in zip(awards, context.sign(items, now=now, pool=pool), strict=True):
        award.credential = credential
    Award.objects.bulk_create(awards)
    _audit(job, awards, job.created_by)
    # The emails go out in their own task, so that a slow mail server never slows issuing.
    send_claim_emails.enqueue([award.pk for award in awards])
    return awards


def _audit(job: BulkJob, awards: Sequence[Award], actor: User | None) -> None:
    """Record one ``issued`` event per award, as ``audit.record`` would, in one insert."""
    details: dict[str, Any] = {"version": str(job.version.uuid), "job": str(job.uuid)}
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            organisation=job.organisation,
            action=AuditEvent.Action.ISSUED,
            target_type=Award._meta.label_lower,
            target_id=str(award.uuid),
            details=details,
        )
        for award in awards
    )


def _finish(job: BulkJob) -> BulkJob:
    now = timezone.now()
    updated = BulkJob.objects.filter(pk=job.pk, state=State.ISSUING).update(
        state=State.DONE, finished_at=now, heartbeat_at=now
    )
    job.refresh_from_db()
    if updated:
        logger.info("Bulk job %s done: %s issued, %s skipped", job.uuid, job.issued, job.skipped)
    return job


def _fail(job: BulkJob, reason: str) -> BulkJob:
    now = timezone.now()
    BulkJob.objects.filter(pk=job.pk).update(state=State.FAILED, failure=reason, finished_at=now)
    job.refresh_from_db()
    logger.warning("Bulk job %s failed", job.uuid)
    return job
