"""``make bench``: time signing, verification, ESCO and bulk issuing beside their baselines.

Every figure is the median (and 95th percentile) of many warm runs on this machine. The baselines
are measured in the same run: raw Ed25519 (PyNaCl); canonicalization with plain PyLD and
pyoxigraph; the JavaScript reference implementation when Node and ``interop/js/node_modules`` are
present; and for ESCO, CSV parsing alone and a single indexed lookup. ``--quick`` leaves the ESCO
rows out and uses few runs. Results go to ``bench/results.json`` and
``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import bulk_issue, esco_import, esco_search, measure, report

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    started = datetime.now(UTC)
    results = {
        "when": started.isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": measure.cpu_count(),
        },
        "credential": measure.credential_facts(),
        "rows": [
            *measure.all_rows(quick=quick),
            *([] if quick else esco_import.measure()),
            *([] if quick else esco_search.measure()),
            *([] if quick else bulk_issue.measure()),
        ],
        "reference": measure.javascript_reference(quick=quick),
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    markdown = report.markdown(results)
    if not quick:
        (ROOT / "docs" / "benchmarks.md").write_text(markdown)
    print(markdown)
    return 0 if report.targets_met(results) or quick else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
