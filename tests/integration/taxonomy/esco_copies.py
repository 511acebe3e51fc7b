"""Copies of the ESCO sample package with one thing changed, for the import tests."""

from __future__ import annotations

import csv
import gzip
import io
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.taxonomy_fixtures import ESCO_SAMPLE

Row = list[str]


def copy_sample(destination: Path) -> Path:
    """Copy the sample package (en/, sv/ and its README) to ``destination``; return the copy."""
    shutil.copytree(ESCO_SAMPLE, destination, ignore=shutil.ignore_patterns("*.py"))
    return destination


def rows_of(path: Path) -> tuple[Row, list[Row]]:
    """Return the header and the records of a package CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write_rows(path: Path, header: Row, rows: list[Row]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def edit(path: Path, change: Callable[[Row, list[Row]], list[Row]]) -> None:
    """Rewrite a package CSV file with the records ``change(header, records)`` returns."""
    header, rows = rows_of(path)
    write_rows(path, header, change(header, rows))


def set_field(path: Path, uri: str, column: str, value: str) -> None:
    """Set ``column`` of the record whose conceptUri is ``uri``."""

    def change(header: Row, rows: list[Row]) -> list[Row]:
        index, key = header.index(column), header.index("conceptUri")
        for row in rows:
            if row[key] == uri:
                row[index] = value
        return rows

    edit(path, change)


def drop_everywhere(package: Path, uri: str) -> None:
    """Remove every record and Swedish line that mentions ``uri`` from the package."""
    for path in sorted((package / "en").glob("*.csv")):
        edit(path, lambda _, rows: [row for row in rows if uri not in row])
    for path in sorted((package / "sv").glob("*.csv")):
        text = path.read_text("utf-8")
        newline = "\r\n" if "\r\n" in text else "\n"
        kept = [line for line in text.split(newline) if uri not in line]
        path.write_text(newline.join(kept), "utf-8", newline="")


def gzip_all(package: Path) -> None:
    """Replace every CSV file of the package by its gzipped form (``X.csv`` → ``X.csv.gz``)."""
    for path in sorted(package.glob("*/*.csv")):
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))
        path.unlink()


def start_line(path: Path, needle: str) -> int:
    """Return the line number on which ``needle`` first appears in a file."""
    text = path.read_text("utf-8")
    return text[: text.index(needle)].count("\n") + 1
