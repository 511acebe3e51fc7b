"""Time skill and occupation search over the full ESCO data, on SQLite and on PostgreSQL.

Each database is a throw-away one (see ``bench/databases.py``), filled by the real importer in a
child process. The child migrates and imports (not timed), warms up, then runs every query of
``QUERIES`` many times through ``meritpass.taxonomy.search.search`` with the default limit, as the
autocomplete and the API do, beside a baseline measured in the same process: fetching one concept
by its URI (one indexed lookup). The issue's target: p95 ≤ 20 ms on either database.

    python -m bench.esco_search          # prints the rows as JSON
    python -m bench.esco_search --quick  # fewer runs
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

from bench.databases import available, fresh, run_child, setup_django, summary

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
    """Time every query ``runs`` times on each available database."""
    rows: list[Row] = []
    for key, name in available():
        with fresh(key) as environment:
            rows += _rows(key, name, run_child("bench.esco_search", [str(runs)], environment))
    return rows


def _rows(key: str, name: str, samples: dict[str, list[float]]) -> list[Row]:
    every = samples["sv"] + samples["en"]
    lookup = {
        "id": f"esco.lookup.{key}",
        "what": f"baseline: fetch one concept by URI (one indexed query), {name}",
        **summary(samples["lookup"]),
    }
    what = f"{len(QUERIES)} queries (words, prefixes, typos), full ESCO, {name}"
    return [
        lookup,
        {"id": f"esco.search.{key}", "what": f"search, sv + en: {what}", **summary(every)},
        {
            "id": f"esco.search.{key}.sv",
            "what": f"search, sv only, {name}",
            **summary(samples["sv"]),
        },
        {
            "id": f"esco.search.{key}.en",
            "what": f"search, en only, {name}",
            **summary(samples["en"]),
        },
        {
            "id": f"esco.search.{key}.slowest",
            "what": f"slowest query's median, {name}: {samples['slowest_query'][0]}",
            **summary(samples["slowest"]),
        },
    ]


def _search_many(runs: int) -> dict[str, Any]:
    """In the child: migrate, import, then time every query ``runs`` times after a warm-up."""
    setup_django()
    from meritpass.taxonomy.importer import bundled, import_esco  # noqa: PLC0415
    from meritpass.taxonomy.search import search  # noqa: PLC0415

    import_esco(bundled())
    for language, text in QUERIES:
        search(text, language=language)
    baseline = _lookups(runs * len(QUERIES))
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
    return {
        **samples,
        "slowest": by_query[slowest],
        "slowest_query": [slowest],
        "lookup": baseline,
    }


def _lookups(count: int) -> list[float]:
    """Time fetching one concept by URI: one indexed query, the floor under any search."""
    from meritpass.taxonomy.models import Concept  # noqa: PLC0415

    uris = list(Concept.objects.values_list("uri", flat=True)[:500])
    timings = []
    for index in range(count):
        started = time.perf_counter()
        Concept.objects.filter(uri=uris[index % len(uris)]).first()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_search_many(int(sys.argv[sys.argv.index("--child") + 1]))))
    else:
        print(json.dumps(measure(runs=5 if "--quick" in sys.argv else 30), indent=2))
