"""The benchmark runs (few iterations) and its report states targets and baselines."""

from __future__ import annotations

from bench import measure, report


def test_the_benchmark_measures_every_row_and_reports_targets() -> None:
    rows = measure.all_rows(quick=True)
    ids = {row["id"] for row in rows}
    proof_targets = {
        row_id for row_id, _, _ in report.TARGETS if not row_id.startswith(("esco.", "bulk."))
    }
    assert proof_targets <= ids
    assert {"ed25519.verify", "rdfc.plain_pyld", "rdfc.meritpass"} <= ids
    assert all(row["median_ms"] > 0 and row["p95_ms"] >= row["median_ms"] for row in rows)
    text = report.markdown(
        {
            "when": "now",
            "machine": {"cpus": 2, "platform": "test", "python": "3"},
            "credential": measure.credential_facts(),
            "rows": rows,
            "reference": None,
        }
    )
    assert "## Targets" in text
    assert "`eddsa-rdfc-2022.verify` median ≤ 2.50 ms" in text
    assert "`esco.search.sqlite` p95 ≤ 20.00 ms: **not measured in this run**" in text
