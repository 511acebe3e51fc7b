"""Every page text exists in Swedish, and the compiled catalogues match their sources."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[3] / "src" / "meritpass"
CATALOGUES = sorted(SRC.glob("**/locale/*/LC_MESSAGES/django.po"))


def test_there_are_catalogues_for_both_languages() -> None:
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"sv", "en"}


@pytest.mark.parametrize("path", [p for p in CATALOGUES if p.parts[-3] == "sv"], ids=str)
def test_every_swedish_text_is_translated(path: Path) -> None:
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue if not entry.msgstr and not entry.obsolete]
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=str)
def test_compiled_catalogue_matches_its_source(path: Path) -> None:
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    assert {e.msgid: e.msgstr for e in compiled} == {
        e.msgid: e.msgstr for e in source if e.msgstr and not e.obsolete
    }
