"""Check a credential's status entries against their status lists (§3.2 Validate Algorithm).

The caller fetches each status list credential and verifies its proofs before handing it in.
Nothing the credential or the list contains makes :func:`check_status` raise: every entry gets a
:class:`StatusResult`, failed ones with a code whose texts are in ``status/messages.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, TypeVar

from meritpass.core.errors import MeritpassError, StatusListError
from meritpass.core.messages import render
from meritpass.core.status.bitstring_status_list import (
    DEFAULT_MAX_BITSTRING_BYTES,
    MINIMUM_ENTRIES,
    BitstringStatusList,
)
from meritpass.core.status.entry import (
    StatusListEntry,
    has_type,
    parse_date_time,
    parse_entry,
)

__all__ = ["SPEC_ERRORS", "StatusListCredentialSource", "StatusResult", "check_status"]

#: Called with a ``statusListCredential`` URL; returns that credential, already proof-verified,
#: or ``None`` (or raises a :class:`MeritpassError`) when it cannot be obtained or verified.
StatusListCredentialSource = Callable[[str], object]

#: The spec's error names, for ``type`` URLs in RFC 9457 problem details: the STATUS_* ones of §3.5
#: in ``https://www.w3.org/ns/credentials/status-list#``, the others of VC 2.0 §7.1. Codes that
#: are Meritpass's own bounds (``status.too_large``, ``status.too_many_entries``) have none.
SPEC_ERRORS: Final[Mapping[str, str]] = {
    "status.malformed_entry": "MALFORMED_VALUE_ERROR",
    "status.malformed_list": "MALFORMED_VALUE_ERROR",
    "status.list_not_object": "MALFORMED_VALUE_ERROR",
    "status.not_multibase": "MALFORMED_VALUE_ERROR",
    "status.bad_base64": "MALFORMED_VALUE_ERROR",
    "status.not_gzip": "MALFORMED_VALUE_ERROR",
    "status.truncated": "MALFORMED_VALUE_ERROR",
    "status.list_unavailable": "STATUS_RETRIEVAL_ERROR",
    "status.purpose_mismatch": "STATUS_VERIFICATION_ERROR",
    "status.list_id_mismatch": "STATUS_VERIFICATION_ERROR",
    "status.list_not_yet_valid": "STATUS_VERIFICATION_ERROR",
    "status.list_expired": "STATUS_VERIFICATION_ERROR",
    "status.list_too_short": "STATUS_LIST_LENGTH_ERROR",
    "status.index_out_of_range": "RANGE_ERROR",
}

_OUTCOMES: Final[Mapping[str, tuple[str, str]]] = {
    "revocation": ("status.not_revoked", "status.revoked"),
    "suspension": ("status.not_suspended", "status.suspended"),
    "refresh": ("status.no_refresh", "status.refresh"),
    "message": ("status.message", "status.message"),
}

_K = TypeVar("_K", bound=Hashable)
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class StatusResult:
    """The outcome for one status entry: its status, or why it could not be read."""

    code: str
    purpose: str | None = None
    index: int | None = None
    status: int | None = None
    #: The entry's ``statusMessage`` text for ``status`` (for developers, not end users).
    message: str | None = None
    status_list_credential: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def checked(self) -> bool:
        """Return whether the status was read from its list."""
        return self.status is not None

    @property
    def valid(self) -> bool:
        """Return whether the status was read and is 0 (§3.2 step 13)."""
        return self.status == 0

    def text(self, language: str = "en") -> str:
        """Return the explanation in ``language`` (``"sv"`` or ``"en"``)."""
        return render(self.code, language, self.params)


def check_status(
    credential_status: object,
    *,
    get_status_list_credential: StatusListCredentialSource,
    now: datetime,
    max_bitstring_bytes: int = DEFAULT_MAX_BITSTRING_BYTES,
    minimum_entries: int = MINIMUM_ENTRIES,
    max_entries: int = 16,
    strict_index: bool = False,
    require_list_id: bool = True,
) -> tuple[StatusResult, ...]:
    """Return one result per entry of a credential's ``credentialStatus`` (object or array).

    ``strict_index`` refuses a JSON number as ``statusListIndex``; by default one is accepted,
    as in the 1EdTech Open Badges 3.0 validator and its fixtures, though §2.1 asks for a string.

    Security: ``require_list_id`` (the default) accepts a list credential only if its ``id`` is
    the ``statusListCredential`` URL (§2.2 lets it be omitted). Without it, a holder who staples
    the list, or a cache, could substitute another list signed by the same issuer.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be a datetime with a time zone")
    if credential_status is None:
        return ()
    values = credential_status if isinstance(credential_status, list) else [credential_status]
    if len(values) > max_entries:
        return (StatusResult("status.too_many_entries", params={"limit": max_entries}),)
    lists = _StatusLists(
        get_status_list_credential,
        now,
        max_bitstring_bytes,
        minimum_entries=minimum_entries,
        require_list_id=require_list_id,
    )
    return tuple(_check_entry(value, lists, strict_index=strict_index) for value in values)


def _check_entry(value: object, lists: _StatusLists, *, strict_index: bool) -> StatusResult:
    entry: StatusListEntry | None = None
    try:
        entry = parse_entry(value, strict_index=strict_index)
        status = lists.lookup(entry).get_status(entry.index)
    except StatusListError as error:
        return _failure(error, entry)
    return StatusResult(
        _OUTCOMES.get(entry.status_purpose, ("status.unset", "status.set"))[status != 0],
        purpose=entry.status_purpose,
        index=entry.index,
        status=status,
        message=entry.message_for(status),
        status_list_credential=entry.status_list_credential,
        params={"purpose": entry.status_purpose, "index": entry.index, "status": hex(status)},
    )


def _failure(error: StatusListError, entry: StatusListEntry | None) -> StatusResult:
    if entry is None:
        return StatusResult(error.code, params=error.params)
    return StatusResult(
        error.code,
        purpose=entry.status_purpose,
        index=entry.index,
        status_list_credential=entry.status_list_credential,
        params={"purpose": entry.status_purpose, "index": entry.index, **error.params},
    )


class _StatusLists:
    """The status lists of one check, each fetched and decoded once."""

    def __init__(
        self,
        source: StatusListCredentialSource,
        now: datetime,
        max_bytes: int,
        *,
        minimum_entries: int,
        require_list_id: bool,
    ) -> None:
        self._source = source
        self._require_list_id = require_list_id
        self._now = now
        self._max_bytes = max_bytes
        self._minimum_entries = minimum_entries
        self._subjects: dict[str, Mapping[str, object] | StatusListError] = {}
        self._lists: dict[tuple[str, int], BitstringStatusList | StatusListError] = {}

    def lookup(self, entry: StatusListEntry) -> BitstringStatusList:
        """Return the list ``entry`` points at, after the checks of §3.2 steps 4 to 9."""
        url = entry.status_list_credential
        subject = _once(self._subjects, url, lambda: self._subject(url))
        if entry.status_purpose not in _purposes(subject):
            raise StatusListError("status.purpose_mismatch", url=url)
        return _once(
            self._lists,
            (url, entry.status_size),
            lambda: BitstringStatusList.decode(
                subject.get("encodedList"),
                status_size=entry.status_size,
                max_bytes=self._max_bytes,
                minimum_entries=self._minimum_entries,
            ),
        )

    def _subject(self, url: str) -> Mapping[str, object]:
        try:
            credential = self._source(url)
        except MeritpassError as error:
            raise StatusListError("status.list_unavailable", url=url, cause=error.code) from None
        if credential is None:
            raise StatusListError("status.list_unavailable", url=url)
        if not isinstance(credential, Mapping):
            raise StatusListError("status.list_not_object", url=url)
        _check_list_credential(credential, url, self._now, require_id=self._require_list_id)
        return _list_subject(credential, url)


def _check_list_credential(
    credential: Mapping[str, object], url: str, now: datetime, *, require_id: bool
) -> None:
    if not has_type(credential.get("type"), "BitstringStatusListCredential"):
        raise StatusListError("status.malformed_list", url=url, property="type")
    found = credential.get("id")
    if require_id and found != url:
        shown = found if isinstance(found, str) else "—"
        raise StatusListError("status.list_id_mismatch", url=url, id=shown)
    valid_from = _moment(credential, url, "validFrom", "issuanceDate")
    valid_until = _moment(credential, url, "validUntil", "expirationDate")
    if valid_from is not None and now < valid_from:
        raise StatusListError(
            "status.list_not_yet_valid", url=url, valid_from=valid_from.isoformat()
        )
    if valid_until is not None and now > valid_until:
        raise StatusListError("status.list_expired", url=url, valid_until=valid_until.isoformat())


def _moment(credential: Mapping[str, object], url: str, *names: str) -> datetime | None:
    """Return the first of ``names`` present (VC 2.0 name, then VC 1.1), parsed."""
    for name in names:
        if name in credential:
            moment = parse_date_time(credential[name])
            if moment is None:
                raise StatusListError("status.malformed_list", url=url, property=name)
            return moment
    return None


def _list_subject(credential: Mapping[str, object], url: str) -> Mapping[str, object]:
    subject = credential.get("credentialSubject")
    if isinstance(subject, list) and len(subject) == 1:
        subject = subject[0]
    if not isinstance(subject, Mapping) or not has_type(subject.get("type"), "BitstringStatusList"):
        raise StatusListError("status.malformed_list", url=url, property="credentialSubject")
    if not _purposes(subject):
        raise StatusListError(
            "status.malformed_list", url=url, property="credentialSubject.statusPurpose"
        )
    return subject


def _purposes(subject: Mapping[str, object]) -> frozenset[str]:
    """Return the list's purposes (one string or an array of strings), or none if malformed."""
    value = subject.get("statusPurpose")
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(purpose, str) and purpose for purpose in values):
        return frozenset()
    return frozenset(str(purpose) for purpose in values)


def _once(cache: dict[_K, _T | StatusListError], key: _K, compute: Callable[[], _T]) -> _T:
    """Return ``compute()``, computed once per key; a refusal is remembered and raised again."""
    if key not in cache:
        try:
            cache[key] = compute()
        except StatusListError as error:
            cache[key] = error
    found = cache[key]
    if isinstance(found, StatusListError):
        raise found
    return found
