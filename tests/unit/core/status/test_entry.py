"""Reading an untrusted BitstringStatusListEntry (§2.1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import StatusListError
from meritpass.core.status.entry import (
    StatusListEntry,
    is_absolute_url,
    parse_date_time,
    parse_entry,
)

LIST_URL = "https://issuer.example/status/3"


def entry(**changes: JsonValue) -> JsonObject:
    value: JsonObject = {
        "id": LIST_URL + "#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": LIST_URL,
    }
    value.update(changes)
    return value


def without(name: str) -> JsonObject:
    value = entry()
    del value[name]
    return value


def refusal(value: object, *, strict_index: bool = False) -> tuple[str, dict[str, object]]:
    with pytest.raises(StatusListError) as caught:
        parse_entry(value, strict_index=strict_index)
    return caught.value.code, dict(caught.value.params)


def test_a_spec_entry_is_read() -> None:
    assert parse_entry(entry()) == StatusListEntry(
        status_purpose="revocation", index=94567, status_list_credential=LIST_URL
    )


def test_the_type_may_be_an_array_and_the_id_may_be_left_out() -> None:
    parsed = parse_entry(without("id") | {"type": ["BitstringStatusListEntry"]})
    assert parsed.index == 94567


@pytest.mark.parametrize("value", [None, "entry", 3, ["not", "an", "object"]])
def test_an_entry_that_is_not_an_object_is_malformed(value: object) -> None:
    assert refusal(value) == ("status.malformed_entry", {"property": "credentialStatus"})


@pytest.mark.parametrize(
    ("kind", "shown"),
    [("StatusList2021Entry", "StatusList2021Entry"), (None, "—"), (["X"], "—")],
)
def test_another_status_type_is_unsupported(kind: JsonValue, shown: str) -> None:
    assert refusal(entry(type=kind)) == ("status.unsupported_type", {"type": shown})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("statusPurpose", None),
        ("statusPurpose", ""),
        ("statusPurpose", ["revocation"]),
        ("statusListIndex", None),
        ("statusListIndex", "-1"),
        ("statusListIndex", "+1"),
        ("statusListIndex", " 1"),
        ("statusListIndex", "1.0"),
        ("statusListIndex", "0x17"),
        ("statusListIndex", "١٢"),  # Arabic-Indic digits are not base 10 ASCII
        ("statusListIndex", "9" * 101),
        ("statusListIndex", -1),
        ("statusListIndex", 1.0),
        ("statusListIndex", True),
        ("statusListCredential", None),
        ("statusListCredential", "status/3"),
        ("statusListCredential", "https://"),
        ("statusListCredential", "https://issuer.example/a b"),
        ("statusListCredential", "http://[::1"),
        ("statusListCredential", 7),
        ("id", LIST_URL),
        ("id", 5),
        ("statusSize", 0),
        ("statusSize", "1"),
        ("statusSize", 1.5),
        ("statusSize", True),
        ("statusSize", 17),
    ],
)
def test_a_faulty_property_is_named(name: str, value: JsonValue) -> None:
    assert refusal(entry(**{name: value})) == ("status.malformed_entry", {"property": name})


@pytest.mark.parametrize("name", ["statusPurpose", "statusListIndex", "statusListCredential"])
def test_a_required_property_cannot_be_left_out(name: str) -> None:
    assert refusal(without(name)) == ("status.malformed_entry", {"property": name})


def test_an_index_may_have_any_number_of_digits_up_to_a_hundred() -> None:
    assert parse_entry(entry(statusListIndex="0" * 99 + "7")).index == 7
    assert parse_entry(entry(statusListIndex="9" * 100)).index == int("9" * 100)


def test_a_json_number_index_is_accepted_unless_strict() -> None:
    assert parse_entry(entry(statusListIndex=23)).index == 23
    assert refusal(entry(statusListIndex=23), strict_index=True)[0] == "status.malformed_entry"


MESSAGES: list[JsonValue] = [
    {"status": "0x2", "message": "rejected"},
    {"status": "0x0", "message": "pending_review"},
    {"status": "0x3", "message": "undefined"},
    {"status": "0x1", "message": "accepted", "extra": "allowed"},
]


def test_status_messages_are_ordered_by_value() -> None:
    parsed = parse_entry(entry(statusPurpose="message", statusSize=2, statusMessage=MESSAGES))
    assert parsed.status_messages == ("pending_review", "accepted", "rejected", "undefined")
    assert parsed.message_for(2) == "rejected"


def test_a_wider_entry_without_messages_is_malformed() -> None:
    assert refusal(entry(statusSize=2))[1] == {"property": "statusMessage"}


@pytest.mark.parametrize(
    "messages",
    [
        MESSAGES[:3],
        [*MESSAGES, {"status": "0x4", "message": "more"}],
        [*MESSAGES[:3], {"status": "0x2", "message": "twice"}],
        [*MESSAGES[:3], {"status": "0x4", "message": "too big"}],
        [*MESSAGES[:3], {"status": "1", "message": "no 0x"}],
        [*MESSAGES[:3], {"status": "0X1", "message": "upper-case X"}],
        [*MESSAGES[:3], {"status": "0x1"}],
        [*MESSAGES[:3], {"status": 1, "message": "number"}],  # type: ignore[list-item]
        [*MESSAGES[:3], "0x1"],
        {"0x0": "not an array"},
    ],
)
def test_faulty_status_messages_are_malformed(messages: JsonValue) -> None:
    value = entry(statusPurpose="message", statusSize=2, statusMessage=messages)
    assert refusal(value) == ("status.malformed_entry", {"property": "statusMessage"})


def test_a_one_bit_entry_without_messages_reads_set_and_unset() -> None:
    parsed = parse_entry(entry())
    assert (parsed.message_for(0), parsed.message_for(1)) == ("unset", "set")


@pytest.mark.parametrize(
    "url", ["https://issuer.example/status/3", "did:web:issuer.example:status:3", "urn:uuid:1"]
)
def test_absolute_urls_are_accepted(url: str) -> None:
    assert is_absolute_url(url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-04-05T14:27:40Z", datetime(2021, 4, 5, 14, 27, 40, tzinfo=UTC)),
        (
            "2021-04-05T14:27:40.5+02:00",
            datetime(2021, 4, 5, 14, 27, 40, 500_000, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2021-04-05T14:27:40.1234567890Z", datetime(2021, 4, 5, 14, 27, 40, 123_456, tzinfo=UTC)),
        ("2021-04-05T14:27:40-14:00", datetime(2021, 4, 6, 4, 27, 40, tzinfo=UTC)),
    ],
)
def test_date_time_stamps_are_read(text: str, expected: datetime) -> None:
    assert parse_date_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2021-04-05T14:27:40",  # no time zone
        "2021-04-05T14:27:40+14:01",
        "2021-04-05T14:27:40+01:75",
        "2021-04-05",
        "2021-02-30T00:00:00Z",
        "2021-04-05T24:00:00Z",
        "2021-04-05 14:27:40Z",
        "20210405T142740Z",
        1617632860,
        None,
    ],
)
def test_anything_else_is_not_a_date_time_stamp(text: object) -> None:
    assert parse_date_time(text) is None
