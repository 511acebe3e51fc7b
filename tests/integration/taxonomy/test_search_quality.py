"""The obvious hit comes first for realistic Swedish and English queries over the full ESCO data.

The same list runs on SQLite and, in the PostgreSQL pass, on PostgreSQL: both must agree.
"""

from __future__ import annotations

import pytest

from meritpass.taxonomy import search
from meritpass.taxonomy.importer import ImportSummary

SKILL = "http://data.europa.eu/esco/skill/"
OCCUPATION = "http://data.europa.eu/esco/occupation/"
WELDING_TECHNIQUES = SKILL + "530cb489-d900-46ab-9350-4d50ccd49eea"
OPERATE_WELDING_EQUIPMENT = SKILL + "2fcd95a4-1f9a-41cf-95a9-4701bde476b4"
PROJECT_MANAGEMENT = SKILL + "7111b95d-0ce3-441a-9d92-4c75d05c4388"
COMPUTER_PROGRAMMING = SKILL + "21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
PYTHON = SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d"
COMMUNICATION = SKILL + "15d76317-c71a-4fa2-aadc-2ecc34e627b7"
CUSTOMER_SERVICE = SKILL + "15a33d76-4640-438d-ae64-fdc0c1d3eebc"
SPREADSHEETS = SKILL + "1973c966-f236-40c9-b2d4-5d71a89019be"
DRIVING_LICENCE = SKILL + "e360f126-5c8d-4398-a746-a53f9ec59b7f"
CARPENTRY = SKILL + "19858dd3-a5fe-4855-b644-6ecfefd1c384"
JAVASCRIPT = SKILL + "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"
SQL = SKILL + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
NURSE = OCCUPATION + "8d3e8aaa-791b-4c75-a465-f3f827028f50"
WELDER = OCCUPATION + "7aedaa07-3884-4c5b-88f9-80997b2aa54b"
CARPENTER = OCCUPATION + "2a22ff9e-de3b-408d-b312-5034896cc4f4"
CHEF = OCCUPATION + "1009be17-7efd-45f1-a033-566bf179c588"
FORKLIFT_OPERATOR = OCCUPATION + "eeac6251-1974-42f5-91ed-513c6c883755"
WAREHOUSE_WORKER = OCCUPATION + "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
ELECTRICIAN = OCCUPATION + "4910419f-b4af-4f59-b544-9dbebc8a74f0"

#: (language, query, kinds, the expected first hit): full words, prefixes and typos.
QUALITY = [
    ("sv", "svets", None, WELDING_TECHNIQUES),  # svetstekniker
    ("sv", "projektled", None, PROJECT_MANAGEMENT),  # projektledning
    ("sv", "projektledning", None, PROJECT_MANAGEMENT),
    ("sv", "projektleding", None, PROJECT_MANAGEMENT),  # typo
    ("sv", "programmering", None, COMPUTER_PROGRAMMING),  # datorprogrammering
    ("sv", "sjuksköterska", None, NURSE),  # sjuksköterska, grundutbildad
    ("sv", "sjukskoterska", None, NURSE),  # typo
    ("sv", "svetsare", None, WELDER),  # svetsare, manuell
    ("sv", "snickare", None, CARPENTER),
    ("sv", "snikare", None, CARPENTER),  # typo
    ("sv", "kommunikation", None, COMMUNICATION),
    ("sv", "kundservice", None, CUSTOMER_SERVICE),
    ("sv", "körkort", None, DRIVING_LICENCE),
    ("sv", "truckförare", None, FORKLIFT_OPERATOR),
    ("sv", "kock", None, CHEF),
    ("sv", "lagerarb", None, WAREHOUSE_WORKER),  # lagerarbetare
    ("sv", "excel", None, SPREADSHEETS),  # an English alternative label
    ("en", "welding", None, OPERATE_WELDING_EQUIPMENT),
    ("en", "weld", None, OPERATE_WELDING_EQUIPMENT),
    ("en", "project management", None, PROJECT_MANAGEMENT),
    ("en", "project managment", None, PROJECT_MANAGEMENT),  # typo
    ("en", "computer prog", None, COMPUTER_PROGRAMMING),
    ("en", "python", None, PYTHON),
    ("en", "pyton", None, PYTHON),  # typo
    ("en", "nurse", ["occupation"], NURSE),
    ("en", "welder", None, WELDER),
    ("en", "carpenter", None, CARPENTER),
    ("en", "carpentr", None, CARPENTRY),  # a prefix of carpentry
    ("en", "communication", None, COMMUNICATION),
    ("en", "customer serv", None, CUSTOMER_SERVICE),
    ("en", "excel", None, SPREADSHEETS),  # Microsoft Office Excel
    ("en", "spreadsheet", None, SPREADSHEETS),
    ("en", "javascript", None, JAVASCRIPT),
    ("en", "sql", None, SQL),
    ("en", "electrician", None, ELECTRICIAN),
    ("en", "forklift", None, FORKLIFT_OPERATOR),
]


@pytest.mark.parametrize(
    ("language", "query", "kinds", "expected"),
    QUALITY,
    ids=[f"{language}-{query}" for language, query, _, _ in QUALITY],
)
def test_the_obvious_hit_comes_first(
    esco_full: ImportSummary, language: str, query: str, kinds: list[str] | None, expected: str
) -> None:
    hits = search.search(query, language=language, kinds=kinds)
    assert hits, f"nothing found for {query!r}"
    assert hits[0].concept.uri == expected, [hit.label for hit in hits[:5]]


def test_the_list_is_long_enough_and_speaks_both_languages() -> None:
    assert len(QUALITY) >= 20
    assert {language for language, *_ in QUALITY} == {"sv", "en"}


def test_svets_finds_welding_skills_before_anything_else(esco_full: ImportSummary) -> None:
    hits = search.search("svets", language="sv", kinds=["skill"], limit=6)
    assert [hit.label for hit in hits[:4]] == [
        "svetstekniker",
        "svetsa gruvmaskiner",
        "svetsa vid högt tryck",
        "svetsa under vatten",
    ]
    assert [hit.label for hit in hits[4:]] == [
        "använda svetsningsutrustning",
        "använda svetsutrustning",
    ]


def test_a_swedish_query_shows_the_english_label_that_matched(esco_full: ImportSummary) -> None:
    (hit,) = search.search("excel", language="sv", limit=1)
    assert (hit.label, hit.label_language) == ("använda kalkylark", "sv")
    assert (hit.matched_label, hit.matched_language) == ("Microsoft Office Excel", "en")
