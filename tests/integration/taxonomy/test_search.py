"""Search ranks, filters, bounds and escapes as promised, on small hand-made classifications.

These run on SQLite and, in the PostgreSQL pass, on PostgreSQL: both databases must agree.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from meritpass.taxonomy import search, search_index, search_queries
from meritpass.taxonomy.models import Concept, Label
from meritpass.taxonomy.normalize import normalize
from meritpass.taxonomy.search import Match

pytestmark = pytest.mark.django_db
ESCO = "http://data.europa.eu/esco/"


def make(
    key: str,
    en: str,
    sv: str = "",
    *,
    kind: str = "skill",
    popularity: int = 0,
    alternative: Sequence[str] = (),
    alternative_sv: Sequence[str] = (),
    hidden: Sequence[str] = (),
    obsolete: bool = False,
) -> Concept:
    """Create a concept with its labels, as the importer would (search index not rebuilt)."""
    folder = "occupation" if kind == "occupation" else "skill"
    concept = Concept.objects.create(
        uri=f"{ESCO}{folder}/{key}",
        kind=kind,
        label_en=en,
        label_sv=sv,
        occupation_count=popularity,
        obsolete=obsolete,
        skill_type="skill/competence" if kind == "skill" else "",
    )
    labels = [("en", "preferred", en), *(("en", "alternative", t) for t in alternative)]
    labels += [("en", "hidden", t) for t in hidden]
    if sv:
        labels.append(("sv", "preferred", sv))
    labels += [("sv", "alternative", t) for t in alternative_sv]
    Label.objects.bulk_create(
        Label(concept=concept, language=language, kind=kind_, text=text, normalized=normalize(text))
        for language, kind_, text in labels
    )
    return concept


def keys(hits: list[search.Hit]) -> list[str]:
    return [hit.concept.uri.rsplit("/", 1)[-1] for hit in hits]


@pytest.fixture
def tiers() -> None:
    """One concept per kind of match for the query "weld", the worse matches more popular."""
    make("exact", "fuse", alternative=["weld"], popularity=1)
    make("leading", "weld metal", popularity=2)
    make("whole", "underwater weld", popularity=3)
    make("label-prefix", "welding", popularity=4)
    make("word-prefix", "use welding equipment", popularity=5)
    make("inside", "arcwelding", popularity=6)
    make("typo", "meld colours", popularity=7)
    make("unrelated", "bake bread", popularity=100)
    search_index.rebuild()


def test_the_kinds_of_match_rank_in_order_whatever_the_popularity(tiers: None) -> None:
    hits = search.search("weld", language="en")
    assert keys(hits) == [
        "exact",
        "leading",
        "whole",
        "label-prefix",
        "word-prefix",
        "inside",
        "typo",
    ]
    assert [hit.match for hit in hits] == [m for m in Match if m != Match.ALL_WORDS]


def test_each_word_of_a_longer_query_may_be_a_prefix_in_any_order() -> None:
    make("pm", "project management", popularity=116)
    make("mp", "manage projects", popularity=50)
    make("other", "project planning", popularity=90)
    search_index.rebuild()
    in_order = search.search("project manag", language="en")
    assert [(key, hit.match) for key, hit in zip(keys(in_order), in_order, strict=True)] == [
        ("pm", Match.LABEL_PREFIX),
        ("mp", Match.ALL_WORDS),
    ]
    assert keys(search.search("proj manag", language="en")) == ["pm", "mp"]
    assert keys(search.search("manag proj", language="en")) == ["pm", "mp"]
    assert {hit.match for hit in search.search("manag proj", language="en")} == {Match.ALL_WORDS}


@pytest.fixture
def label_kinds() -> None:
    make("preferred", "welding", popularity=1)
    make("alternative", "join metals", alternative=["welding"], popularity=50)
    make("hidden", "fuse metals", hidden=["welding"], popularity=99)
    search_index.rebuild()


def test_preferred_labels_rank_before_alternative_before_hidden(label_kinds: None) -> None:
    assert keys(search.search("welding", language="en")) == ["preferred", "alternative", "hidden"]


def test_a_concept_appears_once_with_its_best_label_and_what_matched(label_kinds: None) -> None:
    make("twice", "solder", alternative=["welding work", "welding"], popularity=2)
    search_index.rebuild()
    hits = search.search("welding", language="en")
    assert keys(hits).count("twice") == 1
    twice = next(hit for hit in hits if hit.concept.uri.endswith("twice"))
    assert (twice.label, twice.label_language) == ("solder", "en")
    assert (twice.matched_label, twice.matched_language) == ("welding", "en")
    assert twice.match == Match.EXACT
    preferred = hits[0]
    assert (preferred.label, preferred.matched_label) == ("welding", None)


def test_the_users_language_ranks_first_then_popularity() -> None:
    make("swedish", "soldering", "svetsning", popularity=1)
    make("english", "svetsning", popularity=5)
    make("english-popular", "svetsning ok", alternative=["svetsning"], popularity=9)
    search_index.rebuild()
    assert keys(search.search("svetsning", language="sv")) == [
        "swedish",
        "english",
        "english-popular",
    ]
    assert keys(search.search("svetsning", language="en")) == [
        "english",
        "swedish",
        "english-popular",
    ]


def test_popularity_breaks_ties() -> None:
    make("rare", "weld pipes", popularity=1)
    make("common", "weld plates", popularity=40)
    make("middle", "weld rails", popularity=7)
    search_index.rebuild()
    assert keys(search.search("weld", language="en")) == ["common", "middle", "rare"]


def test_prefixes_find_swedish_words_and_compounds() -> None:
    make("pl", "project management", "projektledning", popularity=116)
    make("agile", "agile project management", "agil projektledning", popularity=31)
    make("coding", "computer programming", "datorprogrammering", popularity=54)
    make("auto", "use automatic programming", "använda automatisk programmering", popularity=25)
    make("pipe", "pipe welder", "rörsvetsare", kind="occupation")
    search_index.rebuild()
    assert keys(search.search("projektled", language="sv")) == ["pl", "agile"]
    # A Swedish compound ends with its head word: "datorprogrammering" is programming.
    assert keys(search.search("programmering", language="sv"))[:2] == ["coding", "auto"]
    pipe = search.search("svets", language="sv")
    assert keys(pipe) == ["pipe"]
    assert pipe[0].match == Match.INSIDE_WORD


def test_typos_are_forgiven_but_rank_last() -> None:
    make("python", "Python (computer programming)", alternative=["Python"], popularity=50)
    make("pm", "project management", popularity=116)
    make("piton", "mountaineering piton")
    search_index.rebuild()
    hits = search.search("pyton", language="en")
    assert keys(hits) == ["python", "piton"]
    assert {hit.match for hit in hits} == {Match.TYPO}
    assert hits[0].matched_label == "Python"
    assert keys(search.search("project managment", language="en")) == ["pm"]
    assert keys(search.search("projet managment", language="en")) == ["pm"]
    assert search.search("xyzzy", language="en") == []


def test_short_words_are_not_corrected() -> None:
    make("cat", "cat care")
    search_index.rebuild()
    assert search.search("cst", language="en") == []


def test_a_missing_swedish_label_falls_back_to_english_marked_as_such() -> None:
    make("english-only", "welding techniques", popularity=3)
    make("both", "weld pipes", "svetsa rör", popularity=1)
    search_index.rebuild()
    hits = search.search("weld", language="sv")
    assert [(hit.label, hit.label_language) for hit in hits] == [
        ("svetsa rör", "sv"),
        ("welding techniques", "en"),
    ]
    assert (hits[0].matched_label, hits[0].matched_language) == ("weld pipes", "en")


def test_the_kind_filter_and_obsolete_concepts() -> None:
    make("skill", "welding", popularity=5)
    make("occupation", "welder", kind="occupation")
    make("group", "welding and soldering", kind="skill-group")
    make("gone", "welding history", obsolete=True)
    search_index.rebuild()
    # Equally good matches: the more popular first, then the shorter label.
    assert keys(search.search("weld", language="en")) == ["skill", "occupation", "group"]
    assert keys(search.search("weld", language="en", kinds=["occupation"])) == ["occupation"]
    assert keys(search.search("weld", language="en", kinds=["skill", "skill-group"])) == [
        "skill",
        "group",
    ]
    with pytest.raises(ValueError, match="unknown concept kinds"):
        search.search("weld", language="en", kinds=["person"])
    with pytest.raises(ValueError, match="unsupported language"):
        search.search("weld", language="de")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"weld', ["weld"]),
        ("weld*", ["weld"]),
        ("(weld", ["weld"]),
        ("-weld", ["weld"]),
        ("weld^", ["weld"]),
        ("weld:*", ["weld"]),
        ("weld%", ["weld"]),
        ("weld_", ["weld"]),
        ("weld\\", ["weld"]),
        # Operators of FTS5, tsquery and SQL are words like any other, so nothing has them all.
        ("weld OR bake", []),
        ("NEAR(weld bake)", []),
        ("normalized:weld", []),
        ("weld & !bake | <->", []),
        ("weld' OR '1'='1", []),
        ("weld'; DROP TABLE taxonomy_label; --", []),
    ],
)
def test_search_syntax_and_sql_in_the_query_are_plain_text(query: str, expected: list[str]) -> None:
    make("weld", "weld metal", popularity=1)
    make("bake", "bake bread", popularity=1)
    search_index.rebuild()
    assert keys(search.search(query, language="en")) == expected
    assert Label.objects.count() == 2


@pytest.mark.parametrize("fragment", ['we"ld', "we%ld", "we_ld", "we\\ld", "we'ld"])
def test_the_database_queries_escape_what_they_are_given(fragment: str) -> None:
    make("weld", "weld metal")
    search_index.rebuild()
    db = search_queries.backend()
    scope = search_queries.Scope(search.DEFAULT_KINDS, "en", 10)
    with db.session():
        assert db.equal(fragment, scope) == []
        assert db.starting(fragment, scope) == []
        assert db.matching([[search_queries.Phrase((fragment, "metal"), prefix=True)]], scope) == []
        assert db.words_containing(fragment, 10) == []
        assert {word for word, _ in db.similar_words(fragment, 1)} <= {"weld", "metal"}


@pytest.mark.parametrize("query", ["", "   ", '"', "?!", "—", "\u200b", "*", "()"])
def test_an_empty_query_finds_nothing(query: str) -> None:
    make("weld", "weld metal")
    search_index.rebuild()
    assert search.search(query, language="en") == []


def test_long_queries_and_limits_are_bounded() -> None:
    for number in range(60):
        make(f"w{number}", f"weld part {number}", popularity=number)
    search_index.rebuild()
    parsed = search.parse("weld " * 5000, language="en", limit=10_000)
    assert len(parsed.text) <= search.MAX_QUERY_LENGTH
    assert len(parsed.words) <= search.MAX_WORDS
    assert parsed.limit == search.MAX_LIMIT
    assert len(search.search("weld", language="en", limit=10_000)) == search.MAX_LIMIT
    assert len(search.search("weld", language="en", limit=0)) == 1
    assert search.search("x" * 100_000, language="en") == []


def test_the_index_follows_labels_written_after_a_rebuild() -> None:
    concept = make("late", "weld metal")
    search_index.rebuild()
    Label.objects.create(
        concept=concept, language="sv", kind="preferred", text="svetsa", normalized="svetsa"
    )
    assert keys(search.search("svets", language="sv")) == ["late"]
    Label.objects.filter(text="svetsa").update(text="löda", normalized="löda")
    assert search.search("svets", language="sv") == []
    assert keys(search.search("löd", language="sv")) == ["late"]
    Label.objects.filter(concept=concept).delete()
    assert search.search("weld", language="en") == []


def _reference_distance(first: str, second: str) -> int:
    """The optimal-string-alignment distance, computed in full."""
    rows = [
        [i + j if i * j == 0 else 0 for j in range(len(second) + 1)] for i in range(len(first) + 1)
    ]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = first[i - 1] != second[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def test_the_bounded_edit_distance_agrees_with_the_full_one() -> None:
    generator = random.Random(2026)
    for _ in range(3000):
        first = "".join(generator.choices("abcö", k=generator.randint(0, 9)))
        second = "".join(generator.choices("abcö", k=generator.randint(0, 9)))
        for bound in (1, 2):
            expected = min(_reference_distance(first, second), bound + 1)
            assert search.edit_distance(first, second, bound=bound) == expected, (first, second)
    assert search.edit_distance("pyton", "python", bound=1) == 1
    assert search.edit_distance("managment", "management", bound=2) == 1
    assert search.edit_distance("tset", "test", bound=1) == 1
