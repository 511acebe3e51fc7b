"""The search form of labels that the importer stores in ``Label.normalized``."""

from __future__ import annotations

import pytest

from meritpass.taxonomy.normalize import normalize


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("svetsare, manuell", "svetsare manuell"),
        ("Oxy-fuel welder", "oxy fuel welder"),
        ("  leda\u00a0projekt  ", "leda projekt"),
        ("TRÄDGÅRDSANLÄGGNING", "trädgårdsanläggning"),
        ("Projektledning (IKT)", "projektledning ikt"),
        ("cafe\u0301", "café"),  # decomposed é becomes one letter (NFC)
        ("driver's licence_B", "driver s licence b"),
        ("project management methodology (PM²)", "project management methodology pm²"),
    ],
)
def test_normalize(text: str, normalized: str) -> None:
    assert normalize(text) == normalized
