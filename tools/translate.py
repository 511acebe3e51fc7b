"""Fill Swedish translations into the .po catalogues from a JSON mapping, then compile them.

Usage: python tools/translate.py translations.json
The JSON maps an English msgid to its Swedish msgstr; a key ``context::msgid`` applies only to the
entry with that ``msgctxt`` (and wins over the plain key). Entries already translated are kept
unless the mapping gives a new text. A plural entry takes a list ``[singular, plural]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "meritpass"


def main(mapping_path: str) -> int:
    mapping: dict[str, str | list[str]] = json.loads(Path(mapping_path).read_text("utf-8"))
    for po_path in sorted(ROOT.glob("**/locale/sv/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue:
            text = mapping.get(f"{entry.msgctxt}::{entry.msgid}", mapping.get(entry.msgid))
            if text is None:
                continue
            if entry.msgid_plural:
                plural = mapping.get(entry.msgid_plural, text)
                forms = text if isinstance(text, list) else [text, plural]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = text if isinstance(text, str) else text[0]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        missing = [e.msgid for e in catalogue if not e.translated() and not e.obsolete]
        for msgid in missing:
            print(f"untranslated in {po_path.relative_to(ROOT)}: {msgid!r}")
    for po_path in sorted(ROOT.glob("**/locale/en/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
