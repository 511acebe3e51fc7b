"""The core never reads the clock or the environment and never opens files or sockets itself.

import-linter forbids the imports (Django, database drivers, network libraries); this test forbids
the calls that need no special import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "src" / "meritpass" / "core"
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("os", "getenv"),
    ("os", "urandom"),
}
FORBIDDEN_NAMES = {"open", "input", "print"}
FORBIDDEN_ATTRIBUTES = {("os", "environ")}


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in FORBIDDEN_NAMES
        ):
            found.append(f"{node.func.id}() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            pair = (node.value.id, node.attr)
            if pair in FORBIDDEN_CALLS or pair in FORBIDDEN_ATTRIBUTES:
                found.append(f"{'.'.join(pair)} at line {node.lineno}")
    return sorted(found, key=lambda offence: int(offence.rsplit(" ", 1)[1]))


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_reads_nothing_from_outside(path: Path) -> None:
    assert offences(path) == []


def test_the_scan_catches_a_clock_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from datetime import datetime\nstamp = datetime.now()\nopen('x')\n")
    assert offences(sample) == ["datetime.now at line 2", "open() at line 3"]
