"""A bad ESCO source is reported by file, line and reason, and the database keeps its state."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from meritpass.taxonomy import search_index
from meritpass.taxonomy.importer import EscoImportError, ImportSummary, import_esco, locate
from meritpass.taxonomy.importer.problems import MAX_PROBLEMS
from tests.integration.taxonomy.esco_copies import (
    copy_sample,
    edit,
    rows_of,
    set_field,
    start_line,
)
from tests.taxonomy_fixtures import taxonomy_snapshot

pytestmark = pytest.mark.usefixtures("in_english")

ESCO = "http://data.europa.eu/esco/"
WELDING_TECHNIQUES = f"{ESCO}skill/530cb489-d900-46ab-9350-4d50ccd49eea"
WELDER = f"{ESCO}occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"
UNKNOWN_SKILL = f"{ESCO}skill/00000000-0000-4000-8000-000000000000"


def problems_of(package: Path) -> list[str]:
    """Import ``package``, which must fail and leave the tables as they were; return the lines."""
    before = taxonomy_snapshot()
    with pytest.raises(EscoImportError) as caught:
        import_esco(locate(package))
    assert taxonomy_snapshot() == before
    return caught.value.lines()


@pytest.fixture
def package(tmp_path: Path, esco_sample: ImportSummary) -> Path:
    """A copy of the sample package to break, over a database holding the sample."""
    return copy_sample(tmp_path / "package")


def test_a_value_outside_the_vocabulary(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    set_field(skills, WELDING_TECHNIQUES, "skillType", "foo")
    line = start_line(skills, WELDING_TECHNIQUES)
    assert line > 2
    assert problems_of(package) == [
        f"skills_en.csv:{line}: skillType “foo” is not one of “skill/competence”, “knowledge”, “”"
    ]


def test_a_header_without_concept_uri(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    skills.write_text(skills.read_text("utf-8").replace("conceptUri", "conceptURI", 1), "utf-8")
    assert problems_of(package) == ["skills_en.csv:1: the header lacks the column conceptUri"]


def test_a_relation_to_an_unknown_skill(package: Path) -> None:
    relations = package / "en" / "occupationSkillRelations.csv"
    edit(relations, lambda _, rows: [*rows, [WELDER, "essential", "knowledge", UNKNOWN_SKILL]])
    line = len(rows_of(relations)[1]) + 1
    assert problems_of(package) == [
        f"occupationSkillRelations.csv:{line}: skillUri {UNKNOWN_SKILL} "
        "is not a skill of this ESCO package"
    ]


def test_an_invalid_uri(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    line = start_line(skills, WELDING_TECHNIQUES)
    set_field(skills, WELDING_TECHNIQUES, "conceptUri", "http://example.org/welding")
    lines = problems_of(package)
    assert lines[0] == (
        f"skills_en.csv:{line}: conceptUri “http://example.org/welding” is not an ESCO skill URI"
    )


def test_a_truncated_gzip_file(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    compressed = gzip.compress(skills.read_bytes())
    skills.unlink()
    (package / "en" / "skills_en.csv.gz").write_bytes(compressed[: len(compressed) // 2])
    [line] = problems_of(package)
    assert line.startswith("skills_en.csv.gz: the gzip data is truncated or damaged")


def test_a_file_that_is_not_utf8(package: Path) -> None:
    occupations = package / "en" / "occupations_en.csv"
    text = occupations.read_text("utf-8")
    line = start_line(occupations, "welder")
    column = text.index("welder") - text.rfind("\n", 0, text.index("welder")) + 1
    occupations.write_bytes(occupations.read_bytes().replace(b"welder", b"w\xe9lder", 1))
    assert problems_of(package) == [
        f"occupations_en.csv:{line}: not valid UTF-8 (byte {column} of the line)"
    ]


def test_a_nul_character(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    line = start_line(skills, WELDING_TECHNIQUES)
    skills.write_text(skills.read_text("utf-8").replace(WELDING_TECHNIQUES, "\0", 1), "utf-8")
    assert problems_of(package) == [
        f"skills_en.csv:{line}: contains a NUL character, which no text may hold"
    ]


def test_missing_files_are_named(package: Path) -> None:
    (package / "en" / "skillSkillRelations.csv").unlink()
    (package / "en" / "greenSkillsCollection_en.csv").unlink()
    folder = package / "en"
    assert problems_of(package) == [
        f"{folder}: missing: skillSkillRelations.csv (also looked for skillSkillRelations.csv.gz)",
        f"{folder}: missing: greenSkillsCollection_en.csv "
        "(also looked for greenSkillsCollection_en.csv.gz)",
    ]


def test_a_swedish_table_without_its_header(package: Path) -> None:
    [table] = (package / "sv").glob("SE_mapping*.csv")
    table.write_text(table.read_text("utf-8").replace("Classification 1 URI", "URI"), "utf-8")
    assert problems_of(package) == [
        f"{table.name}: no header line starting with “Classification 1 URI”"
    ]


def test_a_swedish_table_in_another_language(package: Path) -> None:
    [table] = (package / "sv").glob("SE_mapping*.csv")
    text = table.read_text("utf-8").replace(
        "Classification 1 Language,sv", "Classification 1 Language,da"
    )
    table.write_text(text, "utf-8")
    assert problems_of(package) == [f"{table.name}: the table's language is “da”, not sv"]


def test_a_concept_defined_twice(package: Path) -> None:
    skills = package / "en" / "skills_en.csv"
    line = start_line(skills, WELDING_TECHNIQUES)
    edit(skills, lambda header, rows: [*rows, *[row for row in rows if WELDING_TECHNIQUES in row]])
    [problem] = problems_of(package)
    assert problem.endswith(
        f"{WELDING_TECHNIQUES} appears a second time (first at skills_en.csv:{line})"
    )


def test_problems_in_several_files_are_reported_together(package: Path) -> None:
    set_field(package / "en" / "skills_en.csv", WELDING_TECHNIQUES, "reuseLevel", "global")
    set_field(package / "en" / "occupations_en.csv", WELDER, "modifiedDate", "yesterday")
    lines = problems_of(package)
    assert [line.split(":", 1)[0] for line in lines] == ["skills_en.csv", "occupations_en.csv"]
    assert lines[1].endswith("modifiedDate “yesterday” is not a date")


def test_it_gives_up_after_a_screenful_of_problems(package: Path) -> None:
    def break_all(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        index = header.index("skillType")
        for row in rows:
            row[index] = "foo"
        return rows

    edit(package / "en" / "skills_en.csv", break_all)
    lines = problems_of(package)
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1] == f"skills_en.csv: more than {MAX_PROBLEMS} problems; stopped looking"


def test_a_failure_while_writing_rolls_everything_back(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_field(package / "en" / "occupations_en.csv", WELDER, "preferredLabel", "welder (metal)")

    def broken_index() -> None:
        raise RuntimeError("the search index is broken")

    monkeypatch.setattr(search_index, "rebuild", broken_index)
    before = taxonomy_snapshot()
    with pytest.raises(RuntimeError):
        import_esco(locate(package))
    assert taxonomy_snapshot() == before


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("broaderRelationsSkillPillar.csv", lambda rows: [*rows, [*rows[0][:3], UNKNOWN_SKILL]]),
        ("skillSkillRelations.csv", lambda rows: [[*rows[0][:2], "sometimes", *rows[0][3:]]]),
        ("digitalSkillsCollection_en.csv", lambda rows: [[rows[0][0], WELDER, *rows[0][2:]]]),
    ],
    ids=["broader-unknown", "relation-type", "collection-kind"],
)
def test_relation_files_are_checked(
    package: Path, name: str, damage: Callable[[list[list[str]]], list[list[str]]]
) -> None:
    edit(package / "en" / name, lambda _, rows: damage(rows))
    [line] = problems_of(package)
    assert line.startswith(f"{name}:")
