"""The ``meritpass`` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    del argv
    print("meritpass: no commands yet", file=sys.stderr)
    return 2
