"""Reading the source files: gzip or plain, strict UTF-8, CSV records with their line numbers."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from meritpass.taxonomy.importer import problems
from meritpass.taxonomy.importer.problems import ProblemLog

#: Bump when the import would write something different from the same files.
IMPORT_FORMAT: Final = "meritpass-esco-import-1"
#: ESCO's conceptSchemes file holds fields past csv's default limit of 128 KiB; be generous.
_FIELD_LIMIT: Final = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded source file and the name that problems refer to."""

    name: str
    text: str


def digest(files: list[tuple[str, Path]], *, version: str) -> str:
    """Return a SHA-256 over the import format, the version and every file's role and bytes."""
    total = hashlib.sha256(f"{IMPORT_FORMAT}\0{version}\0".encode())
    for role, path in files:
        total.update(role.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()


def read_text(path: Path, log: ProblemLog) -> SourceText | None:
    """Read, decompress (``.gz``) and decode a file; on failure record a problem, return None."""
    name = path.name
    try:
        data = path.read_bytes()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        log.add(name, None, problems.BAD_GZIP, reason=error)
        return None
    except OSError as error:
        log.add(name, None, problems.UNREADABLE, reason=error.strerror or error)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        log.add(name, line, problems.NOT_UTF8, position=column)
        return None
    nul = text.find("\0")
    if nul >= 0:
        # PostgreSQL cannot store it, and no ESCO text has one.
        log.add(name, text.count("\n", 0, nul) + 1, problems.NUL_CHARACTER)
        return None
    return SourceText(name, text)


class Table:
    """The records of a CSV file with a header, each with the line it starts on."""

    def __init__(
        self, source: SourceText, header: list[str], log: ProblemLog, *, ragged: bool = False
    ) -> None:
        self.name = source.name
        self.columns = {column.strip(): index for index, column in enumerate(header)}
        self._source = source
        self._log = log
        self._ragged = ragged

    def index(self, column: str) -> int | None:
        """Return the position of ``column``, or None when the file has no such column."""
        return self.columns.get(column)

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(line, fields)`` for every record with as many fields as the header.

        In a ``ragged`` table, a record may leave out empty fields at its end.
        """
        reader = csv.reader(io.StringIO(self._source.text, newline=""))
        width = len(self.columns)
        start = 1
        try:
            next(reader)
            start = reader.line_num + 1
            for fields in reader:
                if len(fields) == width:
                    yield start, fields
                elif self._ragged and 0 < len(fields) < width:
                    yield start, fields + [""] * (width - len(fields))
                elif any(fields):
                    self._log.add(
                        self.name, start, problems.FIELD_COUNT, found=len(fields), expected=width
                    )
                start = reader.line_num + 1
        except csv.Error as error:
            self._log.add(self.name, start, problems.BAD_CSV, reason=error)


def open_table(
    source: SourceText, required: tuple[str, ...], log: ProblemLog, *, ragged: bool = False
) -> Table | None:
    """Read the header of a CSV file and check that it has the ``required`` columns."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    try:
        header = next(csv.reader(io.StringIO(source.text, newline="")), None)
    except csv.Error as error:
        log.add(source.name, 1, problems.BAD_CSV, reason=error)
        return None
    if not header:
        log.add(source.name, 1, problems.EMPTY_FILE)
        return None
    table = Table(source, header, log, ragged=ragged)
    missing = [column for column in required if column not in table.columns]
    for column in missing:
        log.add(source.name, 1, problems.MISSING_COLUMN, column=column)
    return None if missing else table
