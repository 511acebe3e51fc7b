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
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=str)
def test_compiled_catalogue_matches_its_source(path: Path) -> None:
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    translated = [e for e in source if e.translated() and not e.obsolete]
    assert {key(e): text(e) for e in compiled} == {key(e): text(e) for e in translated}


def key(entry: polib.POEntry | polib.MOEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def text(entry: polib.POEntry | polib.MOEntry) -> object:
    return entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
