"""XML Schema dateTimeStamp parsing and formatting for created and expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from meritpass.core.errors import InputError, ProofError
from meritpass.core.proofs.datetimes import format_datetime_stamp, parse_datetime_stamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-02-24T23:36:38Z", datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC)),
        ("2023-02-24T23:36:38.5Z", datetime(2023, 2, 24, 23, 36, 38, 500000, tzinfo=UTC)),
        ("2023-02-24T23:36:38.123456789Z", datetime(2023, 2, 24, 23, 36, 38, 123456, tzinfo=UTC)),
        (
            "2023-02-25T01:36:38+02:00",
            datetime(2023, 2, 25, 1, 36, 38, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2023-02-24T13:36:38-10:00", datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC)),
    ],
)
def test_date_time_stamps_parse(text: str, expected: datetime) -> None:
    assert parse_datetime_stamp(text, name="created") == expected


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-24T23:36:38",  # no time zone: a dateTime, not a dateTimeStamp
        "2023-02-24",
        "20230224T233638Z",  # ISO 8601 basic format
        "2023-02-24 23:36:38Z",
        "2023-02-30T00:00:00Z",
        "2023-02-24T24:00:00Z",
        "2023-02-24T23:36:38+15:00",
        "2023-02-24T23:36:38+01:60",
        "2023-02-24T23:36:38z",
        "\uff11\uff12\uff13\uff14-02-24T23:36:38Z",  # FULLWIDTH digits
        "",
        1677281798,
        None,
    ],
)
def test_other_values_are_refused(value: object) -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime_stamp(value, name="expires")
    assert caught.value.code == "proof.invalid_datetime"
    assert caught.value.params["property"] == "expires"


def test_formatting_is_utc_with_z() -> None:
    moment = datetime(2023, 2, 25, 1, 36, 38, tzinfo=timezone(timedelta(hours=2)))
    assert format_datetime_stamp(moment, name="created") == "2023-02-24T23:36:38Z"
    with_fraction = datetime(2023, 2, 24, 23, 36, 38, 120000, tzinfo=UTC)
    assert format_datetime_stamp(with_fraction, name="created") == "2023-02-24T23:36:38.12Z"


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ProofError) as caught:
        format_datetime_stamp(datetime(2023, 2, 24), name="created")
    assert caught.value.code == "proof.naive_datetime"
