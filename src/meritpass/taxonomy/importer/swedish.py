"""The Swedish ESCO labels, from the ESCO ↔ Swedish mapping tables (ESCO Mapping Platform exports).

The skills table is an Excel export: metadata lines before the header, lines ending in ``;``,
lines wrapped in an extra pair of quotes with the inner quotes doubled, a few lines broken beyond
repair, and one row per mapping target. Only the first two columns matter here (the ESCO URI and
its Swedish preferred label), so a line whose later columns are damaged still gives its label.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Final

from meritpass.taxonomy.importer import problems
from meritpass.taxonomy.importer.files import SourceText
from meritpass.taxonomy.importer.problems import ProblemLog
from meritpass.taxonomy.importer.validate import ANY_CONCEPT_URI, MAX_LABEL, clean_label

HEADER_START: Final = "Classification 1 URI"
LANGUAGE_KEY: Final = "Classification 1 Language"
NAME_KEY: Final = "Classification 1 Name"
VERSION_KEY: Final = "Classification 1 Version"


@dataclass(slots=True)
class SwedishTable:
    """The Swedish preferred label of each concept URI in one mapping table."""

    name: str
    labels: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    malformed: int = 0

    def description(self) -> str:
        """Describe the table by its classification name and ESCO version, as it states them."""
        name = self.metadata.get(NAME_KEY, self.name)
        version = self.metadata.get(VERSION_KEY)
        return f"{name} (ESCO {version})" if version else name


def split_line(line: str) -> list[str] | None:
    """Undo the Excel quirks of one line and split it into fields (None if it cannot be split)."""
    text = line.rstrip("\r\n")
    if text.endswith(";"):
        text = text[:-1]
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    try:
        return next(csv.reader([text]), [])
    except csv.Error:
        return None


def label_of(fields: list[str] | None) -> tuple[str, str] | None:
    """Return the (URI, Swedish label) of a data line's fields, or None if the line is malformed."""
    if fields is None or len(fields) < 2:
        return None
    uri, label = fields[0].strip(), clean_label(fields[1])
    if not ANY_CONCEPT_URI.match(uri) or not label or '"' in label or len(label) > MAX_LABEL:
        return None
    return uri, label


def read_table(source: SourceText, log: ProblemLog) -> SwedishTable | None:
    """Read one mapping table; record a problem if it has no header or is not in Swedish."""
    table = SwedishTable(source.name)
    lines = source.text.split("\n")
    header = _read_metadata(lines, table)
    if header is None:
        log.add(source.name, None, problems.NO_SWEDISH_HEADER)
        return None
    language = table.metadata.get(LANGUAGE_KEY, "sv")
    if language != "sv":
        log.add(source.name, None, problems.NOT_SWEDISH, language=language)
        return None
    for line in lines[header + 1 :]:
        if not line.strip():
            continue
        found = label_of(split_line(line))
        if found is None:
            table.malformed += 1
        else:
            table.labels.setdefault(*found)
    return table


def _read_metadata(lines: list[str], table: SwedishTable) -> int | None:
    """Collect the ``key,value`` lines before the header; return the header's index."""
    for index, line in enumerate(lines):
        fields = split_line(line) or []
        key = fields[0].strip() if fields else ""
        if key == HEADER_START:
            return index
        if key and len(fields) > 1 and fields[1].strip():
            table.metadata.setdefault(key, fields[1].strip())
    return None
