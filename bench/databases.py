"""Throw-away databases for the benchmarks that need one, and the statistics they report.

A benchmark child process runs with its own settings: a fresh SQLite file, or a fresh PostgreSQL
database ``meritpass_bench_…`` on the local server (``MERITPASS_BENCH_POSTGRES`` names the server,
default the one ``make test`` uses), dropped afterwards.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("MERITPASS_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
DATABASES = (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))


def postgres_reachable() -> bool:
    try:
        import psycopg  # noqa: PLC0415 - only the PostgreSQL rows need the driver

        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
    except Exception:  # any failure means: no PostgreSQL rows
        return False
    return True


def available() -> list[tuple[str, str]]:
    """Return the databases to measure: SQLite always, PostgreSQL when it answers."""
    if postgres_reachable():
        return list(DATABASES)
    print(f"bench: PostgreSQL at {POSTGRES} is unreachable; its rows are left out")
    return [DATABASES[0]]


@contextmanager
def fresh(database: str) -> Iterator[dict[str, str]]:
    """Yield the environment of a child process that owns a fresh, empty ``database``."""
    with tempfile.TemporaryDirectory(prefix="meritpass-bench-") as folder:
        environment = {**os.environ, "MERITPASS_DATA_DIR": folder, "MERITPASS_DB_CONN_MAX_AGE": "0"}
        environment.pop("DATABASE_URL", None)
        if database == "sqlite":
            yield environment
            return
        import psycopg  # noqa: PLC0415

        name = f"meritpass_bench_{secrets.token_hex(4)}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        try:
            yield {**environment, "DATABASE_URL": f"{POSTGRES}/{name}"}
        finally:
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_child(module: str, arguments: list[str], environment: dict[str, str]) -> Any:
    """Run ``python -m module --child …`` and return the JSON on its last line of output."""
    result = subprocess.run(
        [sys.executable, "-m", module, "--child", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def setup_django() -> None:
    """In a child: configure Django from the environment and migrate the fresh database."""
    import django  # noqa: PLC0415 - the child process owns its settings
    from django.core.management import call_command  # noqa: PLC0415

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meritpass.site.settings")
    django.setup()
    call_command("migrate", verbosity=0)


def summary(samples: list[float]) -> dict[str, float]:
    """Return median, p95 (nearest rank) and maximum of ``samples`` (milliseconds)."""
    ordered = sorted(samples)
    rank = max(math.ceil(0.95 * len(ordered)) - 1, 0)
    return {
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[rank],
        "max_ms": ordered[-1],
        "runs": len(ordered),
    }
