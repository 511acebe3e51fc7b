"""Reading inputs and writing outputs for the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Final

from meritpass.core.datetimes import parse_datetime_stamp
from meritpass.core.documents import JsonObject, JsonValue, parse_document
from meritpass.core.messages import Message

SUCCESS: Final = 0
NOT_VERIFIED: Final = 1
UNUSABLE: Final = 2

_READ_FAILED: Final = Message(
    en="cannot read {path}: {reason}", sv="kan inte läsa {path}: {reason}"
)


class CommandError(Exception):
    """A problem with the command's own arguments or files (exit code 2)."""

    def __init__(self, message: Message, **params: object) -> None:
        super().__init__(message.en.format(**params))
        self._message = message
        self._params = params

    def text(self, language: str) -> str:
        return self._message.text(language).format(**self._params)


def read_bytes(path: str) -> bytes:
    """Read a file, or standard input for ``-``."""
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise CommandError(_READ_FAILED, path=path, reason=error.strerror or error) from None


def read_document(path: str) -> JsonObject:
    """Read and strictly parse a JSON object from ``path``; the error names the file."""
    return parse_document(read_bytes(path))


def write_json(value: JsonValue, path: str | None, *, private: bool = False) -> None:
    """Write JSON to ``path`` (mode 0600 when ``private``), or to standard output."""
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    if path is None or path == "-":
        sys.stdout.write(text)
        return
    mode = 0o600 if private else 0o644
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def parse_moment(value: str) -> datetime:
    """Parse a command-line date and time (XML Schema dateTimeStamp, e.g. 2026-01-31T12:00:00Z).

    argparse names the option and exits with code 2 when this raises ``ArgumentTypeError``.
    """
    moment = parse_datetime_stamp(value)
    if moment is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date and time with a time zone, e.g. 2026-06-12T09:00:00Z"
        )
    return moment
