"""Time the full ESCO import (the bundled v1.1.1) into fresh SQLite and PostgreSQL databases.

Each run happens in a child process with its own settings: a throw-away SQLite file, or a
throw-away PostgreSQL database ``meritpass_bench_…`` created on the local server and dropped
afterwards (``MERITPASS_BENCH_POSTGRES`` names the server, default the one ``make test`` uses). The
child migrates (not timed), imports once into the empty database, then imports the same files
again (an update in place that changes nothing). The issue's target is 60 s for either.

    python -m bench.esco_import          # prints the rows as JSON
"""

from __future__ import annotations

import json
import math
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("MERITPASS_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
#: The issue's target for every row (milliseconds).
TARGETS = {
    f"esco.{what}.{database}": 60_000.0
    for what in ("import", "reimport")
    for database in ("sqlite", "postgresql")
}
Row = dict[str, Any]


def measure(*, runs: int = 3) -> list[Row]:
    """Time first import and re-import on SQLite and, if reachable, PostgreSQL (median, p95)."""
    rows = _rows("sqlite", "SQLite", [_run_sqlite() for _ in range(runs)])
    if _postgres_reachable():
        rows += _rows("postgresql", "PostgreSQL", [_run_postgres() for _ in range(runs)])
    else:
        print(f"esco import: PostgreSQL at {POSTGRES} is unreachable; its rows are left out")
    return rows


def _rows(key: str, name: str, samples: list[dict[str, float]]) -> list[Row]:
    return [
        {
            "id": f"esco.import.{key}",
            "what": f"full ESCO v1.1.1 import (sv + en) into an empty {name} database",
            **_statistics([sample["first_ms"] for sample in samples]),
        },
        {
            "id": f"esco.reimport.{key}",
            "what": f"ESCO re-import of the same files, updated in place, {name}",
            **_statistics([sample["again_ms"] for sample in samples]),
        },
    ]


def _statistics(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    # Nearest rank: with a handful of runs the 95th percentile is the slowest run.
    rank = max(math.ceil(0.95 * len(samples)) - 1, 0)
    return {"median_ms": statistics.median(samples), "p95_ms": samples[rank], "runs": len(samples)}


def _run_sqlite() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="meritpass-bench-") as folder:
        environment = {**os.environ, "MERITPASS_DATA_DIR": folder}
        environment.pop("DATABASE_URL", None)
        return _child(environment)


def _run_postgres() -> dict[str, float]:
    import psycopg  # noqa: PLC0415 - only the PostgreSQL rows need the driver

    name = f"meritpass_bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="meritpass-bench-") as folder:
            environment = {
                **os.environ,
                "MERITPASS_DATA_DIR": folder,
                "DATABASE_URL": f"{POSTGRES}/{name}",
                "MERITPASS_DB_CONN_MAX_AGE": "0",
            }
            return _child(environment)
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _postgres_reachable() -> bool:
    try:
        import psycopg  # noqa: PLC0415

        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
    except Exception:  # any failure means: no PostgreSQL rows
        return False
    return True


def _child(environment: dict[str, str]) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.esco_import", "--child"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    timings: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    return timings


def _import_twice() -> dict[str, float]:
    """In the child: migrate, then time the first import and the re-import."""
    import django  # noqa: PLC0415 - the child process owns its settings
    from django.core.management import call_command  # noqa: PLC0415

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meritpass.site.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    from meritpass.taxonomy.importer import bundled, import_esco  # noqa: PLC0415

    timings = {}
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
