"""Read an untrusted ``BitstringStatusListEntry`` (§2.1) into checked values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final
from urllib.parse import urlsplit

from meritpass.core.datetimes import parse_datetime_stamp
from meritpass.core.errors import StatusListError
from meritpass.core.status.bitstring_status_list import MAX_STATUS_SIZE

__all__ = [
    "ENTRY_TYPE",
    "StatusListEntry",
    "has_type",
    "is_absolute_url",
    "parse_date_time",
    "parse_entry",
]

ENTRY_TYPE: Final = "BitstringStatusListEntry"

#: "An arbitrary size integer … expressed as a string in base 10"; 100 digits is beyond any list.
_INDEX = re.compile(r"[0-9]{1,100}", re.ASCII)
_HEX_STATUS = re.compile(r"0x[0-9a-fA-F]{1,8}", re.ASCII)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*", re.ASCII)
_NO_SPACE = re.compile(r"[^\x00-\x20\x7f]+")
#: XML Schema dateTimeStamp; a time-zone offset is at most 14:00 either way.


@dataclass(frozen=True, slots=True)
class StatusListEntry:
    """A well-formed ``BitstringStatusListEntry``."""

    status_purpose: str
    index: int
    status_list_credential: str
    status_size: int = 1
    #: ``status_messages[value]`` is the ``statusMessage`` text for status ``value``.
    status_messages: tuple[str, ...] | None = None

    def message_for(self, status: int) -> str | None:
        """Return the message for ``status``; §2.1 names 1-bit values "set" and "unset"."""
        if self.status_messages is not None:
            return self.status_messages[status]
        if self.status_size == 1:
            return "set" if status else "unset"
        return None


def parse_entry(value: object, *, strict_index: bool = False) -> StatusListEntry:
    """Return the checked entry, or raise :class:`StatusListError` naming the faulty property."""
    if not isinstance(value, Mapping):
        raise StatusListError("status.malformed_entry", property="credentialStatus")
    if not has_type(value.get("type"), ENTRY_TYPE):
        kind = value.get("type")
        raise StatusListError(
            "status.unsupported_type", type=kind if isinstance(kind, str) else "—"
        )
    purpose = value.get("statusPurpose")
    if not isinstance(purpose, str) or not purpose:
        raise StatusListError("status.malformed_entry", property="statusPurpose")
    url = value.get("statusListCredential")
    if not is_absolute_url(url):
        raise StatusListError("status.malformed_entry", property="statusListCredential")
    if "id" in value and (not isinstance(value["id"], str) or value["id"] == url):
        raise StatusListError("status.malformed_entry", property="id")
    size = _status_size(value.get("statusSize", 1))
    return StatusListEntry(
        status_purpose=purpose,
        index=_index(value.get("statusListIndex"), strict=strict_index),
        status_list_credential=str(url),
        status_size=size,
        status_messages=_status_messages(value.get("statusMessage"), size),
    )


def has_type(value: object, name: str) -> bool:
    """Return whether a JSON-LD ``type`` value (a string or an array) includes ``name``."""
    return value == name or (isinstance(value, list) and name in value)


def is_absolute_url(value: object) -> bool:
    """Return whether ``value`` is an absolute URL (with a host, for http and https)."""
    if not isinstance(value, str) or not _NO_SPACE.fullmatch(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if not _SCHEME.fullmatch(parts.scheme):
        return False
    if parts.scheme.lower() in {"http", "https"}:
        return bool(parts.hostname)
    return bool(parts.netloc or parts.path)


def parse_date_time(value: object) -> datetime | None:
    """Return an XML Schema dateTimeStamp (time zone required) as a datetime, or ``None``."""
    return parse_datetime_stamp(value)


def _index(value: object, *, strict: bool) -> int:
    if isinstance(value, str) and _INDEX.fullmatch(value):
        return int(value)
    if not strict and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise StatusListError("status.malformed_entry", property="statusListIndex")


def _status_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_STATUS_SIZE:
        raise StatusListError("status.malformed_entry", property="statusSize")
    return value


def _status_messages(value: object, size: int) -> tuple[str, ...] | None:
    """Return the messages ordered by status value; §2.1 requires them when ``size`` > 1."""
    if value is None and size == 1:
        return None
    count = 1 << size
    if not isinstance(value, list) or len(value) != count:
        raise StatusListError("status.malformed_entry", property="statusMessage")
    messages: dict[int, str] = {}
    for item in value:
        status = item.get("status") if isinstance(item, Mapping) else None
        text = item.get("message") if isinstance(item, Mapping) else None
        if not isinstance(status, str) or not _HEX_STATUS.fullmatch(status):
            raise StatusListError("status.malformed_entry", property="statusMessage")
        number = int(status, 16)
        if number >= count or number in messages or not isinstance(text, str):
            raise StatusListError("status.malformed_entry", property="statusMessage")
        messages[number] = text
    return tuple(messages[number] for number in range(count))
