"""Status indexes: random, never given out twice, a new list when one is full, safe under load."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from meritpass.accounts.models import Organisation
from meritpass.issuing import status_lists
from meritpass.issuing.models import StatusList
from tests.integration.issuing.conftest import organisation

REVOCATION = StatusList.Purpose.REVOCATION


def taken(status_list: StatusList) -> set[int]:
    status_list.refresh_from_db()
    bitmap = bytes(status_list.allocated)
    return {i for i in range(status_list.length) if bitmap[i >> 3] & (0x80 >> (i & 7))}


@pytest.fixture
def provider(db: None) -> Organisation:
    return organisation("skolan", Organisation.Kind.PROVIDER)


def test_indexes_are_distinct_random_and_marked_as_taken(provider: Organisation) -> None:
    first = status_lists.allocate(provider, REVOCATION, 300, now=timezone.now())
    second = status_lists.allocate(provider, REVOCATION, 300, now=timezone.now())
    indexes = [index for _, index in first + second]
    assert len(set(indexes)) == 600
    assert indexes != sorted(indexes)  # spread at random, not handed out in order
    (status_list,) = {item for item, _ in first + second}
    assert taken(status_list) == set(indexes)
    assert status_list.allocated_count == 600


def test_a_full_list_is_closed_and_a_new_one_opened_and_published(provider: Organisation) -> None:
    now = timezone.now()
    status_lists.allocate(provider, REVOCATION, 1, now=now)
    first = StatusList.objects.get(organisation=provider, purpose=REVOCATION)
    bitmap = bytearray(b"\xff" * (first.length // 8))
    bitmap[-1] = 0b11111000  # the last three indexes are free
    StatusList.objects.filter(pk=first.pk).update(
        allocated=bytes(bitmap), allocated_count=first.length - 3
    )
    result = status_lists.allocate(provider, REVOCATION, 5, now=now)
    lists = [item.pk for item, _ in result]
    assert lists[:3] == [first.pk] * 3
    assert sorted(index for item, index in result[:3]) == [
        first.length - 3,
        first.length - 2,
        first.length - 1,
    ]
    second = StatusList.objects.exclude(pk=first.pk).get(organisation=provider)
    assert lists[3:] == [second.pk] * 2
    assert second.credential  # published when created
    assert status_lists.allocate(provider, REVOCATION, 1, now=now)[0][0].pk == second.pk


def test_an_allocation_that_rolls_back_leaves_no_trace(provider: Organisation) -> None:
    status_lists.allocate(provider, REVOCATION, 1, now=timezone.now())
    status_list = StatusList.objects.get(organisation=provider)
    before = taken(status_list)

    def allocate_then_fail() -> None:
        with transaction.atomic():
            status_lists.allocate(provider, REVOCATION, 10, now=timezone.now())
            raise RuntimeError

    with pytest.raises(RuntimeError):
        allocate_then_fail()
    assert taken(status_list) == before


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_never_share_an_index() -> None:
    """Eight threads, each on its own connection, allocate from the same open list at once."""
    provider = organisation("samtidig", Organisation.Kind.PROVIDER)
    status_lists.allocate(provider, REVOCATION, 1, now=timezone.now())  # open the list first
    start = threading.Barrier(8)
    results: list[list[tuple[int, int]]] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for _ in range(10):
                with transaction.atomic():
                    got = status_lists.allocate(provider, REVOCATION, 25, now=timezone.now())
                results.append([(item.pk, index) for item, index in got])
        except BaseException as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    handed_out = [pair for batch in results for pair in batch]
    assert len(handed_out) == 8 * 10 * 25
    assert len(set(handed_out)) == len(handed_out)
    status_list = StatusList.objects.get(organisation=provider, purpose=REVOCATION)
    assert status_list.allocated_count == 1 + len(handed_out)
    assert len(taken(status_list)) == status_list.allocated_count
