"""The Swedish mapping tables: undoing their Excel quirks line by line, on crafted lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from meritpass.taxonomy.importer.files import SourceText, read_text
from meritpass.taxonomy.importer.problems import ProblemLog
from meritpass.taxonomy.importer.swedish import SwedishTable, label_of, read_table, split_line

pytestmark = pytest.mark.usefixtures("in_english")

SKILL = "http://data.europa.eu/esco/skill/eb0e5615-1575-4a86-a1a2-7d39595033c5"
OTHER = "http://data.europa.eu/esco/skill/9a35cb50-8106-45f9-8aba-2df99dd6f913"
ATLAS = "http://data.jobtechdev.se/taxonomy/concept/mQ42_W6G_AH5"
HEADER = (
    "Classification 1 URI,Classification 1 PrefLabel,Classification 1 URL,Classification 2 URI,"
    "Classification 2 PrefLabel,Classification 2 URL,Mapping relation,Editorial note;"
)
METADATA = [
    "Mapping project name,ESCO - SE NSC;",
    "Classification 1 Name,Esco - kompetenser;",
    "Classification 1 Version,1.0.9;",
    "Classification 1 Language,sv;",
    ",;",
]


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            f"{SKILL},ABAP,,{ATLAS},Abap,,skos:exactMatch,;",
            [SKILL, "ABAP", "", ATLAS, "Abap", "", "skos:exactMatch", ""],
        ),
        (  # wrapped in quotes by Excel, inner quotes doubled
            f'"{SKILL},ABAP,,{ATLAS},""Abap, programmeringsspråk"",,skos:exactMatch,";',
            [SKILL, "ABAP", "", ATLAS, "Abap, programmeringsspråk", "", "skos:exactMatch", ""],
        ),
        (  # the clean occupations table: CRLF, no ';'
            f'{SKILL},"svetsare, manuell",{SKILL},{ATLAS},Svetsare,{ATLAS},skos:broadMatch,\r\n',
            [SKILL, "svetsare, manuell", SKILL, ATLAS, "Svetsare", ATLAS, "skos:broadMatch", ""],
        ),
        (
            f"{SKILL},blanda tryckfärg,,,,,no relation;",
            [SKILL, "blanda tryckfärg", "", "", "", "", "no relation"],
        ),
    ],
    ids=["plain", "excel-wrapped", "crlf", "short"],
)
def test_split_line_undoes_the_quirks(line: str, fields: list[str]) -> None:
    assert split_line(line) == fields


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f'{SKILL},  läsa  dansnoter ,;"{ATLAS},""Instudering, dans"",,x,,"',
            (SKILL, "läsa dansnoter"),
        ),
        (f",,,{ATLAS},Kasinopersonal,,no relation,;", None),
        (
            f'"{SKILL},tala för andra,,{ATLAS},""Social service, område"",";skos:closeMatch,,',
            None,
        ),
        ("http://example.org/skill/1,etikett,,,,,no relation,;", None),
        (f"{SKILL},,,{ATLAS},Tomt,,no relation,;", None),
        (SKILL, None),
    ],
    ids=[
        "damaged-tail-keeps-label",
        "no-uri",
        "uri-swallows-line",
        "not-esco",
        "no-label",
        "one-field",
    ],
)
def test_label_of_a_line(line: str, expected: tuple[str, str] | None) -> None:
    assert label_of(split_line(line)) == expected


def table(*lines: str) -> tuple[SwedishTable | None, ProblemLog]:
    log = ProblemLog()
    return read_table(SourceText("skills.csv", "\n".join(lines)), log), log


def test_a_table_keeps_the_first_label_per_concept_and_counts_bad_lines() -> None:
    found, log = table(
        *METADATA,
        HEADER,
        f"{SKILL},ABAP,,{ATLAS},Abap,,skos:exactMatch,;",
        f'"{SKILL},ABAP-programmering,,{ATLAS},""Abap, språk"",,skos:broadMatch,";',
        f"{OTHER},ABBYY FineReader,,{ATLAS},Dataregistrering,,skos:broadMatch,;",
        "",
        f",,,{ATLAS},Kasinopersonal,,no relation,;",
    )
    assert list(log) == []
    assert found is not None
    assert found.labels == {SKILL: "ABAP", OTHER: "ABBYY FineReader"}
    assert found.malformed == 1
    assert found.description() == "Esco - kompetenser (ESCO 1.0.9)"


def test_a_table_without_header_or_in_another_language_is_refused() -> None:
    missing, log = table(*METADATA, f"{SKILL},ABAP,,,,,no relation,;")
    assert missing is None
    assert [problem.text() for problem in log] == [
        "skills.csv: no header line starting with “Classification 1 URI”"
    ]
    danish, log = table("Classification 1 Language,da;", HEADER)
    assert danish is None
    assert [problem.text() for problem in log] == [
        "skills.csv: the table's language is “da”, not sv"
    ]


def test_the_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes("\ufeffClassification 1 Language,sv;\n".encode() + HEADER.encode())
    log = ProblemLog()
    text = read_text(path, log)
    assert text is not None
    assert text.text.startswith("Classification 1 Language")
    found = read_table(text, log)
    assert found is not None
    assert found.metadata["Classification 1 Language"] == "sv"
