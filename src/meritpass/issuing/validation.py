"""The rules for one learner's award, shared by the form, the CSV upload and the API.

Text input (a form field, a CSV cell, a JSON value) is first read into a ``LearnerInput``; then
``check`` applies the rules of the specification version. Both return every error they find, each
naming its field, so a person can correct all of them at once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from meritpass.catalog.models import SpecificationVersion
from meritpass.core.did.key import key_from_did_key
from meritpass.core.did.web import did_web_to_url
from meritpass.core.errors import MeritpassError
from meritpass.issuing.errors import IssuingError

__all__ = [
    "KEY_PATTERN",
    "NAME_MAX_LENGTH",
    "LearnerInput",
    "Rules",
    "check",
    "check_key",
    "default_key",
    "read",
    "read_and_check",
]

NAME_MAX_LENGTH: Final = 200
EMAIL_MAX_LENGTH: Final = 254
DID_MAX_LENGTH: Final = 200
GRADE_MAX_LENGTH: Final = 100
KEY_MAX_LENGTH: Final = 100
KEY_PATTERN: Final = re.compile(r"[A-Za-z0-9._:-]{1,100}\Z")
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
#: The order in which errors are listed: the order of the form and the CSV template.
_FIELDS: Final = ("name", "email", "did", "date", "grade", "idempotency_key")


@dataclass(frozen=True, slots=True)
class LearnerInput:
    """Who receives the credential, on which date, with which grade (if any)."""

    name: str
    email: str
    did: str | None
    awarded_on: date
    grade: str | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """What one specification version allows, read once for many learners.

    ``grades`` is ``None`` when the specification has no grading and empty when any grade text is
    allowed; ``first_date`` is the day the version was published.
    """

    grades: tuple[str, ...] | None
    first_date: date | None

    @classmethod
    def of(cls, version: SpecificationVersion, *, first_date: date | None) -> Rules:
        """Return the rules of ``version`` (``first_date``: its publication, local date)."""
        grading = (version.content or {}).get("grading")
        if not isinstance(grading, dict):
            return cls(grades=None, first_date=first_date)
        values = grading.get("values") or []
        return cls(grades=tuple(str(value) for value in values), first_date=first_date)

    @classmethod
    def for_version(cls, version: SpecificationVersion) -> Rules:
        """Return the rules of ``version``, first awardable on the (local) day it was published."""
        published = version.published_at
        return cls.of(version, first_date=timezone.localdate(published) if published else None)

    @property
    def graded(self) -> bool:
        """Tell whether the specification has a grade."""
        return self.grades is not None


def read(raw: Mapping[str, object]) -> tuple[LearnerInput | None, list[IssuingError]]:
    """Return the learner that text ``raw`` describes, or the errors that keep it from doing so.

    Keys: ``name``, ``email``, ``did``, ``date`` (YYYY-MM-DD or a ``date``), ``grade``.
    """
    name = " ".join(_text(raw.get("name")).split())
    email = _text(raw.get("email")).strip()
    did = _text(raw.get("did")).strip() or None
    grade = _text(raw.get("grade")).strip() or None
    errors = [*_name_errors(name), *_email_errors(email), *_did_errors(did), *_grade_length(grade)]
    awarded_on = _date(raw.get("date"), errors)
    errors.sort(key=_field_order)
    if errors or awarded_on is None:
        return None, errors
    return LearnerInput(name=name, email=email, did=did, awarded_on=awarded_on, grade=grade), []


def check(learner: LearnerInput, rules: Rules, *, today: date) -> list[IssuingError]:
    """Return what keeps ``learner`` from being awarded under ``rules`` on ``today``."""
    errors = [
        *_name_errors(learner.name),
        *_email_errors(learner.email),
        *_did_errors(learner.did),
        *_date_errors(learner.awarded_on, rules, today),
        *_grade_length(learner.grade),
        *_grade_errors(learner.grade, rules),
    ]
    return sorted(errors, key=_field_order)


def read_and_check(
    raw: Mapping[str, object], rules: Rules, *, today: date
) -> tuple[LearnerInput | None, list[IssuingError]]:
    """Read ``raw`` and apply ``rules``; every error at once, also where other fields are wrong."""
    learner, errors = read(raw)
    if learner is not None:
        return learner, check(learner, rules, today=today)
    awarded_on = _date(raw.get("date"), [])
    if awarded_on is not None:
        errors += _date_errors(awarded_on, rules, today)
    grade = _text(raw.get("grade")).strip() or None
    if grade is not None and len(grade) <= GRADE_MAX_LENGTH:
        errors += _grade_errors(grade, rules)
    return None, sorted(errors, key=_field_order)


def check_key(key: str | None) -> list[IssuingError]:
    """Return an error unless ``key`` is empty or a usable idempotency key."""
    if key is None or key == "" or KEY_PATTERN.match(key):
        return []
    return [IssuingError("issuing.key_invalid", field="idempotency_key", value=key[:40])]


def default_key(version: SpecificationVersion, learner: LearnerInput) -> str:
    """Return the idempotency key of one learner's award of ``version`` on one date.

    The same learner (by email, ignoring case) gets one credential per version and date, however
    often the request is repeated.
    """
    material = f"{version.uuid}\n{learner.email.lower()}\n{learner.awarded_on.isoformat()}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _field_order(error: IssuingError) -> int:
    return _FIELDS.index(error.field) if error.field in _FIELDS else len(_FIELDS)


def _date_errors(awarded_on: date, rules: Rules, today: date) -> list[IssuingError]:
    value = awarded_on.isoformat()
    if awarded_on > today:
        return [IssuingError("issuing.date_future", field="date", value=value)]
    if rules.first_date is not None and awarded_on < rules.first_date:
        first = rules.first_date.isoformat()
        return [
            IssuingError("issuing.date_before_publication", field="date", value=value, first=first)
        ]
    return []


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _name_errors(name: str) -> list[IssuingError]:
    if not name:
        return [IssuingError("issuing.name_missing", field="name")]
    return _too_long("name", name, NAME_MAX_LENGTH)


def _email_errors(email: str) -> list[IssuingError]:
    if not email:
        return [IssuingError("issuing.email_missing", field="email")]
    if len(email) > EMAIL_MAX_LENGTH:
        return _too_long("email", email, EMAIL_MAX_LENGTH)
    try:
        validate_email(email)
    except ValidationError:
        return [IssuingError("issuing.email_invalid", field="email", value=email[:80])]
    return []


def _did_errors(did: str | None) -> list[IssuingError]:
    if did is None:
        return []
    if len(did) > DID_MAX_LENGTH:
        return _too_long("did", did, DID_MAX_LENGTH)
    try:
        if did.startswith("did:key:"):
            key_from_did_key(did)
        elif did.startswith("did:web:"):
            did_web_to_url(did)
        else:
            return [IssuingError("issuing.did_method", field="did", value=did[:80])]
    except MeritpassError as error:
        reason = error.code.rpartition(".")[2].replace("_", " ")
        return [IssuingError("issuing.did_invalid", field="did", value=did[:80], reason=reason)]
    return []


def _grade_length(grade: str | None) -> list[IssuingError]:
    return _too_long("grade", grade, GRADE_MAX_LENGTH) if grade else []


def _grade_errors(grade: str | None, rules: Rules) -> list[IssuingError]:
    if grade is None:
        return []
    if rules.grades is None:
        return [IssuingError("issuing.grade_not_graded", field="grade")]
    if rules.grades and grade not in rules.grades:
        allowed = ", ".join(rules.grades)
        return [
            IssuingError("issuing.grade_not_in_scale", field="grade", value=grade, allowed=allowed)
        ]
    return []


def _too_long(field: str, value: str, limit: int) -> list[IssuingError]:
    if len(value) <= limit:
        return []
    return [IssuingError("issuing.too_long", field=field, limit=limit, length=len(value))]


def _date(value: object, errors: list[IssuingError]) -> date | None:
    if isinstance(value, date):
        return value
    text = _text(value).strip()
    if not text:
        errors.append(IssuingError("issuing.date_missing", field="date"))
        return None
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        errors.append(IssuingError("issuing.date_invalid", field="date", value=text[:40]))
        return None
