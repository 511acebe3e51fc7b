"""Pick free status list indexes at random, for issuers.

§2.1: indexes SHOULD be assigned randomly, so that a position tells nothing about when a
credential was issued or how many were; an index is never given out twice.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from meritpass.core.errors import StatusListError

__all__ = ["RandomBelow", "allocate_indexes"]

#: Returns a uniformly random integer in ``[0, n)``: ``secrets.randbelow`` in production.
RandomBelow = Callable[[int], int]


def allocate_indexes(
    *,
    length: int,
    allocated: Set[int] | bytes | bytearray,
    count: int,
    randbelow: RandomBelow,
) -> list[int]:
    """Return ``count`` distinct random indexes below ``length`` that are not in ``allocated``.

    ``allocated`` is a set of indexes or a bitmap laid out like a 1-bit status list (bit 0 is
    the most significant bit of byte 0).
    """
    if count < 0:
        raise ValueError(f"count must not be negative, not {count}")
    is_taken, taken = _allocation(allocated, length)
    free = length - taken
    if count > free:
        raise StatusListError("status.list_full", free=free, requested=count)
    if 2 * (taken + count) <= length:
        return _by_rejection(length, is_taken, count, randbelow)
    return _by_shuffle([i for i in range(length) if not is_taken(i)], count, randbelow)


def _allocation(
    allocated: Set[int] | bytes | bytearray, length: int
) -> tuple[Callable[[int], bool], int]:
    """Return a membership test and the number of allocated indexes."""
    if isinstance(allocated, bytes | bytearray):
        if len(allocated) * 8 < length:
            raise StatusListError("status.bitmap_too_short", bits=len(allocated) * 8, length=length)
        bitmap = bytes(allocated)
        taken = int.from_bytes(bitmap, "big") >> (len(bitmap) * 8 - length)
        return (lambda i: bool(bitmap[i >> 3] & (0x80 >> (i & 7)))), taken.bit_count()
    outside = next((i for i in allocated if not 0 <= i < length), None)
    if outside is not None:
        raise StatusListError("status.index_out_of_range", index=outside, length=length)
    return allocated.__contains__, len(allocated)


def _by_rejection(
    length: int, is_taken: Callable[[int], bool], count: int, randbelow: RandomBelow
) -> list[int]:
    """Draw until ``count`` new indexes are found; at most half the list is taken, so tries < 2."""
    chosen: dict[int, None] = {}
    while len(chosen) < count:
        index = _draw(randbelow, length)
        if not is_taken(index):
            chosen[index] = None
    return list(chosen)


def _by_shuffle(free: list[int], count: int, randbelow: RandomBelow) -> list[int]:
    """Return the first ``count`` of a partial Fisher-Yates shuffle of ``free``."""
    for position in range(count):
        other = position + _draw(randbelow, len(free) - position)
        free[position], free[other] = free[other], free[position]
    return free[:count]


def _draw(randbelow: RandomBelow, bound: int) -> int:
    value = randbelow(bound)
    if not 0 <= value < bound:
        raise ValueError(f"the random source returned {value}, outside [0, {bound})")
    return value
