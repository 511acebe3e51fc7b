"""The candidate queries of skill and occupation search, one implementation per database.

Every query is parameterised. User text reaches FTS5 and ``to_tsquery`` only as quoted words made
by ``normalize``, and ``LIKE`` patterns are escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Final, NamedTuple, Protocol

from django.db import connection as default_connection
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

#: Typo candidates from ``pg_trgm``: low enough that one edit in a word of four letters or more,
#: and two in a word of eight or more, still pass (the exact distance is checked afterwards).
POSTGRES_SIMILARITY: Final = 0.19
POSTGRES_SIMILAR_WORDS: Final = 48
LANGUAGES: Final = ("sv", "en")
#: Labels one candidate query ranks at most (see ``_SELECT``).
MAX_LABEL_MATCHES: Final = 1000


class Phrase(NamedTuple):
    """Words that must follow each other in a label; the last one may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


#: All groups must match; within a group any one phrase.
Expression = Sequence[Sequence[Phrase]]


@dataclass(frozen=True, slots=True)
class Scope:
    """Which concepts a candidate query may return, in which order, and how many labels."""

    kinds: tuple[str, ...]
    language: str
    cap: int


class Candidate(NamedTuple):
    """A label that matched, with what ranking needs of its concept."""

    concept_id: int
    label_kind: str
    language: str
    text: str
    normalized: str
    popularity: int
    code: str
    uri: str


class Backend(Protocol):
    """The candidate queries one database answers."""

    def session(self) -> AbstractContextManager[object]: ...

    def equal(self, text: str, scope: Scope) -> list[Candidate]: ...

    def starting(self, text: str, scope: Scope) -> list[Candidate]: ...

    def matching(self, expression: Expression, scope: Scope) -> list[Candidate]: ...

    def words_containing(self, fragment: str, limit: int) -> list[str]: ...

    def similar_words(self, word: str, max_distance: int) -> list[tuple[str, int]]: ...


# The inner query bounds the work for a query as common as "manage": it keeps the labels that rank
# first on what a label alone decides (its kind, its language), and only those meet the concepts.
_SELECT: Final = """
SELECT m.concept_id, m.kind, m.language, m.text, m.normalized, c.occupation_count, c.code, c.uri
FROM (
  SELECT l.concept_id, l.kind, l.language, l.text, l.normalized FROM {source}
  WHERE {condition}
  ORDER BY CASE l.kind WHEN 'preferred' THEN 0 WHEN 'alternative' THEN 1 ELSE 2 END,
    l.language <> %s
  LIMIT %s
) m {join}
WHERE c.kind IN ({kinds}) AND NOT c.obsolete
ORDER BY CASE m.kind WHEN 'preferred' THEN 0 WHEN 'alternative' THEN 1 ELSE 2 END,
  m.language <> %s, c.occupation_count DESC, length(m.normalized), c.uri
LIMIT %s"""


class _Sql:
    """What both databases share: the candidate select, exact and prefix matches."""

    join = "JOIN taxonomy_concept c ON c.id = m.concept_id"
    words_source = "taxonomy_label l"
    words_condition = ""
    prefix_condition = "l.language IN (%s, %s) AND l.normalized >= %s AND l.normalized < %s"

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection

    def session(self) -> AbstractContextManager[object]:
        return nullcontext()

    def candidates(
        self, condition: str, params: Sequence[str | int], scope: Scope, source: str = ""
    ) -> list[Candidate]:
        sql = _SELECT.format(
            source=source or "taxonomy_label l",
            condition=condition,
            join=self.join,
            kinds=", ".join(["%s"] * len(scope.kinds)),
        )
        arguments: list[str | int] = [
            *params,
            scope.language,
            MAX_LABEL_MATCHES,
            *scope.kinds,
            scope.language,
            scope.cap,
        ]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, arguments)
            return [Candidate(*row) for row in cursor.fetchall()]

    def equal(self, text: str, scope: Scope) -> list[Candidate]:
        return self.candidates(
            "l.language IN (%s, %s) AND l.normalized = %s", [*LANGUAGES, text], scope
        )

    def starting(self, text: str, scope: Scope) -> list[Candidate]:
        params = [*LANGUAGES, text, successor(text)]
        return self.candidates(self.prefix_condition, params, scope)

    def matching(self, expression: Expression, scope: Scope) -> list[Candidate]:
        params = [self.compile(expression)]
        return self.candidates(self.words_condition, params, scope, self.words_source)

    def compile(self, expression: Expression) -> str:
        raise NotImplementedError


class SqliteBackend(_Sql):
    """Candidates from SQLite's FTS5 index and the vocabulary tables."""

    words_source = "taxonomy_label_fts f JOIN taxonomy_label l ON l.id = f.rowid"
    words_condition = "taxonomy_label_fts MATCH %s"

    def compile(self, expression: Expression) -> str:
        """Return an FTS5 query in which every word is a quoted string."""

        def phrase(item: Phrase) -> str:
            quoted = " ".join(word.replace('"', '""') for word in item.words)
            return f'"{quoted}"' + ("*" if item.prefix else "")

        return " AND ".join(
            "(" + " OR ".join(phrase(item) for item in group) + ")" for group in expression
        )

    def words_containing(self, fragment: str, limit: int) -> list[str]:
        sql = """SELECT w.word FROM taxonomy_search_word_fts f
          JOIN taxonomy_search_word w ON w.id = f.rowid
          WHERE taxonomy_search_word_fts MATCH %s ORDER BY w.labels DESC LIMIT %s"""
        with self.connection.cursor() as cursor:
            cursor.execute(sql, ['"' + fragment.replace('"', '""') + '"', limit])
            return [word for (word,) in cursor.fetchall()]

    def similar_words(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        variants = sorted(deletions(word, max_distance))
        sql = f"""SELECT DISTINCT w.word, w.labels FROM taxonomy_search_deletion d
          JOIN taxonomy_search_word w ON w.id = d.word_id
          WHERE d.variant IN ({", ".join(["%s"] * len(variants))})"""  # noqa: S608 - placeholders only
        with self.connection.cursor() as cursor:
            cursor.execute(sql, variants)
            return [(found, labels) for found, labels in cursor.fetchall()]


class PostgresBackend(_Sql):
    """Candidates from PostgreSQL's full-text and trigram indexes."""

    # OFFSET 0 keeps the planner from hash-joining the whole (wide) concept table for a few
    # hundred labels; a primary-key lookup per label is several times faster.
    join = """CROSS JOIN LATERAL (
      SELECT kind, obsolete, occupation_count, code, uri FROM taxonomy_concept
      WHERE id = m.concept_id OFFSET 0) c"""
    words_condition = (
        "to_tsvector('simple'::regconfig, l.normalized) @@ to_tsquery('simple'::regconfig, %s)"
    )
    prefix_condition = (
        "l.language IN (%s, %s)"
        ' AND l.normalized COLLATE "C" >= %s AND l.normalized COLLATE "C" < %s'
    )

    @contextmanager
    def session(self) -> Iterator[None]:
        """Run the queries of one search in a transaction with search settings.

        Starting parallel workers costs more than these small queries take.
        """
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('max_parallel_workers_per_gather', '0', true),"
                " set_config('pg_trgm.similarity_threshold', %s, true)",
                [str(POSTGRES_SIMILARITY)],
            )
            yield

    def compile(self, expression: Expression) -> str:
        """Return a ``tsquery`` in which every word is a quoted lexeme."""

        def phrase(item: Phrase) -> str:
            quoted = " <-> ".join(
                "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in item.words
            )
            return quoted + (":*" if item.prefix else "")

        return " & ".join(
            "(" + " | ".join(phrase(item) for item in group) + ")" for group in expression
        )

    def words_containing(self, fragment: str, limit: int) -> list[str]:
        escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql = (
            "SELECT word FROM taxonomy_search_word WHERE word LIKE %s ORDER BY labels DESC LIMIT %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [f"%{escaped}%", limit])
            return [word for (word,) in cursor.fetchall()]

    def similar_words(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        # The most similar words only: a real typo keeps most trigrams, so it is among them.
        sql = """SELECT word, labels FROM taxonomy_search_word
          WHERE word %% %s AND length(word) BETWEEN %s AND %s
          ORDER BY similarity(word, %s) DESC, labels DESC LIMIT %s"""
        low, high = len(word) - max_distance, len(word) + max_distance
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [word, low, high, word, POSTGRES_SIMILAR_WORDS])
            return [(found, labels) for found, labels in cursor.fetchall()]


def backend(connection: BaseDatabaseWrapper = default_connection) -> Backend:
    """Return the candidate queries for the database behind ``connection``."""
    if connection.vendor == "postgresql":
        return PostgresBackend(connection)
    return SqliteBackend(connection)


def successor(text: str) -> str:
    """Return the smallest string greater than every string that starts with ``text``."""
    following = ord(text[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:
        following = 0xE000
    return text[:-1] + chr(following)


def deletions(word: str, depth: int) -> set[str]:
    """Return ``word`` and every form of it with up to ``depth`` letters deleted."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {form[:i] + form[i + 1 :] for form in frontier for i in range(len(form))}
        found |= frontier
    return found
