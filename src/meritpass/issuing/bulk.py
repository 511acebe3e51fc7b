"""Bulk issuing, first half: the CSV template, reading an upload, validating every row, the job.

Nothing is issued until every row is valid: ``validate`` returns all errors, each with the row
number as the file shows it, the column and a message in the user's language. Only an upload
without errors becomes a ``BulkJob`` (its rows stored, each with its idempotency key); a job runs
in the background (``meritpass.issuing.jobs``). A row whose key already has an award is not an
error: the job links it to that award instead of issuing again, so uploading the same file twice
issues nothing twice.

The file is UTF-8 (a byte-order mark is fine) with ``;`` or ``,`` between cells; the header row
names the columns (``name``, ``email``, ``did``, ``date``, ``grade``, ``idempotency_key``, in any
order; the Swedish headings of the template are accepted too).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from django.db import transaction
from django.utils import timezone

from meritpass import audit
from meritpass.accounts.models import ApiToken, Organisation, User
from meritpass.audit.models import AuditEvent
from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing.credentials import IssuingContext
from meritpass.issuing.errors import FIELD_LABELS, IssuingError
from meritpass.issuing.models import Award, BulkJob, BulkRow
from meritpass.issuing.services import check_actor
from meritpass.issuing.validation import (
    LearnerInput,
    check_key,
    default_key,
    read,
    read_and_check,
)

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "RowError",
    "ValidRow",
    "already_issued",
    "create_job",
    "read_csv",
    "template",
    "validate",
    "validate_records",
]

MAX_BYTES: Final = 10 * 1024 * 1024
MAX_ROWS: Final = 20_000
COLUMNS: Final = ("name", "email", "did", "date", "grade", "idempotency_key")
REQUIRED: Final = frozenset({"name", "email", "date"})
#: Other headings accepted for each column: the Swedish labels and common spellings.
_ALIASES: Final = {
    **{label.sv.lower(): column for column, label in FIELD_LABELS.items()},
    **{label.en.lower(): column for column, label in FIELD_LABELS.items()},
    "e-mail": "email",
    "epost": "email",
    "idempotency-key": "idempotency_key",
}
_LOOKUP_BATCH: Final = 1000
Record = tuple[int, Mapping[str, object]]


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem: the row as numbered in the file (0: the file itself), column and message."""

    row: int
    column: str | None
    message: str

    def to_json(self) -> dict[str, object]:
        """Return the error as the API reports it."""
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True, slots=True)
class ValidRow:
    """A row that can be issued, with the idempotency key that makes issuing it repeatable."""

    number: int
    learner: LearnerInput
    idempotency_key: str

    def data(self) -> dict[str, str]:
        """Return the row as it is stored in the job."""
        learner = self.learner
        return {
            "name": learner.name,
            "email": learner.email,
            "did": learner.did or "",
            "date": learner.awarded_on.isoformat(),
            "grade": learner.grade or "",
        }


def template(version: SpecificationVersion) -> bytes:
    """Return the CSV template of ``version``: the header row, with ``grade`` only if graded."""
    graded = isinstance((version.content or {}).get("grading"), dict)
    columns = [column for column in COLUMNS if graded or column != "grade"]
    # Excel opens a semicolon-separated UTF-8 file with a byte-order mark correctly in Sweden.
    return ("\ufeff" + ";".join(columns) + "\r\n").encode("utf-8")


def validate(
    version: SpecificationVersion,
    csv_bytes: bytes,
    language: str,
    *,
    organisation: Organisation,
    now: datetime | None = None,
) -> tuple[list[ValidRow], list[RowError]]:
    """Return the rows of an uploaded CSV file and every error in it, in ``language``.

    Raises ``IssuingError`` when ``organisation`` may not issue ``version`` at all.
    """
    context = IssuingContext.prepare(organisation, version)
    records, errors = read_csv(csv_bytes, language)
    if errors:
        return [], errors
    return validate_records(context, records, language, now=now or timezone.now())


def read_csv(data: bytes, language: str) -> tuple[list[Record], list[RowError]]:
    """Return the numbered records of a CSV upload, or the errors that keep it from being read."""
    if len(data) > MAX_BYTES:
        return [], [_file_error("issuing.csv_too_large", language, size=len(data), limit=MAX_BYTES)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [_file_error("issuing.csv_not_utf8", language, position=error.start)]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _records(reader, language)
    except csv.Error as error:
        return [], [_file_error("issuing.csv_unreadable", language, reason=str(error))]


def validate_records(
    context: IssuingContext, records: Iterable[Record], language: str, *, now: datetime
) -> tuple[list[ValidRow], list[RowError]]:
    """Validate numbered records (from a CSV file or an API list) for ``context``."""
    rows: list[ValidRow] = []
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    today = timezone.localdate(now)
    for number, raw in records:
        row, problems = _validate_one(context, number, raw, today=today, now=now)
        if row is not None and row.idempotency_key in first_row:
            duplicate = IssuingError(
                "issuing.duplicate_row", field="idempotency_key", row=first_row[row.idempotency_key]
            )
            problems.append(duplicate)
        errors += [RowError(number, error.field, error.message(language)) for error in problems]
        if row is not None and not problems:
            first_row[row.idempotency_key] = number
            rows.append(row)
    if not rows and not errors:
        errors.append(_file_error("issuing.csv_no_rows", language, field="rows"))
    return rows, errors


def already_issued(organisation: Organisation, rows: Sequence[ValidRow]) -> set[str]:
    """Return the idempotency keys among ``rows`` that already have an award."""
    keys = [row.idempotency_key for row in rows]
    found: set[str] = set()
    for start in range(0, len(keys), _LOOKUP_BATCH):
        batch = keys[start : start + _LOOKUP_BATCH]
        awards = Award.objects.filter(issuer=organisation, idempotency_key__in=batch)
        found.update(awards.values_list("idempotency_key", flat=True))
    return found


@transaction.atomic
def create_job(
    organisation: Organisation,
    version: SpecificationVersion,
    rows: Sequence[ValidRow],
    *,
    filename: str = "",
    actor: User | None = None,
    token: ApiToken | None = None,
    start: bool = False,
) -> BulkJob:
    """Store a job of validated ``rows``; with ``start`` queue it at once, else it awaits ``start``.

    Raises ``PermissionDenied`` unless ``actor`` or ``token`` may issue for ``organisation``.
    """
    check_actor(organisation, actor, token)
    job = BulkJob.objects.create(
        organisation=organisation,
        version=version,
        filename=filename[:200],
        state=BulkJob.State.READY,
        total=len(rows),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    BulkRow.objects.bulk_create(
        (
            BulkRow(
                job=job, number=row.number, data=row.data(), idempotency_key=row.idempotency_key
            )
            for row in rows
        ),
        batch_size=_LOOKUP_BATCH,
    )
    if start:
        return start_job(job, actor=actor, token=token)
    return job


@transaction.atomic
def start_job(job: BulkJob, *, actor: User | None, token: ApiToken | None = None) -> BulkJob:
    """Queue a ready job for the background worker (a job already queued stays as it is)."""
    from meritpass.issuing.jobs import enqueue  # noqa: PLC0415 - jobs imports this module

    job = BulkJob.objects.select_for_update().get(pk=job.pk)
    check_actor(job.organisation, actor, token)
    if job.state != BulkJob.State.READY:
        return job
    job.state = BulkJob.State.QUEUED
    job.save(update_fields=["state"])
    audit.record(
        actor=actor,
        organisation=job.organisation,
        action=AuditEvent.Action.BULK_STARTED,
        target=job,
        details={"version": str(job.version.uuid), "rows": job.total},
        token=token,
    )
    enqueue(job)
    return job


def row_learner(row: BulkRow) -> LearnerInput:
    """Return the learner a stored row describes (it was validated when the job was made)."""
    learner, errors = read(row.data)
    if learner is None:
        raise errors[0]
    return learner


def _records(reader: Iterator[list[str]], language: str) -> tuple[list[Record], list[RowError]]:
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        return [], [_file_error("issuing.csv_empty", language)]
    columns, errors = _columns(header, language)
    if errors:
        return [], errors
    records: list[Record] = []
    line = reader.line_num  # type: ignore[attr-defined]
    for cells in reader:
        number, line = line + 1, reader.line_num  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in cells):
            continue
        if len(records) == MAX_ROWS:
            return [], [_file_error("issuing.csv_too_many_rows", language, limit=MAX_ROWS)]
        extra = [cell for cell in cells[len(columns) :] if cell.strip()]
        if extra:
            message = IssuingError(
                "issuing.csv_extra_cells", field="rows", count=len(cells), columns=len(columns)
            ).message(language)
            errors.append(RowError(number, None, message))
            continue
        records.append((number, dict(zip(columns, cells, strict=False))))
    return records, errors


def _columns(header: list[str], language: str) -> tuple[list[str], list[RowError]]:
    columns: list[str] = []
    errors: list[RowError] = []
    for cell in header:
        heading = cell.strip().lower()
        column = heading if heading in COLUMNS else _ALIASES.get(heading)
        if column is None:
            allowed = ", ".join(COLUMNS)
            errors.append(
                _file_error("issuing.csv_unknown_column", language, column=cell, allowed=allowed)
            )
        elif column in columns:
            errors.append(_file_error("issuing.csv_repeated_column", language, column=cell))
        columns.append(column or "")
    for column in sorted(REQUIRED - set(columns)):
        errors.append(_file_error("issuing.csv_missing_column", language, column=column))
    return columns, errors


def _validate_one(
    context: IssuingContext,
    number: int,
    raw: Mapping[str, object],
    *,
    today: date,
    now: datetime,
) -> tuple[ValidRow | None, list[IssuingError]]:
    explicit = str(raw.get("idempotency_key") or "").strip() or None
    learner, problems = read_and_check(raw, context.rules, today=today)
    problems += check_key(explicit)
    if learner is None:
        return None, problems
    if not any(error.field == "date" for error in problems):
        problems += context.scope_errors(learner.awarded_on, now=now)
    key = explicit or default_key(context.version, learner)
    return ValidRow(number=number, learner=learner, idempotency_key=key), problems


def _file_error(code: str, language: str, **params: object) -> RowError:
    params.setdefault("field", "file")
    return RowError(0, None, IssuingError(code, **params).message(language))
