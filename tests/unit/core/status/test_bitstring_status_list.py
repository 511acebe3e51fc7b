"""The bitstring: layout, statuses, encoding, and refusing hostile encoded lists."""

from __future__ import annotations

import base64
import gzip
import tracemalloc
import zlib

import pytest

from meritpass.core.errors import StatusListError
from meritpass.core.status.bitstring_status_list import (
    DEFAULT_MAX_BITSTRING_BYTES,
    MAX_STATUS_SIZE,
    MINIMUM_ENTRIES,
    BitstringStatusList,
    compress_bitstring,
    expand_bitstring,
)


def multibase(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def error_code(encoded: object, **options: int) -> str:
    with pytest.raises(StatusListError) as caught:
        BitstringStatusList.decode(encoded, **options)
    return caught.value.code


# Creating a list


def test_a_new_list_has_the_minimum_length_and_all_statuses_zero() -> None:
    status_list = BitstringStatusList()
    assert status_list.length == MINIMUM_ENTRIES == 131_072
    assert status_list.status_size == 1
    assert status_list.bitstring == bytes(16_384)


def test_a_list_may_be_longer_than_the_minimum() -> None:
    status_list = BitstringStatusList(MINIMUM_ENTRIES * 2)
    assert len(status_list.bitstring) == 32_768
    status_list.set_status(MINIMUM_ENTRIES * 2 - 1, 1)
    assert status_list.get_status(MINIMUM_ENTRIES * 2 - 1) == 1


def test_a_list_shorter_than_the_minimum_is_refused() -> None:
    with pytest.raises(StatusListError) as caught:
        BitstringStatusList(MINIMUM_ENTRIES - 8)
    assert caught.value.code == "status.list_too_short"
    assert caught.value.params == {"entries": MINIMUM_ENTRIES - 8, "minimum": MINIMUM_ENTRIES}


def test_a_wider_status_keeps_the_number_of_entries() -> None:
    status_list = BitstringStatusList(status_size=2)
    assert status_list.length == MINIMUM_ENTRIES
    assert len(status_list.bitstring) == 32_768


def test_a_length_that_does_not_fill_whole_bytes_is_refused() -> None:
    with pytest.raises(StatusListError) as caught:
        BitstringStatusList(MINIMUM_ENTRIES + 1)
    assert caught.value.code == "status.unaligned_length"


@pytest.mark.parametrize("size", [0, -1, MAX_STATUS_SIZE + 1, True])
def test_a_status_size_outside_the_supported_range_is_refused(size: int) -> None:
    with pytest.raises(StatusListError) as caught:
        BitstringStatusList(status_size=size)
    assert caught.value.code == "status.invalid_status_size"


# Bit order: index 0 is the most significant bit of the first byte (§2.2, §7.1)


@pytest.mark.parametrize(
    ("index", "byte", "value"),
    [(0, 0, 0x80), (1, 0, 0x40), (7, 0, 0x01), (8, 1, 0x80), (23, 2, 0x01), (131_071, 16_383, 1)],
)
def test_index_zero_is_the_left_most_bit(index: int, byte: int, value: int) -> None:
    status_list = BitstringStatusList()
    status_list.set_status(index, 1)
    expected = bytearray(16_384)
    expected[byte] = value
    assert status_list.bitstring == bytes(expected)


def test_a_two_bit_status_is_read_most_significant_bit_first() -> None:
    status_list = BitstringStatusList(status_size=2)
    status_list.set_status(0, 0b10)
    status_list.set_status(3, 0b01)
    assert status_list.bitstring[0] == 0b10_00_00_01
    assert [status_list.get_status(i) for i in range(5)] == [2, 0, 0, 1, 0]


def test_a_status_may_straddle_two_bytes() -> None:
    status_list = BitstringStatusList(status_size=3)
    status_list.set_status(2, 0b101)  # bits 6, 7 and 8
    assert status_list.bitstring[:2] == bytes([0b0000_0010, 0b1000_0000])
    assert status_list.get_status(2) == 0b101
    assert status_list.get_status(1) == 0
    assert status_list.get_status(3) == 0


def test_setting_a_status_back_to_zero_clears_only_its_bits() -> None:
    status_list = BitstringStatusList(status_size=8)
    status_list.set_status(4, 0xFF)
    status_list.set_status(5, 0x7E)
    status_list.set_status(4, 0)
    assert status_list.get_status(4) == 0
    assert status_list.get_status(5) == 0x7E


@pytest.mark.parametrize("index", [-1, MINIMUM_ENTRIES, 10**30])
def test_an_index_outside_the_list_is_refused(index: int) -> None:
    status_list = BitstringStatusList()
    for action in (lambda: status_list.get_status(index), lambda: status_list.set_status(index, 1)):
        with pytest.raises(StatusListError) as caught:
            action()
        assert caught.value.code == "status.index_out_of_range"
        assert caught.value.params == {"index": index, "length": MINIMUM_ENTRIES}


@pytest.mark.parametrize(("size", "status"), [(1, 2), (2, 4), (1, -1), (8, 256)])
def test_a_status_that_does_not_fit_is_refused(size: int, status: int) -> None:
    with pytest.raises(StatusListError) as caught:
        BitstringStatusList(status_size=size).set_status(0, status)
    assert caught.value.code == "status.invalid_status"


# Encoding (§3.3) and decoding (§3.4)


def test_encoding_is_multibase_base64url_of_gzip_without_padding() -> None:
    status_list = BitstringStatusList()
    status_list.set_status(5, 1)
    encoded = status_list.encode()
    assert encoded.startswith("uH4sI")  # "u", then the GZIP magic 1f 8b 08
    assert "=" not in encoded
    assert "+" not in encoded
    assert "/" not in encoded
    compressed = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert gzip.decompress(compressed) == status_list.bitstring


def test_encoding_the_same_list_twice_gives_the_same_text() -> None:
    assert BitstringStatusList().encode() == BitstringStatusList().encode()


def test_decoding_gives_back_every_status() -> None:
    status_list = BitstringStatusList(status_size=2)
    for index, status in [(0, 3), (17, 1), (131_071, 2)]:
        status_list.set_status(index, status)
    decoded = BitstringStatusList.decode(status_list.encode(), status_size=2)
    assert decoded.length == MINIMUM_ENTRIES
    assert decoded.bitstring == status_list.bitstring
    assert [decoded.get_status(i) for i in (0, 1, 17, 131_071)] == [3, 0, 1, 2]


def test_the_decoded_length_follows_the_status_size() -> None:
    encoded = BitstringStatusList(MINIMUM_ENTRIES * 2).encode()
    assert BitstringStatusList.decode(encoded, status_size=2).length == MINIMUM_ENTRIES


def test_a_decoded_list_shorter_than_the_minimum_is_refused() -> None:
    short = compress_bitstring(bytes(16_383))
    assert error_code(short) == "status.list_too_short"
    assert BitstringStatusList.decode(short, minimum_entries=8).length == 131_064


def test_a_two_bit_list_needs_twice_the_bytes() -> None:
    assert error_code(BitstringStatusList().encode(), status_size=2) == "status.list_too_short"


def test_compress_and_expand_are_inverse() -> None:
    assert expand_bitstring(compress_bitstring(b"\x01\x02\x03")) == b"\x01\x02\x03"


# Hostile encoded lists


@pytest.mark.parametrize("value", [None, 42, b"uH4sI", "", "zH4sIAAAA", "H4sIAAAA", "mH4sIAAAA"])
def test_a_value_without_the_base64url_multibase_prefix_is_refused(value: object) -> None:
    assert error_code(value) == "status.not_multibase"


@pytest.mark.parametrize("value", ["uH4sI+AAA", "uH4sI/AAA", "uH4sIAA==", "uH4sI AAA", "uA", "uäö"])
def test_text_that_is_not_unpadded_base64url_is_refused(value: str) -> None:
    assert error_code(value) == "status.bad_base64"


def test_data_that_is_not_gzip_is_refused() -> None:
    assert error_code(multibase(b"plain text, not compressed")) == "status.not_gzip"
    assert error_code(multibase(zlib.compress(bytes(16_384)))) == "status.not_gzip"


def test_a_damaged_checksum_is_refused() -> None:
    data = bytearray(gzip.compress(bytes(16_384)))
    data[-8] ^= 0xFF  # CRC-32 in the trailer
    assert error_code(multibase(bytes(data))) == "status.not_gzip"


def test_data_after_the_gzip_stream_is_refused() -> None:
    assert error_code(multibase(gzip.compress(bytes(16_384)) + b"extra")) == "status.not_gzip"


@pytest.mark.parametrize("keep", [0, 3, 10, 20, -4, -1])
def test_a_truncated_stream_is_refused(keep: int) -> None:
    data = gzip.compress(bytes(range(256)) * 64)
    assert error_code(multibase(data[:keep])) == "status.truncated"


def test_a_decompression_bomb_is_refused_without_expanding_it() -> None:
    bomb = multibase(gzip.compress(bytes(64 * 1024 * 1024), compresslevel=9))
    tracemalloc.start()
    try:
        code = error_code(bomb, max_bytes=1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == "status.too_large"
    assert peak < 3 * 1024 * 1024


def test_the_size_bound_is_inclusive() -> None:
    encoded = compress_bitstring(bytes(20_000))
    assert len(BitstringStatusList.decode(encoded, max_bytes=20_000).bitstring) == 20_000
    assert error_code(encoded, max_bytes=19_999) == "status.too_large"


def test_an_encoded_list_too_long_to_fit_the_bound_is_refused_before_decoding() -> None:
    assert error_code("u" + "A" * 40_000, max_bytes=16_384) == "status.too_large"


def test_the_default_bound_is_a_few_megabytes() -> None:
    assert 1024 * 1024 <= DEFAULT_MAX_BITSTRING_BYTES <= 8 * 1024 * 1024
