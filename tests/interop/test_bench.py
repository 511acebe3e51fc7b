"""The reference benchmark still runs and reports every figure ``make bench`` shows."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.interop.node import JS_DIR, missing_requirement

pytestmark = [pytest.mark.interop, pytest.mark.xdist_group("interop")]


def test_bench_reports_median_and_p95_for_each_operation() -> None:
    reason = missing_requirement()
    if reason is not None:
        pytest.skip(reason)
    run = subprocess.run(
        ["node", "bench.mjs", "--iterations", "3", "--warmup", "1"],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(run.stdout)
    operations = {
        (group, operation): figures
        for group, results in report["results"].items()
        for operation, figures in results.items()
    }
    assert set(operations) == {
        ("eddsa-rdfc-2022", "sign"),
        ("eddsa-rdfc-2022", "verify"),
        ("eddsa-jcs-2022", "sign"),
        ("eddsa-jcs-2022", "verify"),
        ("rdfc-1.0-canonize", "canonize"),
        ("did-key-resolve", "resolve"),
        ("ed25519-raw", "sign"),
        ("ed25519-raw", "verify"),
    }
    for figures in operations.values():
        assert figures["n"] == 3
        assert 0 < figures["min_ms"] <= figures["median_ms"] <= figures["p95_ms"]
    assert report["credential"]["path"].endswith("ob3-microcredential.json")
