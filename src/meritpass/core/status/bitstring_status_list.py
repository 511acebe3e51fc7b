"""The bitstring of a Bitstring Status List v1.0, its compression and its expansion.

https://www.w3.org/TR/vc-bitstring-status-list/ — index 0 is the left-most bit, the most
significant bit of the first byte (§2.2, §7.1). An entry of ``statusSize`` bits starts at bit
``index * statusSize`` and is read most significant bit first.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import re
import zlib
from typing import Final

from meritpass.core.errors import StatusListError

__all__ = [
    "DEFAULT_MAX_BITSTRING_BYTES",
    "MAX_STATUS_SIZE",
    "MINIMUM_ENTRIES",
    "BitstringStatusList",
    "compress_bitstring",
    "expand_bitstring",
]

#: §2.2, §3.2 step 2: the minimum list length, 16 KB of single-bit entries, for group privacy.
MINIMUM_ENTRIES: Final = 131_072
#: A statusMessage array has 2**statusSize elements, so larger sizes cannot appear in practice.
MAX_STATUS_SIZE: Final = 16
#: The most an untrusted encodedList may expand to: 32 Mi single-bit entries.
DEFAULT_MAX_BITSTRING_BYTES: Final = 4 * 1024 * 1024

_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_GZIP_WITH_HEADER: Final = 16 + zlib.MAX_WBITS
_STEP: Final = 64 * 1024


class BitstringStatusList:
    """A list of ``length`` statuses of ``status_size`` bits each, all 0 when created."""

    __slots__ = ("_bitstring", "length", "status_size")

    def __init__(self, length: int = MINIMUM_ENTRIES, *, status_size: int = 1) -> None:
        _check_status_size(status_size)
        if length < MINIMUM_ENTRIES:
            raise StatusListError("status.list_too_short", entries=length, minimum=MINIMUM_ENTRIES)
        if length * status_size % 8:
            raise StatusListError("status.unaligned_length", length=length, size=status_size)
        self._bitstring = bytearray(length * status_size // 8)
        self.length = length
        self.status_size = status_size

    @classmethod
    def decode(
        cls,
        encoded_list: object,
        *,
        status_size: int = 1,
        max_bytes: int = DEFAULT_MAX_BITSTRING_BYTES,
        minimum_entries: int = MINIMUM_ENTRIES,
    ) -> BitstringStatusList:
        """Return the list an untrusted ``encodedList`` holds, or raise :class:`StatusListError`.

        ``minimum_entries`` is the §3.2 lower bound; an ecosystem specification may change it.
        """
        _check_status_size(status_size)
        bitstring = _gunzip(_multibase_base64url(encoded_list, max_bytes), max_bytes)
        length = len(bitstring) * 8 // status_size
        if length < minimum_entries:
            raise StatusListError("status.list_too_short", entries=length, minimum=minimum_entries)
        status_list = cls.__new__(cls)
        status_list._bitstring = bitstring
        status_list.length = length
        status_list.status_size = status_size
        return status_list

    def encode(self) -> str:
        """Return the ``encodedList`` value: GZIP, then multibase base64url without padding."""
        return compress_bitstring(bytes(self._bitstring))

    @property
    def bitstring(self) -> bytes:
        """Return the uncompressed bitstring."""
        return bytes(self._bitstring)

    def get_status(self, index: int) -> int:
        """Return the status at ``index``."""
        first, last, shift = self._span(index)
        chunk = int.from_bytes(self._bitstring[first:last], "big")
        return (chunk >> shift) & ((1 << self.status_size) - 1)

    def set_status(self, index: int, status: int) -> None:
        """Set the status at ``index`` to ``status`` (``0`` to ``2**status_size - 1``)."""
        if not 0 <= status < 1 << self.status_size:
            raise StatusListError("status.invalid_status", status=status, size=self.status_size)
        first, last, shift = self._span(index)
        chunk = int.from_bytes(self._bitstring[first:last], "big")
        mask = ((1 << self.status_size) - 1) << shift
        chunk = (chunk & ~mask) | (status << shift)
        self._bitstring[first:last] = chunk.to_bytes(last - first, "big")

    def _span(self, index: int) -> tuple[int, int, int]:
        """Return the bytes ``[first, last)`` holding entry ``index``, and its right shift."""
        if not 0 <= index < self.length:
            raise StatusListError("status.index_out_of_range", index=index, length=self.length)
        start = index * self.status_size
        end = start + self.status_size
        last = (end + 7) // 8
        return start // 8, last, last * 8 - end


def compress_bitstring(bitstring: bytes) -> str:
    """Return ``bitstring`` GZIP-compressed and multibase-encoded (§3.3, step 3).

    The GZIP header carries no time, so the same list always encodes to the same text. Level 6:
    on a 16 KB list with 1 % of bits set, level 9 is 12 % smaller but ten times slower.
    """
    compressed = gzip.compress(bitstring, compresslevel=6, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def expand_bitstring(
    encoded_list: object, *, max_bytes: int = DEFAULT_MAX_BITSTRING_BYTES
) -> bytes:
    """Return the bitstring an untrusted ``encodedList`` holds (§3.4), or raise StatusListError.

    Security: the data is inflated in small steps and refused as soon as it passes ``max_bytes``,
    so a decompression bomb never takes more memory than that.
    """
    return bytes(_gunzip(_multibase_base64url(encoded_list, max_bytes), max_bytes))


def _multibase_base64url(encoded: object, max_bytes: int) -> bytes:
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("status.not_multibase")
    if len(encoded) > _longest_encoding(max_bytes):
        raise StatusListError("status.too_large", limit=max_bytes)
    text = encoded[1:]
    if len(text) % 4 == 1 or not _BASE64URL.fullmatch(text):
        raise StatusListError("status.bad_base64")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error:
        raise StatusListError("status.bad_base64") from None


def _longest_encoding(max_bytes: int) -> int:
    """Return the length of the longest encodedList that can expand to ``max_bytes``."""
    # DEFLATE's stored blocks add 5 bytes per 65,535, GZIP 18; 1 KiB is for optional header fields.
    compressed = max_bytes + 5 * (max_bytes // 65_535 + 1) + 18 + 1024
    return 1 + (compressed * 4 + 2) // 3


def _gunzip(compressed: bytes, max_bytes: int) -> bytearray:
    inflater = zlib.decompressobj(wbits=_GZIP_WITH_HEADER)
    output = bytearray()
    pending = compressed
    try:
        while not inflater.eof:
            chunk = inflater.decompress(pending, min(_STEP, max_bytes + 1 - len(output)))
            if not chunk and len(inflater.unconsumed_tail) == len(pending):
                raise StatusListError("status.truncated")  # no input left, no output to come
            output += chunk
            if len(output) > max_bytes:
                raise StatusListError("status.too_large", limit=max_bytes)
            pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise StatusListError("status.not_gzip", reason=str(error)) from None
    if inflater.unused_data:
        raise StatusListError("status.not_gzip", reason="data after the end of the GZIP stream")
    return output


def _check_status_size(status_size: int) -> None:
    if isinstance(status_size, bool) or not 1 <= status_size <= MAX_STATUS_SIZE:
        raise StatusListError(
            "status.invalid_status_size", size=status_size, maximum=MAX_STATUS_SIZE
        )
