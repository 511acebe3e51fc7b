"""One harness process per test session (per xdist worker); see node.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.interop.node import NodeHarness, start_or_skip


@pytest.fixture(scope="session")
def node_harness() -> Iterator[NodeHarness]:
    """The JavaScript reference implementation, started once; skips when Node is missing."""
    harness = start_or_skip()
    yield harness
    harness.close()
