"""Checks on the fields of a source row; a failed check is a problem with file and line."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meritpass.taxonomy.importer import problems
from meritpass.taxonomy.importer.files import Table
from meritpass.taxonomy.importer.problems import ProblemLog

#: The longest label and code the database holds (``Label.text``, ``Concept.code``).
MAX_LABEL: Final = 400
MAX_CODE: Final = 40
_UUID: Final = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_ESCO: Final = r"http://data\.europa\.eu/esco/"
SKILL_URI: Final = re.compile(rf"{_ESCO}skill/{_UUID}\Z")
SKILL_GROUP_URI: Final = re.compile(rf"{_ESCO}(?:skill/{_UUID}|isced-f/\d{{2,4}})\Z")
OCCUPATION_URI: Final = re.compile(rf"{_ESCO}occupation/{_UUID}\Z")
ISCO_URI: Final = re.compile(rf"{_ESCO}isco/C\d{{1,4}}\Z")
#: Any concept URI the Swedish tables may name.
ANY_CONCEPT_URI: Final = re.compile(rf"{_ESCO}(?:skill|occupation|isco|isced-f)/[A-Za-z0-9-]+\Z")
_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\Z")

WHAT_SKILL = _("skill")
WHAT_SKILL_GROUP = _("skill group")
WHAT_OCCUPATION = _("occupation")
WHAT_ISCO_GROUP = _("ISCO group")


def clean_label(text: str) -> str:
    """Return a label with surrounding and repeated whitespace (no-break spaces too) removed."""
    return " ".join(text.split())


class Row:
    """One record of a table; its checks add problems and clear ``ok``."""

    __slots__ = ("fields", "line", "log", "ok", "table")

    def __init__(self, table: Table, line: int, fields: list[str], log: ProblemLog) -> None:
        self.table = table
        self.line = line
        self.fields = fields
        self.log = log
        self.ok = True

    def problem(self, reason: Promise | str, **params: object) -> None:
        """Record a problem on this row."""
        self.ok = False
        self.log.add(self.table.name, self.line, reason, **params)

    def text(self, column: str) -> str:
        """Return the value of ``column`` without surrounding whitespace ("" if absent)."""
        index = self.table.index(column)
        return "" if index is None else self.fields[index].strip()

    def uri(self, column: str, pattern: re.Pattern[str], what: Promise) -> str:
        """Return the URI in ``column`` if it has the form of an ESCO ``what``."""
        value = self.text(column)
        if not pattern.match(value):
            self.problem(problems.BAD_URI, column=column, value=value, what=what)
        return value

    def choice(self, column: str, allowed: Collection[str]) -> str:
        """Return the value of ``column`` if it is one of ``allowed``."""
        value = self.text(column)
        if value not in allowed:
            listed = ", ".join(f"“{option}”" for option in allowed)
            self.problem(problems.NOT_ONE_OF, column=column, value=value, allowed=listed)
        return value

    def label(self, column: str) -> str:
        """Return the non-empty label in ``column``, whitespace cleaned."""
        value = clean_label(self.text(column))
        if not value:
            self.problem(problems.EMPTY_VALUE, column=column)
        return self.short(column, value, MAX_LABEL)

    def labels(self, column: str) -> list[str]:
        """Return the labels listed one per line in ``column``, each cleaned, without repeats."""
        values = dict.fromkeys(clean_label(part) for part in self.text(column).split("\n"))
        return [self.short(column, value, MAX_LABEL) for value in values if value]

    def short(self, column: str, value: str, limit: int) -> str:
        """Return ``value`` if it has at most ``limit`` characters."""
        if len(value) > limit:
            self.problem(problems.TOO_LONG, column=column, limit=limit)
        return value

    def date(self, column: str) -> date | None:
        """Return the date of an ISO 8601 date or date-time in ``column`` (None if empty)."""
        value = self.text(column)
        if not value:
            return None
        match = _DATE.match(value)
        try:
            if match:
                year, month, day = (int(part) for part in match.groups())
                return date(year, month, day)
        except ValueError:
            pass
        self.problem(problems.BAD_DATE, column=column, value=value)
        return None
