"""The issuing API for learning-management systems: specifications, awards, batches, status.

Every call acts for the organisation of its API token (``Authorization: Bearer mp_…``); another
organisation's awards and jobs are not found. Input is checked with the same rules as the award
form and the CSV upload, and every error is RFC 9457 problem details naming where it is
(``body.email``, ``body.awards[3].date``), in the language of ``Accept-Language``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Final, Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import HeaderEx, P, Router, Schema, Status

from meritpass.accounts.api_auth import ApiTokenAuth
from meritpass.accounts.models import ApiToken
from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing import bulk, queries, services
from meritpass.issuing.credentials import IssuingContext
from meritpass.issuing.errors import InvalidAwardError, IssuingError
from meritpass.issuing.models import Award, BulkJob
from meritpass.issuing.validation import Rules, read_and_check
from meritpass.site import problems
from meritpass.site.languages import page_language

__all__ = ["router"]

router = Router(auth=ApiTokenAuth(), tags=["issuing"])

MAX_BATCH: Final = 10_000
#: Refusals that are about the right to issue rather than about the input.
_FORBIDDEN: Final = frozenset({"issuing.cannot_issue"})
_CONFLICT: Final = frozenset(
    {
        "issuing.revoked_final",
        "issuing.not_active",
        "issuing.not_suspended",
        "issuing.idempotency_conflict",
    }
)
State = Literal["active", "suspended", "revoked"]
JobState = Literal["invalid", "ready", "queued", "issuing", "done", "failed"]


class Text(Schema):
    sv: str
    en: str


class SpecificationOut(Schema):
    id: UUID
    specification: UUID
    number: int
    title: Text
    eqf_level: int | None
    field_of_education: str
    grades: list[str] | None


class AwardIn(Schema):
    version: UUID
    name: str | None = None
    email: str | None = None
    did: str | None = None
    date: str | None = None
    grade: str | None = None
    idempotency_key: str | None = None


class BatchRowIn(Schema):
    name: str | None = None
    email: str | None = None
    did: str | None = None
    date: str | None = None
    grade: str | None = None
    idempotency_key: str | None = None


class BatchIn(Schema):
    version: UUID
    awards: list[BatchRowIn]


class LearnerOut(Schema):
    name: str
    email: str
    did: str | None


class AwardOut(Schema):
    id: UUID
    state: State
    state_reason: str
    version: UUID
    learner: LearnerOut
    date: dt.date
    grade: str | None
    idempotency_key: str
    created_at: dt.datetime
    credential: dict[str, Any]


class JobOut(Schema):
    id: UUID
    state: JobState
    version: UUID
    total: int
    issued: int
    skipped: int
    progress: float
    failure: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    awards: list[UUID | None] | None = None


class ReasonIn(Schema):
    reason: str | None = None


@router.get(
    "/specifications",
    response=list[SpecificationOut],
    summary="List the specifications this organisation may issue",
    description=(
        "The published specification versions the token's organisation may award: its own and"
        " those delegated to it. `grades` is null when the specification has no grade, empty when"
        " any grade text is allowed, else the allowed grades."
    ),
)
def specifications(request: HttpRequest) -> list[SpecificationOut]:
    """Return the versions the token's organisation may issue."""
    return [
        _specification(item) for item in queries.issuable_versions(_token(request).organisation)
    ]


@router.post(
    "/awards",
    response={200: AwardOut, 201: AwardOut},
    summary="Issue a credential to one learner",
    description=(
        "Signs and stores an Open Badges 3.0 credential for one learner and emails them a link to"
        " claim it. The idempotency key (the `Idempotency-Key` header or `idempotency_key`)"
        " names the award: repeating a request returns the award of the first one (200) instead"
        " of issuing again (201). Without a key, the learner's email, the version and the date"
        " form it. `date` is YYYY-MM-DD."
    ),
)
def issue(
    request: HttpRequest,
    payload: AwardIn,
    idempotency_key: HeaderEx[
        str | None, P(alias="Idempotency-Key", description="Names the award; see above.")
    ] = None,
) -> Status[AwardOut] | HttpResponse:
    """Issue one award, or return the award the idempotency key already names."""
    token = _token(request)
    version = _version(payload.version)
    key = _key(idempotency_key, payload.idempotency_key)
    if isinstance(key, HttpResponse):
        return key
    rules = Rules.for_version(version)
    learner, errors = read_and_check(payload.dict(), rules, today=timezone.localdate())
    if learner is None or errors:
        return _invalid(errors)
    try:
        issued = services.issue(
            issuer=token.organisation,
            version=version,
            learner=learner,
            idempotency_key=key,
            token=token,
        )
    except InvalidAwardError as error:
        return _invalid(list(error.errors))
    except IssuingError as error:
        return _refused(error)
    return Status(201 if issued.created else 200, _award(issued.award))


@router.post(
    "/awards/batch",
    response={202: JobOut},
    summary="Issue a credential to many learners",
    description=(
        f"Checks every row (at most {MAX_BATCH:,}) as `POST /awards` would; if any is wrong,"
        " answers 422 with every error (`body.awards[i].field`) and keeps nothing. Otherwise it"
        " queues a background job (202) whose progress `GET /jobs/{id}` reports. Rows whose"
        " idempotency key already has an award are linked to it, not issued again."
    ),
)
def issue_batch(request: HttpRequest, payload: BatchIn) -> Status[JobOut] | HttpResponse:
    """Validate a list of learners and queue the job that issues them."""
    token = _token(request)
    version = _version(payload.version)
    if not 1 <= len(payload.awards) <= MAX_BATCH:
        message = IssuingError("issuing.csv_too_many_rows", limit=MAX_BATCH).message(
            page_language()
        )
        if not payload.awards:
            message = IssuingError("issuing.csv_no_rows").message(page_language())
        return _problem(422, "invalid-batch", [("body.awards", message)])
    try:
        context = IssuingContext.prepare(token.organisation, version)
    except IssuingError as error:
        return _refused(error)
    records = [(number, row.dict()) for number, row in enumerate(payload.awards, start=1)]
    rows, errors = bulk.validate_records(context, records, page_language(), now=timezone.now())
    if errors:
        located = [(_row_location(error), error.message) for error in errors]
        return _problem(422, "invalid-batch", located)
    job = bulk.create_job(token.organisation, version, rows, token=token, start=True)
    job.refresh_from_db()
    return Status(202, _job(job, results=False))


@router.get(
    "/jobs/{job_id}",
    response=JobOut,
    summary="Read the progress of a batch",
    description=(
        "State, counts and progress (0 to 1) of a batch job. With `results=true`, `awards` lists"
        " the award id of each row in order (null while a row is not yet issued)."
    ),
)
def job(request: HttpRequest, job_id: UUID, results: bool = False) -> JobOut:
    """Return one of the organisation's jobs."""
    item = get_object_or_404(
        BulkJob.objects.select_related("version"),
        uuid=job_id,
        organisation=_token(request).organisation,
    )
    return _job(item, results=results)


@router.get(
    "/awards/{award_id}",
    response=AwardOut,
    summary="Read one award",
    description="The award's state and its signed credential (as JSON; the exact signed bytes "
    "are served at /credentials/<award id>.json).",
)
def award(request: HttpRequest, award_id: UUID) -> AwardOut:
    """Return one of the organisation's awards."""
    return _award(_own_award(request, award_id))


def _status_endpoint(action: str, summary: str, description: str) -> None:
    change = {"revoke": services.revoke, "suspend": services.suspend}.get(
        action, services.reinstate
    )

    @router.post(
        f"/awards/{{award_id}}/{action}",
        response=AwardOut,
        summary=summary,
        description=description,
        operation_id=f"issuing_{action}",
    )
    def endpoint(
        request: HttpRequest, award_id: UUID, payload: ReasonIn
    ) -> AwardOut | HttpResponse:
        item = _own_award(request, award_id)
        try:
            return _award(change(item, payload.reason or "", None, token=_token(request)))
        except IssuingError as error:
            return _refused(error, title=_("The status cannot change"))


_status_endpoint(
    "revoke",
    "Revoke an award",
    "Revokes the award for good, with a reason (required); its status list shows it at once.",
)
_status_endpoint(
    "suspend",
    "Suspend an award",
    "Suspends a valid award until it is reinstated, with a reason (required).",
)
_status_endpoint(
    "reinstate",
    "Reinstate a suspended award",
    "Makes a suspended award valid again, with a reason (required). A revocation is final.",
)


def _token(request: HttpRequest) -> ApiToken:
    token = getattr(request, "auth", None)
    assert isinstance(token, ApiToken)
    return token


def _version(uuid: UUID) -> SpecificationVersion:
    return get_object_or_404(
        SpecificationVersion.objects.select_related("specification"), uuid=uuid
    )


def _own_award(request: HttpRequest, uuid: UUID) -> Award:
    return get_object_or_404(
        Award.objects.select_related("version"), uuid=uuid, issuer=_token(request).organisation
    )


def _key(header: str | None, body: str | None) -> str | HttpResponse | None:
    if header and body and header != body:
        message = _("The Idempotency-Key header and idempotency_key differ; send one of them.")
        return _problem(422, "invalid-award", [("header.Idempotency-Key", message)])
    return header or body or None


def _invalid(errors: list[IssuingError]) -> HttpResponse:
    return _problem(
        422,
        "invalid-award",
        [(_location(error), error.message(page_language())) for error in errors],
    )


def _refused(error: IssuingError, *, title: str | None = None) -> HttpResponse:
    status = 403 if error.code in _FORBIDDEN else 409 if error.code in _CONFLICT else 422
    return _problem(
        status, error.code, [(_location(error), error.message(page_language()))], title=title
    )


def _problem(
    status: int, kind: str, errors: list[tuple[str, str]], *, title: str | None = None
) -> HttpResponse:
    items = [{"location": location, "message": message} for location, message in errors]
    return problems.problem(
        status=status,
        kind=kind,
        title=title or _("The credential cannot be issued"),
        detail="; ".join(item["message"] for item in items),
        errors=items,
    )


def _location(error: IssuingError) -> str:
    return f"body.{error.field}" if error.field else "body"


def _row_location(error: bulk.RowError) -> str:
    if not error.row:
        return "body.awards"
    suffix = f".{error.column}" if error.column else ""
    return f"body.awards[{error.row - 1}]{suffix}"


def _specification(version: SpecificationVersion) -> SpecificationOut:
    grading = (version.content or {}).get("grading")
    grades = (
        [str(value) for value in grading.get("values") or []] if isinstance(grading, dict) else None
    )
    return SpecificationOut(
        id=version.uuid,
        specification=version.specification.uuid,
        number=version.number,
        title=Text(sv=version.title("sv"), en=version.title("en")),
        eqf_level=version.eqf_level,
        field_of_education=version.field_of_education,
        grades=grades,
    )


def _award(item: Award) -> AwardOut:
    return AwardOut(
        id=item.uuid,
        state=item.state,  # type: ignore[arg-type]
        state_reason=item.state_reason,
        version=item.version.uuid,
        learner=LearnerOut(
            name=item.learner_name, email=item.learner_email, did=item.learner_did or None
        ),
        date=item.awarded_on,
        grade=item.grade or None,
        idempotency_key=item.idempotency_key,
        created_at=item.created_at,
        credential=json.loads(item.credential),
    )


def _job(item: BulkJob, *, results: bool) -> JobOut:
    done = item.issued + item.skipped
    awards: list[UUID | None] | None = None
    if results:
        awards = list(item.rows.order_by("number").values_list("award__uuid", flat=True))
    return JobOut(
        id=item.uuid,
        state=item.state,  # type: ignore[arg-type]
        version=item.version.uuid,
        total=item.total,
        issued=item.issued,
        skipped=item.skipped,
        progress=round(done / item.total, 4) if item.total else 1.0,
        failure=item.failure,
        created_at=item.created_at,
        finished_at=item.finished_at,
        awards=awards,
    )
