"""The ``meritpass`` command: keys, signing, verification and status lists.

Exit codes: 0 success (verified), 1 not verified (or a status is set), 2 unusable input; every
error is one line on stderr in the chosen language (``--lang``, else ``LANG``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from meritpass.cli import esco, keys, status, vc
from meritpass.cli.output import UNUSABLE, CommandError
from meritpass.core.errors import MeritpassError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    language: str = arguments.lang
    try:
        code: int = arguments.run(arguments)
    except MeritpassError as error:
        print(f"meritpass: {error.message(language)}", file=sys.stderr)
        return UNUSABLE
    except CommandError as error:
        print(f"meritpass: {error.text(language)}", file=sys.stderr)
        return UNUSABLE
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meritpass", description="Micro-credentials as W3C Verifiable Credentials."
    )
    parser.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv" if os.environ.get("LANG", "").startswith("sv") else "en",
        help="language of messages (default from LANG)",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    keys.register(commands)
    vc_parser = commands.add_parser("vc", help="sign, verify and check the status of credentials")
    vc_commands = vc_parser.add_subparsers(required=True, metavar="COMMAND")
    vc.register(vc_commands)
    status.register(vc_commands)
    esco.register(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
