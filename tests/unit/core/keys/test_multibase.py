"""Multibase: base58btc and base64url, strict decoding."""

from __future__ import annotations

import base58
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meritpass.core.errors import InputError
from meritpass.core.keys import multibase


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"", "z"),
        (b"\x00", "z1"),
        (b"\x00\x00\x01", "z112"),
        (b"hello world", "zStV1DL6CwTryKyV"),
        (bytes(range(6)), "z17bWpTW"),
    ],
)
def test_base58btc_round_trips_with_leading_zeros(data: bytes, text: str) -> None:
    assert multibase.encode(data) == text
    if data:
        assert multibase.decode(text) == data


def test_base64url_has_no_padding_and_round_trips() -> None:
    assert multibase.encode(b"\xfb\xff", base="u") == "u-_8"
    assert multibase.decode("u-_8") == b"\xfb\xff"


@pytest.mark.parametrize(
    "text",
    [
        "z",  # empty body
        "z0OIl",  # characters outside the base58 alphabet
        "z 2",
        "u-_8=",  # padding is not multibase base64url
        "u-_9",  # stray bits: not the canonical encoding of any bytes
        "uA",  # a length no byte string has
        "u+/8",  # standard base64, not base64url
        "z" + "2" * (multibase.MAX_ENCODED_LENGTH + 1),
    ],
)
def test_malformed_values_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        multibase.decode(text)
    assert caught.value.code == "multibase.invalid"


@pytest.mark.parametrize("text", ["", "f00ff", "m+/8", "Z2"])
def test_other_bases_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        multibase.decode(text)
    assert caught.value.code == "multibase.unsupported"


def test_base58btc_only_refuses_base64url() -> None:
    with pytest.raises(InputError):
        multibase.decode_base58btc("u-_8")


def test_an_unknown_base_cannot_be_encoded() -> None:
    with pytest.raises(InputError):
        multibase.encode(b"x", base="f")


@given(st.binary(max_size=80))
def test_base58btc_agrees_with_the_base58_package(data: bytes) -> None:
    text = multibase.encode(data)
    assert text == "z" + base58.b58encode(data).decode("ascii")
    if data:
        assert multibase.decode(text) == data


@given(st.binary(min_size=1, max_size=80))
def test_base64url_round_trips(data: bytes) -> None:
    assert multibase.decode(multibase.encode(data, base="u")) == data


@given(st.text(max_size=120))
def test_decoding_any_text_gives_bytes_or_an_input_error(text: str) -> None:
    code = None
    try:
        multibase.decode(text)
    except InputError as error:
        code = error.code
    assert code in {None, "multibase.invalid", "multibase.unsupported"}
