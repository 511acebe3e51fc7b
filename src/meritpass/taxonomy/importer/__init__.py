"""Import the ESCO classification: the official CSV package and the Swedish mapping tables.

``locate(path)`` or ``bundled()`` finds the files, ``import_esco(source)`` reads and checks all of
them and writes them in one transaction. A bad source raises ``EscoImportError`` with every problem
(file, line, reason) and leaves the database as it was.
"""

from __future__ import annotations

from meritpass.taxonomy.importer.problems import EscoImportError, Problem
from meritpass.taxonomy.importer.progress import Progress, for_stream
from meritpass.taxonomy.importer.run import ImportSummary, import_esco
from meritpass.taxonomy.importer.source import EscoSource, bundled, locate

__all__ = [
    "EscoImportError",
    "EscoSource",
    "ImportSummary",
    "Problem",
    "Progress",
    "bundled",
    "for_stream",
    "import_esco",
    "locate",
]
