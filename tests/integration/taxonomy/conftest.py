"""The ESCO fixtures (see tests/taxonomy_fixtures.py) for the taxonomy tests."""

from __future__ import annotations

import pytest

from tests.taxonomy_fixtures import esco_full, esco_full_import, esco_sample, in_english

__all__ = ["esco_full", "esco_full_import", "esco_sample", "in_english"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that read the full classification last, in every folder.

    Once imported, the full classification stays committed for the rest of the session (per
    xdist worker); running its readers last keeps it out of tests that expect an empty taxonomy.
    """
    readers = [item for item in items if "esco_full" in getattr(item, "fixturenames", ())]
    if readers:
        others = [item for item in items if "esco_full" not in getattr(item, "fixturenames", ())]
        items[:] = others + readers
