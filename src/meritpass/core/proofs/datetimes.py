"""Proof dates (``created``, ``expires``): XML Schema dateTimeStamps, with proof error codes."""

from __future__ import annotations

from datetime import datetime

from meritpass.core import datetimes
from meritpass.core.errors import InputError, ProofError
from meritpass.core.keys.excerpt import excerpt


def parse_datetime_stamp(value: object, *, name: str) -> datetime:
    """Return the aware datetime in ``value``, or raise naming the property ``name``."""
    moment = datetimes.parse_datetime_stamp(value)
    if moment is None:
        raise InputError("proof.invalid_datetime", property=name, value=excerpt(value))
    return moment


def format_datetime_stamp(moment: datetime, *, name: str) -> str:
    """Return ``moment`` in UTC as ``YYYY-MM-DDThh:mm:ss[.ffffff]Z``; a naive one is refused."""
    try:
        return datetimes.format_datetime_stamp(moment)
    except ValueError:
        raise ProofError("proof.naive_datetime", property=name) from None
