"""Search ESCO skills, skill groups and occupations by any of their labels, in Swedish and English.

Ranking, best first: the match (exact label; the label starts with the query's words; the words
appear whole in it, or a word ends with the query as in the Swedish compound *datorprogrammering*;
the label starts with the query; a word starts with it; every query word starts some word; the query
sits inside a word; then typo matches, fewest edits first); then preferred before alternative before
hidden labels; the user's language before the other; more occupations needing a skill before fewer;
broader codes (a general occupation before its specialisations); shorter labels. A concept appears
once, under its best label.

The database only finds candidates (``search_queries``); ranking happens here, the same on SQLite
and PostgreSQL. Matches are looked for from the best kind down, and the search stops once a kind
has filled the requested number of results, because no later kind could outrank them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Final

from meritpass.taxonomy import search_queries
from meritpass.taxonomy.models import Concept, Label
from meritpass.taxonomy.normalize import normalize
from meritpass.taxonomy.search_queries import Backend, Candidate, Phrase, Scope

LANGUAGES: Final = ("sv", "en")
MAX_QUERY_LENGTH: Final = 100
MAX_WORDS: Final = 6
DEFAULT_LIMIT: Final = 10
MAX_LIMIT: Final = 50
DEFAULT_KINDS: Final = (
    Concept.Kind.SKILL.value,
    Concept.Kind.SKILL_GROUP.value,
    Concept.Kind.OCCUPATION.value,
)
#: A word ending with a query this long is a whole-word match: Swedish compounds put the head last.
COMPOUND_MIN: Final = 6
#: Shorter queries are not looked for inside words, nor corrected for typos.
FRAGMENT_MIN: Final = 4
FRAGMENT_WORDS: Final = 64
#: Longer words are not corrected: no real word is this long, and the work grows with the square.
TYPO_MAX: Final = 30
CORRECTIONS_PER_WORD: Final = 16
CANDIDATES_PER_RESULT: Final = 20
_LABEL_KIND_RANK: Final = {
    Label.LabelKind.PREFERRED.value: 0,
    Label.LabelKind.ALTERNATIVE.value: 1,
    Label.LabelKind.HIDDEN.value: 2,
}


class Match(IntEnum):
    """How a label matched the query, best first."""

    EXACT = 0
    LEADING_WORDS = 1
    WHOLE_WORDS = 2
    LABEL_PREFIX = 3
    WORD_PREFIX = 4
    ALL_WORDS = 5
    INSIDE_WORD = 6
    TYPO = 7


@dataclass(frozen=True, slots=True)
class Query:
    """A normalized, bounded query."""

    text: str
    words: tuple[str, ...]
    language: str
    kinds: tuple[str, ...]
    limit: int


@dataclass(frozen=True, slots=True)
class Hit:
    """One concept found: its label in the user's language (or English), and what matched."""

    concept: Concept
    label: str
    label_language: str
    matched_label: str | None
    matched_language: str | None
    match: Match


Key = tuple[int, int, int, int, int, bool, int, int, int, str]
Scored = tuple[Key, Candidate]
#: Edits, rarity of the fixes, and how the corrected query matches.
Typo = tuple[int, int, int]
#: A typo's fixes: each word with its edit distance and rank.
Corrections = dict[str, tuple[int, int]]


def parse(
    text: str,
    *,
    language: str,
    kinds: Sequence[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Query:
    """Normalize ``text`` and bound the query: its length, its words and the number of results."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    chosen = tuple(dict.fromkeys(kinds)) if kinds else DEFAULT_KINDS
    unknown = set(chosen) - set(Concept.Kind.values)
    if unknown:
        raise ValueError(f"unknown concept kinds {sorted(unknown)}")
    words = tuple(normalize(text[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS])
    bounded = max(1, min(limit, MAX_LIMIT))
    return Query(" ".join(words), words, language, chosen, bounded)


def search(
    text: str,
    *,
    language: str,
    kinds: Sequence[str] | None = None,
    limit: int = DEFAULT_LIMIT,
    backend: Callable[[], Backend] = search_queries.backend,
) -> list[Hit]:
    """Return the concepts whose labels best match ``text``, best first, each once."""
    query = parse(text, language=language, kinds=kinds, limit=limit)
    if not query.text:
        return []
    db = backend()
    with db.session():
        best = rank(query, db)
    chosen = sorted(best.values())[: query.limit]
    concepts = Concept.objects.in_bulk([candidate.concept_id for _, candidate in chosen])
    return [
        _hit(concepts[candidate.concept_id], key, candidate, query) for key, candidate in chosen
    ]


def rank(query: Query, db: Backend) -> dict[int, Scored]:
    """Return the best-scored label of each concept found, by concept id."""
    best: dict[int, Scored] = {}
    for scored in _tiers(query, db):
        for key, candidate in scored:
            known = best.get(candidate.concept_id)
            if known is None or key < known[0]:
                best[candidate.concept_id] = (key, candidate)
        if len(best) >= query.limit:
            break
    return best


def classify(label: str, query: str) -> Match | None:
    """Return how the normalized ``label`` matches the normalized ``query``, without typos."""
    padded, words, label_words = f" {label} ", query.split(), label.split()
    single = len(words) == 1
    tests: tuple[tuple[Match, Callable[[], bool]], ...] = (
        (Match.EXACT, lambda: label == query),
        (Match.LEADING_WORDS, lambda: label.startswith(query + " ")),
        (Match.WHOLE_WORDS, lambda: f" {query} " in padded),
        (
            Match.WHOLE_WORDS,
            lambda: (
                single
                and len(query) >= COMPOUND_MIN
                and any(word.endswith(query) for word in label_words)
            ),
        ),
        (Match.LABEL_PREFIX, lambda: label.startswith(query)),
        (Match.WORD_PREFIX, lambda: f" {query}" in padded),
        (
            Match.ALL_WORDS,
            lambda: all(any(word.startswith(part) for word in label_words) for part in words),
        ),
        (Match.INSIDE_WORD, lambda: single and len(query) >= FRAGMENT_MIN and query in label),
    )
    return next((match for match, test in tests if test()), None)


def _tiers(query: Query, db: Backend) -> Iterator[list[Scored]]:
    scope = Scope(query.kinds, query.language, query.limit * CANDIDATES_PER_RESULT)
    text, words = query.text, query.words
    fragments = _Fragments(query, db)
    yield _score(query, Match.EXACT, db.equal(text, scope))
    yield _score(query, Match.LEADING_WORDS, db.starting(text + " ", scope))
    whole = [Phrase(words), *(Phrase((word,)) for word in fragments.compounds())]
    yield _score(query, Match.WHOLE_WORDS, db.matching([whole], scope))
    yield _score(query, Match.LABEL_PREFIX, db.starting(text, scope))
    yield _score(query, Match.WORD_PREFIX, db.matching([[Phrase(words, prefix=True)]], scope))
    if len(words) > 1:
        every = [[Phrase((word,), prefix=True)] for word in words]
        yield _score(query, Match.ALL_WORDS, db.matching(every, scope))
    inside = [Phrase((word,)) for word in fragments.inside()]
    if inside:
        yield _score(query, Match.INSIDE_WORD, db.matching([inside], scope))
    yield _typos(query, db, scope)


class _Fragments:
    """Vocabulary words that contain a one-word query, looked up once and only when needed."""

    def __init__(self, query: Query, db: Backend) -> None:
        self.text = query.text
        self.wanted = len(query.words) == 1 and len(query.text) >= FRAGMENT_MIN
        self.db = db
        self.found: list[str] | None = None

    def words(self) -> list[str]:
        if self.found is None:
            wanted = self.wanted
            self.found = self.db.words_containing(self.text, FRAGMENT_WORDS) if wanted else []
        return self.found

    def compounds(self) -> list[str]:
        """Return words that end with the query, like Swedish compounds with it as their head."""
        if len(self.text) < COMPOUND_MIN:
            return []
        return [word for word in self.words() if word.endswith(self.text) and word != self.text]

    def inside(self) -> list[str]:
        """Return words that contain the query after their start."""
        return [word for word in self.words() if not word.startswith(self.text)]


def _score(query: Query, found: Match, candidates: list[Candidate]) -> list[Scored]:
    scored = []
    for candidate in candidates:
        classified = classify(candidate.normalized, query.text)
        match = found if classified is None else min(found, classified)
        scored.append((_key(query, candidate, match), candidate))
    return scored


def _key(query: Query, candidate: Candidate, match: Match, typo: Typo = (0, 0, 0)) -> Key:
    return (
        match,
        *typo,
        _LABEL_KIND_RANK.get(candidate.label_kind, 3),
        candidate.language != query.language,
        -candidate.popularity,
        candidate.code.count("."),
        len(candidate.normalized),
        candidate.uri,
    )


def _typos(query: Query, db: Backend, scope: Scope) -> list[Scored]:
    corrections = {word: corrections_of(word, db) for word in query.words}
    if not any(corrections.values()):
        return []
    groups = [
        [Phrase((word,), prefix=True), *(Phrase((fix,)) for fix in corrections[word])]
        for word in query.words
    ]
    scored = []
    for candidate in db.matching(groups, scope):
        spelled = _spelled(candidate.normalized.split(), query.words, corrections)
        if spelled is not None:
            text, edits, rarity = spelled
            classified = classify(candidate.normalized, text)
            match = Match.ALL_WORDS if classified is None else classified
            scored.append((_key(query, candidate, Match.TYPO, (edits, rarity, match)), candidate))
    return scored


def _spelled(
    label_words: list[str], words: tuple[str, ...], corrections: Mapping[str, Corrections]
) -> tuple[str, int, int] | None:
    """Return the query as this label spells it, its edits and how unusual its fixes are."""
    spelled, edits, rarity = [], 0, 0
    for word in words:
        if any(label_word.startswith(word) for label_word in label_words):
            spelled.append(word)
            continue
        options = [(*corrections[word][lw], lw) for lw in label_words if lw in corrections[word]]
        if not options:
            return None
        distance, rank, label_word = min(options)
        spelled.append(label_word)
        edits += distance
        rarity += rank
    return " ".join(spelled), edits, rarity


def corrections_of(word: str, db: Backend) -> Corrections:
    """Return vocabulary words within the allowed edit distance of ``word``.

    Four to seven letters allow one edit, eight or more two. Words that merely continue ``word``
    are prefix matches, not typos. Each fix maps to its distance and its rank, closest and most
    used first.
    """
    if not FRAGMENT_MIN <= len(word) <= TYPO_MAX:
        return {}
    allowed = 1 if len(word) < 8 else 2
    found = []
    for candidate, labels in db.similar_words(word, allowed):
        if candidate.startswith(word):
            continue
        distance = edit_distance(word, candidate, bound=allowed)
        if distance <= allowed:
            found.append((distance, -labels, candidate))
    chosen = sorted(found)[:CORRECTIONS_PER_WORD]
    return {fix: (distance, rank) for rank, (distance, _, fix) in enumerate(chosen)}


def edit_distance(first: str, second: str, *, bound: int) -> int:
    """Return the optimal-string-alignment distance, or ``bound + 1`` once it exceeds ``bound``.

    Only the diagonal band of width ``bound`` is computed.
    """
    big = bound + 1
    if abs(len(first) - len(second)) > bound:
        return big
    before: list[int] = []
    previous = [min(j, big) for j in range(len(second) + 1)]
    for i, a in enumerate(first, 1):
        current = [min(i, big)] + [big] * len(second)
        for j in range(max(1, i - bound), min(len(second), i + bound) + 1):
            b = second[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                value = min(value, before[j - 2] + 1)
            current[j] = min(value, big)
        if min(current) > bound:
            return big
        before, previous = previous, current
    return previous[-1]


def _hit(concept: Concept, key: Key, candidate: Candidate, query: Query) -> Hit:
    label, label_language = concept.label(query.language)
    shown = normalize(candidate.text) != normalize(label)
    return Hit(
        concept=concept,
        label=label,
        label_language=label_language,
        matched_label=candidate.text if shown else None,
        matched_language=candidate.language if shown else None,
        match=Match(key[0]),
    )
