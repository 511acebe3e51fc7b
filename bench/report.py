"""Turn the measurements into docs/benchmarks.md, with targets and ratios to same-run baselines."""

from __future__ import annotations

from typing import Any

#: The issue's targets on this 2-core machine (median milliseconds).
TARGETS = {
    "eddsa-rdfc-2022.sign": 2.5,
    "eddsa-rdfc-2022.verify": 2.5,
    "eddsa-jcs-2022.verify": 0.4,
}
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


def targets_met(results: dict[str, Any]) -> bool:
    rows = {row["id"]: row for row in results["rows"]}
    return all(rows[row_id]["median_ms"] <= limit for row_id, limit in TARGETS.items())


def markdown(results: dict[str, Any]) -> str:
    rows = {row["id"]: row for row in results["rows"]}
    ed_verify = rows["ed25519.verify"]["median_ms"]
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
        "| Meritpass / JS | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in results["rows"]:
        lines.append(_row(row, ed_verify, reference_ms(results, row["id"])))
    lines += _reference_section(results)
    lines += [
        "",
        "## Targets",
        "",
        *[
            f"- `{row_id}` ≤ {limit} ms: {rows[row_id]['median_ms']:.3f} ms — "
            + ("**met**" if rows[row_id]["median_ms"] <= limit else "**missed**")
            for row_id, limit in TARGETS.items()
        ],
        "",
        "Plain PyLD canonicalization (`rdfc.plain_pyld`) is the baseline DESIGN §7 describes; "
        f"Meritpass's canonicalization takes {_ratio(rows, 'rdfc.meritpass', 'rdfc.plain_pyld')} "
        "of its time in this run.",
        "",
    ]
    return "\n".join(lines)


def _ratio(rows: dict[str, Any], part: str, whole: str) -> str:
    return f"{rows[part]['median_ms'] / rows[whole]['median_ms']:.1%}"


def _row(row: dict[str, Any], ed_verify: float, reference: float | None) -> str:
    target = TARGETS.get(row["id"])
    target_text = (
        f"≤ {target} ms {'✓' if row['median_ms'] <= target else '✗'}" if target is not None else ""
    )
    reference_text = f"{reference:.3f} ms" if reference is not None else "—"
    ratio = f"{row['median_ms'] / reference:.2f}" if reference else "—"
    return (
        f"| {row['what']} | {row['median_ms']:.3f} ms | {row['p95_ms']:.3f} ms | "
        f"{row['median_ms'] / ed_verify:.1f} | {reference_text} | {ratio} | {target_text} |"
    )


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
        "## The JavaScript reference in the same run",
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
