"""Build the unsigned ``BitstringStatusListCredential`` and the ``BitstringStatusListEntry`` (§2).

Signing is the proof code's work; these functions only shape the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Final

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import StatusListError
from meritpass.core.status.bitstring_status_list import MAX_STATUS_SIZE, BitstringStatusList

__all__ = [
    "STATUS_PURPOSES",
    "VC_V2_CONTEXT",
    "status_list_credential",
    "status_list_entry",
    "xsd_date_time",
]

VC_V2_CONTEXT: Final = "https://www.w3.org/ns/credentials/v2"
#: §2.1: the purposes whose meaning the specification fixes.
STATUS_PURPOSES: Final = frozenset({"refresh", "revocation", "suspension", "message"})


def status_list_credential(
    *,
    credential_id: str,
    issuer: str | Mapping[str, JsonValue],
    status_purpose: str | Sequence[str],
    status_list: BitstringStatusList,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    ttl: int | None = None,
) -> JsonObject:
    """Return an unsigned VC 2.0 ``BitstringStatusListCredential`` for ``status_list`` (§2.2).

    ``ttl`` is in milliseconds; the edge should send a matching ``Cache-Control``.
    """
    purposes = [status_purpose] if isinstance(status_purpose, str) else list(status_purpose)
    if not purposes:
        raise StatusListError("status.unknown_purpose", purpose="")
    for purpose in purposes:
        _check_purpose(purpose)
    subject: JsonObject = {
        "id": f"{credential_id}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purposes[0] if len(purposes) == 1 else list(purposes),
        "encodedList": status_list.encode(),
    }
    if ttl is not None:
        if isinstance(ttl, bool) or not isinstance(ttl, int) or ttl <= 0:
            raise StatusListError("status.invalid_ttl", ttl=ttl)
        subject["ttl"] = ttl
    credential: JsonObject = {
        "@context": [VC_V2_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer if isinstance(issuer, str) else dict(issuer),
    }
    if valid_from is not None:
        credential["validFrom"] = xsd_date_time(valid_from)
    if valid_until is not None:
        credential["validUntil"] = xsd_date_time(valid_until)
    credential["credentialSubject"] = subject
    return credential


def status_list_entry(
    *,
    status_list_credential: str,
    status_list_index: int,
    status_purpose: str,
    status_size: int = 1,
    status_messages: Sequence[str] | None = None,
    status_reference: str | None = None,
) -> JsonObject:
    """Return the ``credentialStatus`` value pointing at one entry of a status list (§2.1).

    ``status_messages[value]`` is the developer message for status ``value``; it is required
    when ``status_size`` is above 1 and then lists exactly ``2**status_size`` messages.
    """
    _check_purpose(status_purpose)
    if isinstance(status_list_index, bool) or status_list_index < 0:
        raise StatusListError("status.invalid_index", index=status_list_index)
    entry: JsonObject = {
        "id": f"{status_list_credential}#{status_list_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": status_purpose,
        "statusListIndex": str(status_list_index),
        "statusListCredential": status_list_credential,
    }
    if status_size != 1 or status_messages is not None:
        entry["statusSize"] = status_size
        entry["statusMessage"] = _status_message(status_size, status_messages)
    if status_reference is not None:
        entry["statusReference"] = status_reference
    return entry


def xsd_date_time(moment: datetime) -> str:
    """Return ``moment`` as an XML Schema dateTimeStamp in UTC, to the second."""
    if moment.utcoffset() is None:
        raise ValueError("a datetime with a time zone is required")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _status_message(status_size: int, messages: Sequence[str] | None) -> list[JsonValue]:
    if isinstance(status_size, bool) or not 1 <= status_size <= MAX_STATUS_SIZE:
        raise StatusListError(
            "status.invalid_status_size", size=status_size, maximum=MAX_STATUS_SIZE
        )
    count = 1 << status_size
    if messages is None or isinstance(messages, str) or len(messages) != count:
        raise StatusListError("status.messages_required", size=status_size, count=count)
    return [{"status": hex(value), "message": text} for value, text in enumerate(messages)]


def _check_purpose(purpose: str) -> None:
    if purpose not in STATUS_PURPOSES:
        raise StatusListError("status.unknown_purpose", purpose=purpose)
