"""Turn the measurements into docs/benchmarks.md, with targets and ratios to same-run baselines."""

from __future__ import annotations

from typing import Any

from bench import bulk_issue, esco_import, esco_search

Row = dict[str, Any]

#: (row id, statistic, limit in ms): the issues' targets on this 2-core machine.
TARGETS: list[tuple[str, str, float]] = [
    ("eddsa-rdfc-2022.sign", "median_ms", 2.5),
    ("eddsa-rdfc-2022.verify", "median_ms", 2.5),
    ("eddsa-jcs-2022.verify", "median_ms", 0.4),
    *((row, "median_ms", limit) for row, limit in esco_import.TARGETS.items()),
    *((row, "p95_ms", limit) for row, limit in esco_search.TARGETS.items()),
    *((row, "median_ms", limit) for row, limit in bulk_issue.TARGETS.items()),
]
REFERENCE_KEYS = {
    "eddsa-rdfc-2022.sign": ("eddsa-rdfc-2022", "sign"),
    "eddsa-rdfc-2022.verify": ("eddsa-rdfc-2022", "verify"),
    "eddsa-jcs-2022.sign": ("eddsa-jcs-2022", "sign"),
    "eddsa-jcs-2022.verify": ("eddsa-jcs-2022", "verify"),
}


def reference_ms(results: dict[str, Any], row_id: str) -> float | None:
    reference = results.get("reference")
    if not reference or row_id not in REFERENCE_KEYS:
        return None
    suite, operation = REFERENCE_KEYS[row_id]
    value = reference["results"].get(suite, {}).get(operation, {}).get("median_ms")
    return float(value) if value is not None else None


def verdicts(results: dict[str, Any]) -> list[tuple[str, str, float, float | None]]:
    """Return (row, statistic, limit, measured) for every target; measured is None when absent."""
    rows = {row["id"]: row for row in results["rows"]}
    return [
        (row_id, statistic, limit, rows[row_id][statistic] if row_id in rows else None)
        for row_id, statistic, limit in TARGETS
    ]


def targets_met(results: dict[str, Any]) -> bool:
    return all(value is not None and value <= limit for _, _, limit, value in verdicts(results))


def markdown(results: dict[str, Any]) -> str:
    rows = {row["id"]: row for row in results["rows"]}
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); every figure below comes from one run on one",
        "machine, so the ratios compare like with like. Medians and 95th percentiles of warm runs.",
        "",
        f"- When: {results['when']}",
        f"- Machine: {results['machine']['cpus']} CPUs, {results['machine']['platform']}, "
        f"Python {results['machine']['python']}",
        f"- Credential: `{results['credential']['path']}` "
        f"({results['credential']['bytes']} bytes), a typical Open Badges 3.0 micro-credential",
        "",
        "## Sign and verify",
        "",
        "| operation | median | p95 | ratio to raw Ed25519 verify | JS reference median "
        "| Meritpass / JS |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            _proof_row(row, rows["ed25519.verify"]["median_ms"], reference_ms(results, row["id"]))
            for row in results["rows"]
            if not row["id"].startswith(("esco.", "bulk."))
        ),
        *_reference_section(results),
        *_esco_section(rows),
        *_bulk_section(rows),
        "",
        "## Targets",
        "",
        *(_verdict(*verdict) for verdict in verdicts(results)),
        "",
    ]
    if "rdfc.plain_pyld" in rows:
        lines += [
            "Plain PyLD canonicalization (`rdfc.plain_pyld`) is the baseline DESIGN §7 describes; "
            "Meritpass's canonicalization takes "
            f"{_share(rows, 'rdfc.meritpass', 'rdfc.plain_pyld')} of its time in this run.",
            "",
        ]
    return "\n".join(lines)


def _proof_row(row: Row, ed_verify: float, reference: float | None) -> str:
    reference_text = f"{reference:.3f} ms" if reference is not None else "—"
    ratio = f"{row['median_ms'] / reference:.2f}" if reference else "—"
    return (
        f"| {row['what']} | {row['median_ms']:.3f} ms | {row['p95_ms']:.3f} ms | "
        f"{row['median_ms'] / ed_verify:.1f} | {reference_text} | {ratio} |"
    )


def _esco_section(rows: dict[str, Row]) -> list[str]:
    esco = [row for row_id, row in rows.items() if row_id.startswith("esco.")]
    if not esco:
        return ["", "The ESCO import and search were not measured in this run (`--quick`)."]
    lines = [
        "",
        "## Skills and levels: ESCO import and search",
        "",
        "Baselines from the same child process: reading and parsing every CSV row without writing "
        "(`esco.read.*`) for the imports, one indexed lookup of a concept by URI "
        "(`esco.lookup.*`) for search.",
        "",
        "| operation | median | p95 | max | ratio of median to baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in esco:
        baseline = _baseline_of(row["id"], rows)
        ratio = f"{row['median_ms'] / baseline['median_ms']:.1f}" if baseline else "—"
        maximum = _ms(row["max_ms"]) if "max_ms" in row else "—"
        median, p95 = _ms(row["median_ms"]), _ms(row["p95_ms"])
        lines.append(f"| {row['what']} | {median} | {p95} | {maximum} | {ratio} |")
    return lines


def _bulk_section(rows: dict[str, Row]) -> list[str]:
    bulk = [row for row_id, row in rows.items() if row_id.startswith("bulk.")]
    if not bulk:
        return ["", "Bulk issuing was not measured in this run (`--quick`)."]
    lines = [
        "",
        "## Bulk issuing",
        "",
        "A fresh database per run; the trust chain is built through the services (not timed). The "
        "baseline (`bulk.sign.*`) signs the same credential, its endorsements embedded, with one "
        "key in one process: the floor under issuing, which also validates, allocates status "
        "indexes and stores. Per credential, end to end is compared with it.",
        "",
        "| operation | median | p95 | credentials per second | per credential / signing |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in bulk:
        database = row["id"].split(".")[2]
        sign = rows.get(f"bulk.sign.{database}")
        per_second = f"{row['per_second']:.0f}" if "per_second" in row else "—"
        ratio = "—"
        if sign and row["id"].startswith("bulk.issue.") and "per_second" in row:
            ratio = f"{(1000 / row['per_second']) / sign['median_ms']:.2f}"
        median, p95 = _ms(row["median_ms"]), _ms(row["p95_ms"])
        lines.append(f"| {row['what']} | {median} | {p95} | {per_second} | {ratio} |")
    return lines


def _baseline_of(row_id: str, rows: dict[str, Row]) -> Row | None:
    database = row_id.split(".")[2]
    if row_id.startswith(("esco.import.", "esco.reimport.")):
        return rows.get(f"esco.read.{database}")
    if row_id.startswith("esco.search."):
        return rows.get(f"esco.lookup.{database}")
    return None


def _ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.2f} ms"


def _verdict(row_id: str, statistic: str, limit: float, value: float | None) -> str:
    name = statistic.removesuffix("_ms")
    if value is None:
        return f"- `{row_id}` {name} ≤ {_ms(limit)}: **not measured in this run**"
    state = "**met**" if value <= limit else "**missed**"
    return f"- `{row_id}` {name} ≤ {_ms(limit)}: {_ms(value)} — {state}"


def _share(rows: dict[str, Row], part: str, whole: str) -> str:
    return f"{rows[part]['median_ms'] / rows[whole]['median_ms']:.1%}"


def _reference_section(results: dict[str, Any]) -> list[str]:
    reference = results.get("reference")
    if not reference:
        return [
            "",
            "The JavaScript reference was not measured "
            "(Node or `interop/js/node_modules` missing).",
        ]
    canonize = reference["results"].get("rdfc-1.0-canonize", {}).get("canonize", {})
    raw = reference["results"].get("ed25519", {})
    lines = [
        "",
        "### The JavaScript reference in the same run",
        "",
        f"{reference['implementation']}, Node {reference['node']}, "
        f"{reference['iterations']} iterations after {reference['warmup']} warm-up.",
        "",
    ]
    if canonize:
        lines.append(f"- RDFC-1.0 canonicalization alone: {canonize['median_ms']:.3f} ms median")
    for name, figures in raw.items():
        if isinstance(figures, dict) and "median_ms" in figures:
            lines.append(f"- raw Ed25519 {name}: {figures['median_ms']:.3f} ms median")
    return lines
