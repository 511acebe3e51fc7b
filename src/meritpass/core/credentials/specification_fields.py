"""Strict readers for the fields of a specification's JSON; each failure names the field.

A field is named by its JSON path (``learningOutcomes[2].skills[0]``), so a form or an API client
can point at it. Every reader raises :class:`SpecificationError` with ``params["field"]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final
from urllib.parse import urlsplit

from meritpass.core.documents import JsonObject
from meritpass.core.errors import InputError, SpecificationError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.controlled_lists import ControlledList
from meritpass.core.vocabularies.eqf import LEVELS

LANGUAGES: Final = ("sv", "en")
ESCO_SKILL: Final = re.compile(
    r"http://data\.europa\.eu/esco/skill/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z"
)
_ECTS: Final = re.compile(r"\d{1,6}(?:\.\d{1,2})?\Z", re.ASCII)
_MAX_HOURS: Final = 999_999
_URL_LIMIT: Final = 2000
#: Control characters other than tab and line breaks: invisible, and mishandled by some
#: N-Quads writers, so they never reach a signed credential.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Text:
    """A text in Swedish and English; an optional text may leave one language empty."""

    sv: str
    en: str

    def in_language(self, language: str) -> str:
        """Return the text in ``language``, or in the other language when that one is empty."""
        first, second = (self.sv, self.en) if language == "sv" else (self.en, self.sv)
        return first or second

    def to_json(self) -> JsonObject:
        return {"sv": self.sv, "en": self.en}


def child(path: str, name: str | int) -> str:
    """Return the path of member ``name`` (a key or a list index) of the value at ``path``."""
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def fail(code: str, field: str, **params: object) -> SpecificationError:
    return SpecificationError(code, field=field, **params)


def require_object(value: object, field: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise fail("specification.not_object", field)
    return value


def refuse_unknown(value: Mapping[str, object], allowed: frozenset[str], field: str) -> None:
    for name in value:
        if name not in allowed:
            raise fail("specification.unknown_field", child(field, excerpt(name)))


def present(value: Mapping[str, object], name: str) -> object | None:
    """Return member ``name``, with an absent member and ``null`` both read as None."""
    return value.get(name)


def required(value: Mapping[str, object], name: str, field: str) -> object:
    found = value.get(name)
    if found is None:
        raise fail("specification.missing_field", child(field, name))
    return found


def plain_text(value: object, field: str, *, limit: int) -> str:
    """Return a non-empty one-language text, stripped."""
    if not isinstance(value, str):
        raise fail("specification.not_text", field)
    stripped = value.strip()
    if not stripped:
        raise fail("specification.missing_field", field)
    if len(stripped) > limit:
        raise fail("specification.too_long", field, limit=limit)
    if _CONTROL.search(stripped):
        raise fail("specification.not_text", field)
    return stripped


def text(value: object, field: str, *, mandatory: bool, limit: int) -> Text | None:
    """Return a Swedish and English text; a mandatory one needs both languages."""
    if value is None:
        if mandatory:
            raise fail("specification.missing_field", field)
        return None
    members = require_object(value, field)
    refuse_unknown(members, frozenset(LANGUAGES), field)
    parts = {name: _one_language(members, name, field, limit) for name in LANGUAGES}
    if mandatory and not all(parts.values()):
        raise fail("specification.text_required", field)
    if not any(parts.values()):
        return None
    return Text(sv=parts["sv"], en=parts["en"])


def _one_language(members: Mapping[str, object], name: str, field: str, limit: int) -> str:
    raw = members.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ""
    return plain_text(raw, child(field, name), limit=limit)


def items(value: object, field: str, *, minimum: int, maximum: int) -> Sequence[object]:
    if value is None and minimum:
        raise fail("specification.missing_field", field)
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise fail("specification.not_list", field)
    if len(value) < minimum:
        raise fail("specification.empty_list", field)
    if len(value) > maximum:
        raise fail("specification.too_many", field, limit=maximum)
    return value


def distinct(values: Sequence[str], field: str) -> tuple[str, ...]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise fail("specification.duplicate", child(field, index), value=excerpt(value))
        seen.add(value)
    return tuple(values)


def esco_skill(value: object, field: str) -> str:
    if not isinstance(value, str) or not ESCO_SKILL.match(value):
        raise fail("specification.not_esco_skill", field)
    return value


def term(value: object, field: str, vocabulary: ControlledList) -> str:
    if not isinstance(value, str):
        raise fail("specification.not_text", field)
    try:
        return vocabulary.term(value).uri
    except InputError:
        raise fail(
            "specification.unknown_term", field, value=excerpt(value), vocabulary=vocabulary.key
        ) from None


def level(value: object, field: str, *, code: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
        raise fail(code, field)
    return value


def ects(value: object, field: str) -> Decimal | None:
    """Return ECTS credits: a positive decimal with at most two decimals (string or number)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise fail("specification.ects", field)
    written = str(value).strip()
    if not _ECTS.match(written) or Decimal(written) <= 0:
        raise fail("specification.ects", field)
    return Decimal(written)


def hours(value: object, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= _MAX_HOURS:
        raise fail("specification.hours", field)
    return value


def field_of_education(value: object, field: str) -> str:
    if not isinstance(value, str) or not isced_f.is_field(value):
        raise fail("specification.field_of_education", field, value=excerpt(str(value)))
    return value


def language(value: object, field: str) -> str:
    if not isinstance(value, str) or value not in LANGUAGES:
        raise fail("specification.language", field)
    return value


def homepage(value: object, field: str) -> str:
    if not isinstance(value, str) or len(value) > _URL_LIMIT or any(c.isspace() for c in value):
        raise fail("specification.homepage", field)
    try:
        parts = urlsplit(value)
    except ValueError:
        raise fail("specification.homepage", field) from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise fail("specification.homepage", field)
    return value
