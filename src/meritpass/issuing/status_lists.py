"""Each issuer's Bitstring Status Lists: random, never reused indexes and the signed lists.

An organisation has one open list per purpose (revocation, suspension); when it is full a new one
opens. ``allocate`` locks the open list's row, so concurrent issuers never get the same index.
``publish`` rebuilds the bits from the awards' states and signs the list credential, which the
status view then serves; it runs when a list is created and at every status change.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from typing import Final

from django.conf import settings
from django.db import transaction
from django.db.models import F

from meritpass.accounts.models import Organisation
from meritpass.core.documents import JsonObject
from meritpass.core.status.allocation import allocate_indexes
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.status.credential import status_list_credential, status_list_entry
from meritpass.issuing.models import STATUS_LIST_LENGTH, Award, StatusList
from meritpass.registry.dids import organisation_did
from meritpass.registry.signing import Signer, signer_for

__all__ = ["allocate", "entry", "publish", "status_list_url"]

#: Which awards have their bit set in a list of each purpose.
_SET_WHEN: Final = {
    StatusList.Purpose.REVOCATION: ("revocation_list", "revocation_index", Award.State.REVOKED),
    StatusList.Purpose.SUSPENSION: ("suspension_list", "suspension_index", Award.State.SUSPENDED),
}


def allocate(
    organisation: Organisation,
    purpose: str,
    count: int,
    *,
    now: datetime,
    signer: Signer | None = None,
) -> list[tuple[StatusList, int]]:
    """Return ``count`` fresh random indexes in ``organisation``'s open lists for ``purpose``.

    Call it inside the transaction that stores the awards: if that rolls back, so does the
    allocation. A list that fills up is closed and a new one is created (and published).
    """
    taken: list[tuple[StatusList, int]] = []
    with transaction.atomic():
        while len(taken) < count:
            status_list = _open_list(organisation, purpose, now=now, signer=signer)
            wanted = min(count - len(taken), status_list.length - status_list.allocated_count)
            taken += [(status_list, index) for index in _take(status_list, wanted)]
    return taken


def publish(status_list: StatusList, *, now: datetime, signer: Signer | None = None) -> None:
    """Sign ``status_list`` as it stands now (the awards' states) and store the credential.

    The list's row is locked first, so that of two concurrent status changes the later one
    publishes a list that includes the earlier one.
    """
    with transaction.atomic():
        _lock(status_list)
        _publish(status_list, now=now, signer=signer)


def entry(status_list: StatusList, index: int) -> JsonObject:
    """Return the ``credentialStatus`` entry of ``index`` in ``status_list``."""
    return status_list_entry(
        status_list_credential=status_list_url(status_list),
        status_list_index=index,
        status_purpose=str(status_list.purpose),
    )


def status_list_url(status_list: StatusList) -> str:
    """Return the public URL of ``status_list`` (also its credential's id)."""
    return f"{settings.MERITPASS_PUBLIC_URL}/status/{status_list.uuid}"


def _lock(status_list: StatusList) -> None:
    list(StatusList.objects.select_for_update().filter(pk=status_list.pk).values_list("pk"))


def _publish(status_list: StatusList, *, now: datetime, signer: Signer | None) -> None:
    field, index, state = _SET_WHEN[StatusList.Purpose(status_list.purpose)]
    bits = BitstringStatusList(status_list.length)
    for position in Award.objects.filter(**{field: status_list, "state": state}).values_list(
        index, flat=True
    ):
        bits.set_status(position, 1)
    unsigned = status_list_credential(
        credential_id=status_list_url(status_list),
        issuer=organisation_did(status_list.organisation),
        status_purpose=status_list.purpose,
        status_list=bits,
        valid_from=now,
    )
    signed = (signer or signer_for(status_list.organisation)).sign(unsigned, now=now)
    status_list.credential = _serialise(signed)
    status_list.save(update_fields=["credential", "updated_at"])


def _open_list(
    organisation: Organisation, purpose: str, *, now: datetime, signer: Signer | None
) -> StatusList:
    """Return the organisation's open list for ``purpose``, locked, creating one if none is."""
    lists = StatusList.objects.select_for_update().filter(
        organisation=organisation, purpose=purpose, allocated_count__lt=F("length")
    )
    status_list = lists.order_by("id").first()
    if status_list is not None:
        return status_list
    status_list = StatusList.objects.create(
        organisation=organisation,
        purpose=str(purpose),  # the plain value, as read back from the database
        length=STATUS_LIST_LENGTH,
        allocated=bytes(STATUS_LIST_LENGTH // 8),
    )
    publish(status_list, now=now, signer=signer)
    return status_list


def _take(status_list: StatusList, count: int) -> list[int]:
    """Mark ``count`` random free indexes of the (locked) ``status_list`` as taken."""
    bitmap = bytearray(status_list.allocated)
    indexes = allocate_indexes(
        length=status_list.length, allocated=bitmap, count=count, randbelow=secrets.randbelow
    )
    for index in indexes:
        bitmap[index >> 3] |= 0x80 >> (index & 7)
    status_list.allocated = bytes(bitmap)
    status_list.allocated_count += len(indexes)
    # ``updated_at`` stays: it tells when the list was last published (Last-Modified).
    status_list.save(update_fields=["allocated", "allocated_count"])
    return indexes


def _serialise(document: JsonObject) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
