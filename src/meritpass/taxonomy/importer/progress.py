"""A progress bar for long imports, drawn on a terminal and silent everywhere else."""

from __future__ import annotations

import time
from typing import Final, Protocol, TextIO

from django.utils.functional import Promise

_WIDTH: Final = 30
#: Redraw at most this often (seconds), so drawing never costs noticeable time.
_INTERVAL: Final = 0.1


class Progress(Protocol):
    """Told about each stage of an import and how far it has come."""

    def start(self, stage: Promise | str, total: int) -> None: ...

    def advance(self, amount: int = 1) -> None: ...

    def finish(self) -> None: ...


class Silent:
    """Progress that shows nothing (not a terminal, tests)."""

    def start(self, stage: Promise | str, total: int) -> None:
        """Ignore the stage."""

    def advance(self, amount: int = 1) -> None:
        """Ignore the step."""

    def finish(self) -> None:
        """Ignore the end."""


class Bar:
    """A one-line bar on ``stream``: ``Writing ESCO data  [#######.......]  48%``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._stage = ""
        self._total = 1
        self._done = 0
        self._drawn_at = 0.0

    def start(self, stage: Promise | str, total: int) -> None:
        """Begin a stage of ``total`` steps."""
        self._stage = str(stage)
        self._total = max(total, 1)
        self._done = 0
        self._draw(force=True)

    def advance(self, amount: int = 1) -> None:
        """Count ``amount`` steps done."""
        self._done = min(self._done + amount, self._total)
        self._draw(force=self._done == self._total)

    def finish(self) -> None:
        """Complete the stage and end its line."""
        self._done = self._total
        self._draw(force=True)
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self, *, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._drawn_at < _INTERVAL:
            return
        self._drawn_at = now
        filled = _WIDTH * self._done // self._total
        percent = 100 * self._done // self._total
        bar = "#" * filled + "." * (_WIDTH - filled)
        self._stream.write(f"\r{self._stage:<24} [{bar}] {percent:3d}%")
        self._stream.flush()


def for_stream(stream: TextIO) -> Progress:
    """Return a bar on ``stream`` if it is a terminal, else silent progress."""
    return Bar(stream) if stream.isatty() else Silent()
