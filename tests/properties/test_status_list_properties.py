"""Properties of the status list: round trips, independence of entries, hostile input."""

from __future__ import annotations

import base64
import gzip
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meritpass.core.documents import JsonValue
from meritpass.core.errors import StatusListError
from meritpass.core.status.bitstring_status_list import MINIMUM_ENTRIES, BitstringStatusList
from meritpass.core.status.credential import status_list_credential, status_list_entry
from meritpass.core.status.validate import StatusResult, check_status

SIZES = st.sampled_from([1, 2, 8])
INDEXES = st.integers(0, MINIMUM_ENTRIES - 1)
LIST_URL = "https://issuer.example/status/1"
NOW = datetime(2025, 6, 1, tzinfo=UTC)
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def model_bitstring(statuses: dict[int, int], size: int) -> bytes:
    """Build the bitstring one bit at a time, straight from §2.2: index 0 is the left-most bit."""
    bits = bytearray(MINIMUM_ENTRIES * size // 8)
    for index, status in statuses.items():
        for offset in range(size):
            if status >> (size - 1 - offset) & 1:
                position = index * size + offset
                bits[position // 8] |= 0x80 >> (position % 8)
    return bytes(bits)


def filled(statuses: dict[int, int], size: int) -> BitstringStatusList:
    status_list = BitstringStatusList(status_size=size)
    for index, status in statuses.items():
        status_list.set_status(index, status)
    return status_list


@st.composite
def statuses(draw: st.DrawFn, size: int, max_size: int = 40) -> dict[int, int]:
    return draw(st.dictionaries(INDEXES, st.integers(1, (1 << size) - 1), max_size=max_size))


@SLOW
@given(st.data(), SIZES)
def test_encoding_then_decoding_gives_back_every_status(data: st.DataObject, size: int) -> None:
    wanted = data.draw(statuses(size))
    status_list = filled(wanted, size)
    assert status_list.bitstring == model_bitstring(wanted, size)
    decoded = BitstringStatusList.decode(status_list.encode(), status_size=size)
    assert decoded.length == MINIMUM_ENTRIES
    assert decoded.bitstring == status_list.bitstring
    assert {i: decoded.get_status(i) for i in wanted} == wanted


@SLOW
@given(st.data(), SIZES, INDEXES)
def test_setting_one_index_never_changes_another(
    data: st.DataObject, size: int, index: int
) -> None:
    status_list = filled(data.draw(statuses(size)), size)
    status = data.draw(st.integers(0, (1 << size) - 1))
    neighbours = [
        j for j in range(index - 9, index + 10) if j != index and 0 <= j < MINIMUM_ENTRIES
    ]
    before = status_list.bitstring
    around = [status_list.get_status(j) for j in neighbours]
    status_list.set_status(index, status)
    after = status_list.bitstring
    first, last = index * size // 8, (index * size + size - 1) // 8 + 1
    assert status_list.get_status(index) == status
    assert [status_list.get_status(j) for j in neighbours] == around
    assert (after[:first], after[last:]) == (before[:first], before[last:])


def multibase(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@st.composite
def damaged_gzip(draw: st.DrawFn) -> str:
    data = bytearray(gzip.compress(bytes(draw(st.binary(max_size=64))) * draw(st.integers(1, 400))))
    for _ in range(draw(st.integers(1, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return multibase(bytes(data[: draw(st.integers(0, len(data)))]))


ENCODED_LISTS = st.one_of(
    st.text(),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").map(
        "u".__add__
    ),
    st.binary().map(multibase),
    st.binary().map(lambda tail: multibase(b"\x1f\x8b\x08" + tail)),
    damaged_gzip(),
    st.none() | st.integers() | st.lists(st.integers()),
)


@given(ENCODED_LISTS, st.integers(1, 16), st.integers(0, 20_000), st.integers(0, 200_000))
def test_hostile_encoded_lists_raise_only_status_list_errors(
    encoded: object, size: int, max_bytes: int, minimum: int
) -> None:
    outcome: BitstringStatusList | StatusListError
    try:
        outcome = BitstringStatusList.decode(
            encoded, status_size=size, max_bytes=max_bytes, minimum_entries=minimum
        )
    except StatusListError as error:
        outcome = error
    if isinstance(outcome, StatusListError):
        assert outcome.code.startswith("status.")
    else:
        assert minimum <= outcome.length <= max_bytes * 8 // size


JSON: st.SearchStrategy[JsonValue] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
HOSTILE: st.SearchStrategy[JsonValue] = JSON | st.sampled_from(
    ["", "0", "23", "-1", "1e3", "0x1", "revocation", "message", LIST_URL, "u", "uH4sI", 2**70]
)
GOOD_ENTRY = status_list_entry(
    status_list_credential=LIST_URL, status_list_index=23, status_purpose="revocation"
)
GOOD_LIST = status_list_credential(
    credential_id=LIST_URL,
    issuer="did:web:issuer.example",
    status_purpose="revocation",
    status_list=filled({23: 1}, 1),
)


def spoiled(good: dict[str, JsonValue]) -> st.SearchStrategy[JsonValue]:
    """Return the good document with some members replaced by hostile values or removed."""
    names = st.sampled_from(sorted(good))
    changes = st.dictionaries(names | st.text(max_size=8), HOSTILE | st.just(None), max_size=3)
    return changes.map(lambda change: {k: v for k, v in (good | change).items() if v is not None})


@st.composite
def spoiled_list(draw: st.DrawFn) -> JsonValue:
    document = draw(spoiled(GOOD_LIST))
    if isinstance(document, dict) and draw(st.booleans()):
        document["credentialSubject"] = draw(spoiled(GOOD_LIST["credentialSubject"]))  # type: ignore[arg-type]
    return document


@settings(max_examples=300)
@given(
    st.one_of(HOSTILE, spoiled(GOOD_ENTRY), st.lists(spoiled(GOOD_ENTRY) | HOSTILE, max_size=5)),
    st.one_of(spoiled_list(), HOSTILE),
)
def test_hostile_status_entries_and_lists_never_raise(status: JsonValue, listed: JsonValue) -> None:
    results = check_status(status, get_status_list_credential=lambda url: listed, now=NOW)
    assert all(isinstance(result, StatusResult) for result in results)
    for result in results:
        assert result.text("sv") != result.code
        assert result.checked == (result.status is not None)
