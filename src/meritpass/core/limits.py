"""Bounds on the work any single untrusted document may cause."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds applied while parsing, expanding and canonicalizing one document.

    The defaults fit every credential seen in the wild with a wide margin; a verifier facing the
    open internet should keep them.
    """

    max_bytes: int = 1_000_000
    max_depth: int = 64
    #: RDFC-1.0 §4.4 asks implementations to bound their work on "poison" datasets.
    max_blank_nodes: int = 2_000
    max_ndegree_calls: int = 10_000


DEFAULT_LIMITS = Limits()
