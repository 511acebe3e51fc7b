"""What is wrong with an ESCO source, by file and line, and the error that carries it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from meritpass.core.errors import InputError

#: Past this many problems the import stops looking: the source is clearly not usable.
MAX_PROBLEMS: Final = 20

MISSING_FILE = _("missing: {expected} (also looked for {expected}.gz)")
NOT_A_FOLDER = _("not a folder")
NO_PACKAGE = _("no ESCO CSV package here (no skills_en.csv, occupations_en.csv, …)")
NO_SWEDISH_TABLES = _("no Swedish mapping tables (*.csv or *.csv.gz) in this folder")
UNKNOWN_VERSION = _("cannot tell which ESCO version this is; give it with --esco-version")
BAD_GZIP = _("the gzip data is truncated or damaged ({reason})")
NOT_UTF8 = _("not valid UTF-8 (byte {position} of the line)")
NUL_CHARACTER = _("contains a NUL character, which no text may hold")
UNREADABLE = _("cannot be read: {reason}")
BAD_CSV = _("cannot be read as CSV: {reason}")
EMPTY_FILE = _("the file is empty")
MISSING_COLUMN = _("the header lacks the column {column}")
FIELD_COUNT = _("has {found} fields; the header has {expected}")
EMPTY_VALUE = _("{column} is empty")
TOO_LONG = _("{column} is longer than {limit} characters")
NOT_ONE_OF = _("{column} “{value}” is not one of {allowed}")
BAD_URI = _("{column} “{value}” is not an ESCO {what} URI")
BAD_DATE = _("{column} “{value}” is not a date")
DUPLICATE = _("{uri} appears a second time (first at {first})")
UNKNOWN_CONCEPT = _("{column} {uri} is not a {what} of this ESCO package")
CONFLICT = _("{first} and {second} are listed twice with different relation types")
TOO_MANY_MISSING = _(
    "{count} occupations in broaderRelationsOccPillar.csv are missing from occupations_en.csv; "
    "is that file complete?"
)
NO_SWEDISH_HEADER = _("no header line starting with “Classification 1 URI”")
NOT_SWEDISH = _("the table's language is “{language}”, not sv")
GAVE_UP = _("more than {limit} problems; stopped looking")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the source: where it is and why it cannot be used."""

    where: str
    line: int | None
    reason: Promise | str
    params: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        """Return ``file:line: reason`` in the active language."""
        place = self.where if self.line is None else f"{self.where}:{self.line}"
        return f"{place}: {str(self.reason).format(**self.params)}"


class EscoImportError(InputError):
    """The ESCO source cannot be imported; nothing was written."""

    default_code = "esco.import_failed"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.default_code, count=len(self.problems))

    def lines(self) -> list[str]:
        """Return one line per problem, in the active language."""
        return [problem.text() for problem in self.problems]

    def message(self, language: str = "en") -> str:
        with override(language):
            return "; ".join(self.lines())


class ProblemLog:
    """Collects problems while a source is read, and gives up after ``MAX_PROBLEMS``."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def add(self, where: str, line: int | None, reason: Promise | str, /, **params: object) -> None:
        """Record a problem; raise at once when there are too many to be worth listing."""
        self.problems.append(Problem(where, line, reason, params))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(Problem(where, None, GAVE_UP, {"limit": MAX_PROBLEMS}))
            raise EscoImportError(self.problems)

    def raise_if_any(self) -> None:
        """Raise the collected problems, if there are any."""
        if self.problems:
            raise EscoImportError(self.problems)
