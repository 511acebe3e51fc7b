"""Where the files of an ESCO source are: the CSV package, the Swedish tables, the version."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from meritpass.taxonomy.importer import problems
from meritpass.taxonomy.importer.problems import ProblemLog

BUNDLED: Final = Path(__file__).resolve().parents[1] / "data" / "esco"

#: The files of the official CSV package that the import reads, by role; alternatives in order.
PACKAGE_FILES: Final = {
    "skills": ("skills_en.csv",),
    "occupations": ("occupations_en.csv",),
    "isco_groups": ("ISCOGroups_en.csv",),
    "skill_groups": ("skillGroups_en.csv",),
    "hierarchy": ("skillsHierarchy_en.csv",),
    "broader_skills": ("broaderRelationsSkillPillar.csv", "broaderRelationsSkillPillar_en.csv"),
    "broader_occupations": ("broaderRelationsOccPillar.csv", "broaderRelationsOccPillar_en.csv"),
    "occupation_skills": ("occupationSkillRelations.csv", "occupationSkillRelations_en.csv"),
    "skill_skills": ("skillSkillRelations.csv", "skillSkillRelations_en.csv"),
    "digital": ("digitalSkillsCollection_en.csv",),
    "digcomp": ("digCompSkillsCollection_en.csv",),
    "green": ("greenSkillsCollection_en.csv",),
    "language": ("languageSkillsCollection_en.csv",),
    "transversal": ("transversalSkillsCollection_en.csv",),
    "research-skills": ("researchSkillsCollection_en.csv",),
    "research-occupations": ("researchOccupationsCollection_en.csv",),
}
_VERSION_IN_NAME: Final = re.compile(r"\bv(\d+\.\d+(?:\.\d+)?)\b")
_VERSION_IN_TEXT: Final = re.compile(r"\bESCO\s+v(\d+\.\d+(?:\.\d+)?)\b")
_DESCRIPTION_FILES: Final = ("SOURCE.md", "README.md")


@dataclass(frozen=True, slots=True)
class EscoSource:
    """The files of one ESCO import: package files by role, Swedish tables, and the version."""

    files: dict[str, Path]
    swedish: tuple[Path, ...]
    version: str

    def all_files(self) -> list[tuple[str, Path]]:
        """Return every file with its role, in a stable order (Swedish tables last)."""
        named = sorted(self.files.items())
        return named + [(f"sv:{path.name}", path) for path in self.swedish]


def locate(path: Path, *, swedish: Path | None = None, version: str | None = None) -> EscoSource:
    """Find the package in ``path`` (or ``path/en``) and the Swedish tables (``--swedish`` or sv/).

    Raises ``EscoImportError`` naming every missing file.
    """
    log = ProblemLog()
    if not path.is_dir():
        log.add(str(path), None, problems.NOT_A_FOLDER)
    log.raise_if_any()
    english = path / "en" if (path / "en").is_dir() else path
    if swedish is None and (path / "sv").is_dir():
        swedish = path / "sv"
    files = _package_files(english, log)
    tables = _swedish_tables(swedish, log) if swedish is not None else ()
    found = version or _version(english)
    if not found:
        log.add(str(english), None, problems.UNKNOWN_VERSION)
    log.raise_if_any()
    return EscoSource(files=files, swedish=tables, version=found or "")


def bundled() -> EscoSource:
    """Return the ESCO data shipped inside the package."""
    return locate(BUNDLED)


def _package_files(folder: Path, log: ProblemLog) -> dict[str, Path]:
    found = {role: _first_existing(folder, names) for role, names in PACKAGE_FILES.items()}
    if not any(found.values()):
        log.add(str(folder), None, problems.NO_PACKAGE)
        return {}
    for role, path in found.items():
        if path is None:
            log.add(str(folder), None, problems.MISSING_FILE, expected=PACKAGE_FILES[role][0])
    return {role: path for role, path in found.items() if path is not None}


def _first_existing(folder: Path, names: tuple[str, ...]) -> Path | None:
    for name in names:
        for candidate in (folder / name, folder / f"{name}.gz"):
            if candidate.is_file():
                return candidate
    return None


def _swedish_tables(folder: Path, log: ProblemLog) -> tuple[Path, ...]:
    if not folder.is_dir():
        log.add(str(folder), None, problems.NOT_A_FOLDER)
        return ()
    tables = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.name.endswith((".csv", ".csv.gz"))
    )
    if not tables:
        log.add(str(folder), None, problems.NO_SWEDISH_TABLES)
    return tuple(tables)


def _version(folder: Path) -> str | None:
    """Read the version from the folder names, else from the first “ESCO v…” of a SOURCE.md."""
    folders = [folder, *folder.parents][:3]
    for candidate in folders:
        match = _VERSION_IN_NAME.search(candidate.name)
        if match:
            return match.group(1)
    for candidate in folders[:2]:
        for name in _DESCRIPTION_FILES:
            description = candidate / name
            if description.is_file():
                match = _VERSION_IN_TEXT.search(description.read_text("utf-8", errors="replace"))
                if match:
                    return match.group(1)
    return None
