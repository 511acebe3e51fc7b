"""The ESCO fixtures (see tests/taxonomy_fixtures.py) for the taxonomy tests."""

from __future__ import annotations

from tests.taxonomy_fixtures import esco_full, esco_full_import, esco_sample, in_english

__all__ = ["esco_full", "esco_full_import", "esco_sample", "in_english"]
