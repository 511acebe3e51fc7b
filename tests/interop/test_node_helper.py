"""The Python side of the harness fails loudly instead of hanging or mixing up answers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.interop.node import HarnessError, NodeHarness

pytestmark = [pytest.mark.interop, pytest.mark.xdist_group("interop")]


def fake_harness(program: str) -> NodeHarness:
    process = subprocess.Popen(
        [sys.executable, "-c", program],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    return NodeHarness(process, timeout=0.5)


def test_gives_up_on_a_harness_that_does_not_answer() -> None:
    with fake_harness("import time; time.sleep(30)") as harness:
        with pytest.raises(HarnessError, match=r"no response within 0\.5 s"):
            harness.ping()
        with pytest.raises(HarnessError, match="not running"):
            harness.ping()


def test_reports_a_harness_that_exits_with_its_stderr() -> None:
    program = "import sys; sys.stdin.readline(); sys.stderr.write('boom')"
    with fake_harness(program) as harness, pytest.raises(HarnessError) as failure:
        harness.ping()
    assert "the harness exited" in str(failure.value)
    assert "boom" in str(failure.value)


def test_refuses_an_answer_to_another_request() -> None:
    program = 'import sys; sys.stdin.readline(); print(\'{"id": 99, "ok": true}\', flush=True)'
    with fake_harness(program) as harness, pytest.raises(HarnessError, match="does not answer"):
        harness.ping()
