"""Time skill and occupation search over the full ESCO data, on SQLite and on PostgreSQL.

Each database is a throw-away one, filled by the real importer in a child process with its own
settings: a fresh SQLite file, or a fresh PostgreSQL database ``meritpass_search_…`` on the local
server (``MERITPASS_BENCH_POSTGRES`` names the server), dropped afterwards. The child migrates and
imports (not timed), warms up, then runs every query of ``QUERIES`` many times through
``meritpass.taxonomy.search.search`` with the default limit, as the autocomplete and the API do.
The issue's target: p95 ≤ 20 ms on either database.

    python -m bench.esco_search          # prints the rows as JSON
    python -m bench.esco_search --quick  # fewer runs
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
#: The issue's target for the 95th percentile of every row (milliseconds).
TARGETS = {f"esco.search.{database}": 20.0 for database in ("sqlite", "postgresql")}
#: Realistic queries, as (language, text): full words, prefixes as typed, and typos.
QUERIES: tuple[tuple[str, str], ...] = (
    # Swedish: whole words
    ("sv", "svetsare"),
    ("sv", "snickare"),
    ("sv", "kommunikation"),
    ("sv", "kundservice"),
    ("sv", "projektledning"),
    ("sv", "sjuksköterska"),
    ("sv", "programmering"),
    ("sv", "lagerarbetare"),
    ("sv", "truckförare"),
    ("sv", "ledarskap"),
    ("sv", "körkort"),
    # Swedish: prefixes
    ("sv", "svets"),
    ("sv", "projektled"),
    ("sv", "progr"),
    ("sv", "sjukskö"),
    ("sv", "kundserv"),
    ("sv", "elektr"),
    ("sv", "bygg"),
    # Swedish: typos
    ("sv", "sjukskoterska"),
    ("sv", "snikare"),
    ("sv", "projektleding"),
    ("sv", "kommunikaton"),
    # English: whole words
    ("en", "welding"),
    ("en", "carpenter"),
    ("en", "nurse"),
    ("en", "communication"),
    ("en", "python"),
    ("en", "excel"),
    ("en", "project management"),
    ("en", "customer service"),
    ("en", "teamwork"),
    ("en", "electrician"),
    # English: prefixes
    ("en", "weld"),
    ("en", "proj manag"),
    ("en", "carpentr"),
    ("en", "customer serv"),
    ("en", "manage"),
    ("en", "spread"),
    ("en", "javas"),
    # English: typos
    ("en", "project managment"),
    ("en", "pyton"),
    ("en", "comunication"),
    ("en", "electrican"),
    ("en", "carpnter"),
)
Row = dict[str, Any]


def measure(*, runs: int = 30) -> list[Row]:
    """Time every query ``runs`` times on SQLite and, if reachable, on PostgreSQL."""
    rows = _rows("sqlite", "SQLite", _run_sqlite(runs))
    if _postgres_reachable():
        rows += _rows("postgresql", "PostgreSQL", _run_postgres(runs))
    else:
        print(f"esco search: PostgreSQL at {POSTGRES} is unreachable; its rows are left out")
    return rows


def _rows(key: str, name: str, samples: dict[str, list[float]]) -> list[Row]:
    every = samples["sv"] + samples["en"]
    what = f"{len(QUERIES)} queries (words, prefixes, typos), full ESCO, {name}"
    return [
        {"id": f"esco.search.{key}", "what": f"search, sv + en: {what}", **_statistics(every)},
        {
            "id": f"esco.search.{key}.sv",
            "what": f"search, sv only, {name}",
            **_statistics(samples["sv"]),
        },
        {
            "id": f"esco.search.{key}.en",
            "what": f"search, en only, {name}",
            **_statistics(samples["en"]),
        },
        {
            "id": f"esco.search.{key}.slowest",
            "what": f"slowest query's median, {name}: {samples['slowest_query'][0]}",
            **_statistics(samples["slowest"]),
        },
    ]


def _statistics(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    median = statistics.median(ordered)

    def percentile(share: float) -> float:
        return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]

    return {
        "median_ms": median,
        "p50_ms": median,
        "p95_ms": percentile(0.95),
        "max_ms": ordered[-1],
        "runs": len(ordered),
    }


def _run_sqlite(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="meritpass-bench-") as folder:
        environment = {**os.environ, "MERITPASS_DATA_DIR": folder}
        environment.pop("DATABASE_URL", None)
        return _child(environment, runs)


def _run_postgres(runs: int) -> dict[str, Any]:
    import psycopg  # noqa: PLC0415 - only the PostgreSQL rows need the driver

    name = f"meritpass_search_{secrets.token_hex(4)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="meritpass-bench-") as folder:
            environment = {
                **os.environ,
                "MERITPASS_DATA_DIR": folder,
                "DATABASE_URL": f"{POSTGRES}/{name}",
            }
            return _child(environment, runs)
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


def _child(environment: dict[str, str], runs: int) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.esco_search", "--child", str(runs)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    samples: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return samples


def _search_many(runs: int) -> dict[str, Any]:
    """In the child: migrate, import, then time every query ``runs`` times after a warm-up."""
    import django  # noqa: PLC0415 - the child process owns its settings
    from django.core.management import call_command  # noqa: PLC0415

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meritpass.site.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    from meritpass.taxonomy.importer import bundled, import_esco  # noqa: PLC0415
    from meritpass.taxonomy.search import search  # noqa: PLC0415

    import_esco(bundled())
    for language, text in QUERIES:
        search(text, language=language)
    samples: dict[str, list[float]] = {"sv": [], "en": []}
    by_query: dict[str, list[float]] = {}
    for _ in range(runs):
        for language, text in QUERIES:
            started = time.perf_counter()
            search(text, language=language)
            elapsed = (time.perf_counter() - started) * 1000
            samples[language].append(elapsed)
            by_query.setdefault(f"{language}:{text}", []).append(elapsed)
    slowest = max(by_query, key=lambda query: statistics.median(by_query[query]))
    return {**samples, "slowest": by_query[slowest], "slowest_query": [slowest]}


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_search_many(int(sys.argv[sys.argv.index("--child") + 1]))))
    else:
        print(json.dumps(measure(runs=5 if "--quick" in sys.argv else 30), indent=2))
