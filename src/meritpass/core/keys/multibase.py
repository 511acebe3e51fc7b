"""Multibase as Data Integrity uses it: base58btc (``z``) and base64url without padding (``u``).

https://www.w3.org/TR/cid-1.0/#multibase-0. Decoding is strict: one prefix, only the alphabet of
that base, and for base64url no padding and no stray bits, so every byte string has exactly one
accepted text form.
"""

from __future__ import annotations

import base64
import binascii
from typing import Final

from meritpass.core.errors import InputError
from meritpass.core.keys.excerpt import excerpt

BASE58BTC: Final = "z"
BASE64URL: Final = "u"

#: Longer values are refused before decoding: base58 decoding is quadratic in the length.
MAX_ENCODED_LENGTH: Final = 4096

_BASE58_DIGITS: Final = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_VALUES: Final = {digit: value for value, digit in enumerate(_BASE58_DIGITS)}
_BASE58_ALPHABET: Final = frozenset(_BASE58_DIGITS)
_BASE64URL_ALPHABET: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)


def encode(data: bytes, *, base: str = BASE58BTC) -> str:
    """Return ``data`` as a multibase string in ``base`` (``"z"`` or ``"u"``)."""
    if base == BASE58BTC:
        return BASE58BTC + _base58_encode(data)
    if base == BASE64URL:
        return BASE64URL + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")
    raise InputError("multibase.unsupported", prefix=base)


def decode(value: str) -> bytes:
    """Return the bytes of a base58btc or base64url multibase string."""
    prefix = value[:1]
    if prefix == BASE58BTC:
        return decode_base58btc(value)
    if prefix == BASE64URL:
        return _decode_base64url(value)
    raise InputError("multibase.unsupported", prefix=excerpt(prefix))


def decode_base58btc(value: str) -> bytes:
    """Return the bytes of a base58btc multibase string; any other base is refused."""
    if not value.startswith(BASE58BTC):
        raise InputError("multibase.unsupported", prefix=excerpt(value[:1]))
    body = value[1:]
    _check_alphabet(body, _BASE58_ALPHABET, value)
    return _base58_decode(body)


def _base58_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, digit = divmod(number, 58)
        digits.append(_BASE58_DIGITS[digit])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def _base58_decode(body: str) -> bytes:
    number = 0
    for digit in body:
        number = number * 58 + _BASE58_VALUES[digit]
    zeros = len(body) - len(body.lstrip("1"))
    return b"\0" * zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")


def _decode_base64url(value: str) -> bytes:
    body = value[1:]
    _check_alphabet(body, _BASE64URL_ALPHABET, value)
    if len(body) % 4 == 1:
        raise InputError("multibase.invalid", value=excerpt(value))
    try:
        data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except binascii.Error:
        raise InputError("multibase.invalid", value=excerpt(value)) from None
    if base64.urlsafe_b64encode(data).decode("ascii").rstrip("=") != body:
        raise InputError("multibase.invalid", value=excerpt(value))
    return data


def _check_alphabet(body: str, alphabet: frozenset[str], value: str) -> None:
    if not body or len(body) > MAX_ENCODED_LENGTH or not alphabet.issuperset(body):
        raise InputError("multibase.invalid", value=excerpt(value))
