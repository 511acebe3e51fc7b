"""Building the unsigned status list credential and the entries that point into it (§2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from meritpass.core.errors import StatusListError
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.status.credential import (
    status_list_credential,
    status_list_entry,
    xsd_date_time,
)
from meritpass.core.status.entry import parse_entry

LIST_URL = "https://issuer.example/status/1"


def test_the_credential_has_the_shape_of_the_spec_example() -> None:
    status_list = BitstringStatusList()
    status_list.set_status(23, 1)
    credential = status_list_credential(
        credential_id=LIST_URL,
        issuer="did:web:issuer.example",
        status_purpose="revocation",
        status_list=status_list,
        valid_from=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    assert credential == {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:web:issuer.example",
        "validFrom": "2025-01-02T03:04:05Z",
        "credentialSubject": {
            "id": LIST_URL + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": status_list.encode(),
        },
    }


def test_the_optional_members_are_added_when_given() -> None:
    credential = status_list_credential(
        credential_id=LIST_URL,
        issuer={"id": "did:web:issuer.example", "name": "Skolan"},
        status_purpose=["revocation", "suspension"],
        status_list=BitstringStatusList(),
        valid_from=datetime(2025, 1, 1, tzinfo=UTC),
        valid_until=datetime(2025, 1, 2, 1, 30, tzinfo=timezone(timedelta(hours=2))),
        ttl=300_000,
    )
    assert credential["issuer"] == {"id": "did:web:issuer.example", "name": "Skolan"}
    assert credential["validUntil"] == "2025-01-01T23:30:00Z"
    subject = credential["credentialSubject"]
    assert isinstance(subject, dict)
    assert subject["statusPurpose"] == ["revocation", "suspension"]
    assert subject["ttl"] == 300_000


@pytest.mark.parametrize("purpose", ["revoked", "", "Revocation"])
def test_an_unknown_purpose_is_refused(purpose: str) -> None:
    with pytest.raises(StatusListError) as caught:
        status_list_credential(
            credential_id=LIST_URL,
            issuer="did:web:issuer.example",
            status_purpose=purpose,
            status_list=BitstringStatusList(),
        )
    assert caught.value.code == "status.unknown_purpose"


def test_an_empty_list_of_purposes_is_refused() -> None:
    with pytest.raises(StatusListError):
        status_list_credential(
            credential_id=LIST_URL,
            issuer="did:x:y",
            status_purpose=[],
            status_list=BitstringStatusList(),
        )


@pytest.mark.parametrize("ttl", [0, -5, True])
def test_a_ttl_that_is_not_a_positive_integer_is_refused(ttl: int) -> None:
    with pytest.raises(StatusListError) as caught:
        status_list_credential(
            credential_id=LIST_URL,
            issuer="did:x:y",
            status_purpose="suspension",
            status_list=BitstringStatusList(),
            ttl=ttl,
        )
    assert caught.value.code == "status.invalid_ttl"


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        xsd_date_time(datetime(2025, 1, 1))


def test_an_entry_has_the_shape_of_the_spec_example() -> None:
    entry = status_list_entry(
        status_list_credential=LIST_URL, status_list_index=94567, status_purpose="revocation"
    )
    assert entry == {
        "id": LIST_URL + "#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": LIST_URL,
    }


def test_a_wider_entry_carries_its_size_and_a_message_per_value() -> None:
    entry = status_list_entry(
        status_list_credential=LIST_URL,
        status_list_index=7,
        status_purpose="message",
        status_size=2,
        status_messages=["pending_review", "accepted", "rejected", "undefined"],
        status_reference="https://issuer.example/status-dictionary/",
    )
    assert entry["statusSize"] == 2
    assert entry["statusMessage"] == [
        {"status": "0x0", "message": "pending_review"},
        {"status": "0x1", "message": "accepted"},
        {"status": "0x2", "message": "rejected"},
        {"status": "0x3", "message": "undefined"},
    ]
    assert entry["statusReference"] == "https://issuer.example/status-dictionary/"


@pytest.mark.parametrize("messages", [None, ["a", "b", "c"], ["a"] * 5, "abcd"])
def test_a_wider_entry_needs_exactly_one_message_per_value(messages: list[str] | None) -> None:
    with pytest.raises(StatusListError) as caught:
        status_list_entry(
            status_list_credential=LIST_URL,
            status_list_index=7,
            status_purpose="message",
            status_size=2,
            status_messages=messages,
        )
    assert caught.value.code == "status.messages_required"


@pytest.mark.parametrize("size", [0, 17])
def test_an_entry_with_an_unsupported_size_is_refused(size: int) -> None:
    with pytest.raises(StatusListError) as caught:
        status_list_entry(
            status_list_credential=LIST_URL,
            status_list_index=7,
            status_purpose="message",
            status_size=size,
            status_messages=[],
        )
    assert caught.value.code == "status.invalid_status_size"


def test_a_negative_index_is_refused() -> None:
    with pytest.raises(StatusListError) as caught:
        status_list_entry(
            status_list_credential=LIST_URL, status_list_index=-1, status_purpose="revocation"
        )
    assert caught.value.code == "status.invalid_index"


def test_the_entries_built_are_read_back_by_the_checker() -> None:
    entry = parse_entry(
        status_list_entry(
            status_list_credential=LIST_URL,
            status_list_index=12,
            status_purpose="message",
            status_size=1,
            status_messages=["ok", "on hold"],
        ),
        strict_index=True,
    )
    assert (entry.index, entry.status_size, entry.status_messages) == (12, 1, ("ok", "on hold"))
