"""XML Schema ``dateTimeStamp`` values: dates and times with a time-zone offset.

https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp. Verifiable credentials use them for validity
periods, proofs for ``created`` and ``expires``, status lists for their own validity. The grammar is
checked exactly, because :meth:`datetime.fromisoformat` also accepts ISO 8601 forms (basic format,
date only, a space for ``T``) that are not XML Schema values.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

_DATETIME_STAMP: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})\Z", re.ASCII
)


def parse_datetime_stamp(value: object) -> datetime | None:
    """Return the aware datetime ``value`` denotes, or ``None`` when it is not a dateTimeStamp."""
    match = _DATETIME_STAMP.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=_zone(zone),
        )
    except ValueError:
        return None


def format_datetime_stamp(moment: datetime) -> str:
    """Return an aware ``moment`` in UTC as ``YYYY-MM-DDThh:mm:ss[.ffffff]Z``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a dateTimeStamp needs a time zone")
    utc = moment.astimezone(UTC)
    fraction = f".{utc.microsecond:06d}".rstrip("0") if utc.microsecond else ""
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"


def _zone(text: str) -> timezone:
    if text == "Z":
        return UTC
    hours, minutes = int(text[1:3]), int(text[4:6])
    if minutes > 59 or hours * 60 + minutes > 14 * 60:
        raise ValueError(text)
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if text[0] == "-" else offset)
