"""Time the full ESCO import (the bundled v1.1.1) into fresh SQLite and PostgreSQL databases.

Each run happens in a child process that owns a fresh database (see ``bench/databases.py``). The
child migrates (not timed), reads every CSV row of the package without writing anything (the
baseline: what parsing alone costs), imports once into the empty database, then imports the same
files again (an update in place that changes nothing). The issue's target is 60 s for either.

    python -m bench.esco_import          # prints the rows as JSON
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from typing import Any

from bench.databases import available, fresh, run_child, setup_django, summary

#: The issue's target for every import row (milliseconds, median).
TARGETS = {
    f"esco.{what}.{database}": 60_000.0
    for what in ("import", "reimport")
    for database in ("sqlite", "postgresql")
}
Row = dict[str, Any]


def measure(*, runs: int = 3) -> list[Row]:
    """Time reading, first import and re-import on each available database (median, p95)."""
    rows: list[Row] = []
    for key, name in available():
        samples = []
        for _ in range(runs):
            with fresh(key) as environment:
                samples.append(run_child("bench.esco_import", [], environment))
        rows += _rows(key, name, samples)
    return rows


def _rows(key: str, name: str, samples: list[dict[str, float]]) -> list[Row]:
    return [
        {
            "id": f"esco.read.{key}",
            "what": f"baseline: read and parse every CSV row of ESCO, no writes ({name} run)",
            **summary([sample["read_ms"] for sample in samples]),
        },
        {
            "id": f"esco.import.{key}",
            "what": f"full ESCO v1.1.1 import (sv + en) into an empty {name} database",
            **summary([sample["first_ms"] for sample in samples]),
        },
        {
            "id": f"esco.reimport.{key}",
            "what": f"ESCO re-import of the same files, updated in place, {name}",
            **summary([sample["again_ms"] for sample in samples]),
        },
    ]


def _read_everything() -> int:
    """Read every row of every bundled CSV file: the floor under any import."""
    from meritpass.taxonomy.importer import bundled  # noqa: PLC0415

    rows = 0
    for _, path in bundled().all_files():
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            rows += sum(1 for _ in csv.reader(handle))
    return rows


def _import_twice() -> dict[str, float]:
    """In the child: migrate, then time reading alone, the first import and the re-import."""
    setup_django()
    from meritpass.taxonomy.importer import bundled, import_esco  # noqa: PLC0415

    started = time.perf_counter()
    _read_everything()
    timings = {"read_ms": (time.perf_counter() - started) * 1000}
    for key in ("first_ms", "again_ms"):
        started = time.perf_counter()
        import_esco(bundled())
        timings[key] = (time.perf_counter() - started) * 1000
    return timings


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_import_twice()))
    else:
        print(json.dumps(measure(runs=1 if "--quick" in sys.argv else 3), indent=2))
