"""Picking free indexes at random, never twice."""

from __future__ import annotations

import random

import pytest

from meritpass.core.errors import StatusListError
from meritpass.core.status.allocation import allocate_indexes
from meritpass.core.status.bitstring_status_list import BitstringStatusList


def seeded(seed: int = 7) -> random.Random:
    """Return a repeatable random source; production passes ``secrets.randbelow``."""
    return random.Random(seed)


def test_the_indexes_are_distinct_free_and_inside_the_list() -> None:
    taken = {0, 5, 9}
    picked = allocate_indexes(length=16, allocated=taken, count=10, randbelow=seeded().randrange)
    assert len(picked) == len(set(picked)) == 10
    assert not set(picked) & taken
    assert all(0 <= i < 16 for i in picked)


def test_the_last_free_indexes_can_be_taken() -> None:
    taken = set(range(100)) - {3, 50, 99}
    picked = allocate_indexes(length=100, allocated=taken, count=3, randbelow=seeded().randrange)
    assert sorted(picked) == [3, 50, 99]


def test_a_full_list_is_a_clear_error() -> None:
    with pytest.raises(StatusListError) as caught:
        allocate_indexes(length=8, allocated=set(range(6)), count=3, randbelow=seeded().randrange)
    assert (caught.value.code, caught.value.params) == (
        "status.list_full",
        {"free": 2, "requested": 3},
    )
    assert "2" in caught.value.message("sv")


def test_nothing_requested_gives_nothing() -> None:
    assert (
        allocate_indexes(length=8, allocated=set(range(8)), count=0, randbelow=seeded().randrange)
        == []
    )


def test_a_negative_count_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        allocate_indexes(length=8, allocated=set(), count=-1, randbelow=seeded().randrange)


def test_the_order_follows_the_random_source() -> None:
    first = allocate_indexes(
        length=131_072, allocated=set(), count=5, randbelow=seeded(1).randrange
    )
    again = allocate_indexes(
        length=131_072, allocated=set(), count=5, randbelow=seeded(1).randrange
    )
    other = allocate_indexes(
        length=131_072, allocated=set(), count=5, randbelow=seeded(2).randrange
    )
    assert first == again
    assert first != other


def test_indexes_are_spread_over_the_whole_list() -> None:
    picked = allocate_indexes(
        length=131_072, allocated=set(), count=1_000, randbelow=seeded().randrange
    )
    assert min(picked) < 131_072 // 10
    assert max(picked) > 131_072 * 9 // 10
    assert picked != sorted(picked)


def test_a_bitmap_laid_out_like_a_status_list_marks_allocated_indexes() -> None:
    bitmap = BitstringStatusList()
    for index in range(131_072 - 4):
        bitmap.set_status(index, 1)
    picked = allocate_indexes(
        length=131_072, allocated=bitmap.bitstring, count=4, randbelow=seeded().randrange
    )
    assert sorted(picked) == [131_068, 131_069, 131_070, 131_071]


def test_bits_beyond_the_length_in_a_bitmap_are_not_counted() -> None:
    bitmap = bytes([0b0000_0000, 0b1111_1111])
    assert (
        len(allocate_indexes(length=8, allocated=bitmap, count=8, randbelow=seeded().randrange))
        == 8
    )


def test_a_bitmap_shorter_than_the_list_is_refused() -> None:
    with pytest.raises(StatusListError) as caught:
        allocate_indexes(length=17, allocated=bytes(2), count=1, randbelow=seeded().randrange)
    assert caught.value.code == "status.bitmap_too_short"


def test_an_allocated_index_outside_the_list_is_refused() -> None:
    with pytest.raises(StatusListError) as caught:
        allocate_indexes(length=8, allocated={8}, count=1, randbelow=seeded().randrange)
    assert caught.value.code == "status.index_out_of_range"


def test_a_random_source_out_of_range_is_caught() -> None:
    with pytest.raises(ValueError, match="random source"):
        allocate_indexes(length=8, allocated=set(), count=1, randbelow=lambda n: n)


def test_the_dense_path_also_never_reuses_an_index() -> None:
    taken = set(range(0, 1_000, 2))  # half taken: the shuffle path
    picked = allocate_indexes(
        length=1_000, allocated=taken, count=500, randbelow=seeded().randrange
    )
    assert sorted(picked) == list(range(1, 1_000, 2))
