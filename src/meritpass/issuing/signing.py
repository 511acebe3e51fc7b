"""Build and sign the credentials of many learners, in this process or in worker processes.

Canonicalization (RDFC-1.0) dominates the cost of a credential, and it is pure Python work, so
a bulk job spreads it over one worker process per CPU (DESIGN §7). A worker imports only the
pure core — no Django, no database connection — and receives what every credential of the job
shares once, when it starts: the achievement, the industry approval and the issuer's key. The
key travels through the pipe that starts the worker and lives only in its memory.

``sign_items`` is the one code path that builds and signs credentials, here and in the workers.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from meritpass.core.credentials import ob3
from meritpass.core.documents import JsonObject
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.suites import eddsa_rdfc_2022

__all__ = ["Item", "Shared", "SigningPool", "sign_items"]

SUITE: Final = eddsa_rdfc_2022.NAME


@dataclass(frozen=True, slots=True)
class Shared:
    """What every credential of one job shares: the signing key and the achievement."""

    secret_key: str
    verification_method: str
    achievement: JsonObject
    approval: JsonObject

    def __repr__(self) -> str:
        return f"Shared({self.verification_method!r})"  # never show the secret key


@dataclass(frozen=True, slots=True)
class Item:
    """One learner's credential: its id, issuer profile (by key), learner, date, status, grade."""

    award_id: str
    issuer: int
    learner: ob3.Learner
    valid_from: datetime
    status: tuple[JsonObject, ...]
    grade: str | None


def sign_items(
    shared: Shared,
    key: Ed25519Multikey,
    profiles: Mapping[int, ob3.Profile],
    items: Sequence[Item],
    now: datetime,
) -> list[str]:
    """Return the signed credential of each item as the compact JSON text that is stored."""
    return [_sign(shared, key, profiles, item, now) for item in items]


def _sign(
    shared: Shared,
    key: Ed25519Multikey,
    profiles: Mapping[int, ob3.Profile],
    item: Item,
    now: datetime,
) -> str:
    unsigned = ob3.open_badge_credential(
        id=item.award_id,
        issuer=profiles[item.issuer],
        achievement=shared.achievement,
        learner=item.learner,
        valid_from=item.valid_from,
        status=item.status,
        grade=item.grade,
        approvals=(shared.approval,),
    )
    signed = data_integrity.sign(
        unsigned, key=key, verification_method=shared.verification_method, suite=SUITE, created=now
    )
    return json.dumps(signed, ensure_ascii=False, separators=(",", ":"))


class SigningPool:
    """Worker processes that sign for one job; use it as a context manager."""

    def __init__(self, shared: Shared, processes: int) -> None:
        self.processes = processes
        self._executor = ProcessPoolExecutor(
            max_workers=processes,
            # A fresh interpreter, not a fork: the workers share no database connection or lock.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(shared,),
        )

    def sign(
        self, profiles: Mapping[int, ob3.Profile], items: Sequence[Item], now: datetime
    ) -> list[str]:
        """Return the signed credentials of ``items``, in order, signed across the workers."""
        size = -(-len(items) // self.processes)
        parts = [items[start : start + size] for start in range(0, len(items), size)]
        futures = [
            self._executor.submit(_sign_in_worker, dict(profiles), list(part), now)
            for part in parts
        ]
        return [text for future in futures for text in future.result()]

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> SigningPool:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()


_worker: tuple[Shared, Ed25519Multikey] | None = None


def _start_worker(shared: Shared) -> None:
    global _worker  # noqa: PLW0603 - one job's state per worker process
    _worker = (shared, Ed25519Multikey.from_secret_key_multibase(shared.secret_key))


def _sign_in_worker(
    profiles: dict[int, ob3.Profile], items: list[Item], now: datetime
) -> list[str]:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the signing worker was not started")
    shared, key = _worker
    return sign_items(shared, key, profiles, items, now)
