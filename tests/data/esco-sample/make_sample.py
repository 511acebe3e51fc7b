"""Cut the ESCO sample package out of the bundled ESCO v1.1.1 data (run from the repository root).

    .venv/bin/python tests/data/esco-sample/make_sample.py

The sample keeps the official layout and the quirks of the real files: four occupations (welder,
pipe welder, project manager, ICT project manager) with their ISCO groups up to the top, a few
dozen of their skills plus everything those skills are narrower of, the skill groups and hierarchy
rows above them, two skill groups that only skillsHierarchy_en.csv has, three relation rows of the
occupation that occupations_en.csv lacks, and Swedish tables cut line by line from the real ones
(metadata lines, `;` endings, Excel double-quoting, repeated rows) with a few malformed and
unknown-concept lines added.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "src" / "meritpass" / "taxonomy" / "data" / "esco"
HERE = Path(__file__).resolve().parent
ESCO = "http://data.europa.eu/esco/"
OCCUPATIONS = [
    f"{ESCO}occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b",  # welder
    f"{ESCO}occupation/2ff73126-7aff-4233-9d9c-d8725e1c6822",  # pipe welder
    f"{ESCO}occupation/bea99fea-0383-4c63-b944-70d4799de2c5",  # project manager
    f"{ESCO}occupation/8b6388a4-4904-471b-9331-d3b1211f5525",  # ICT project manager
]
#: The occupation that only broaderRelationsOccPillar.csv and the relation file know.
ORPHAN = f"{ESCO}occupation/a9e54177-a185-404d-b6e6-15663d31137e"
SKILLS = [
    f"{ESCO}skill/{uuid}"
    for uuid in (
        "530cb489-d900-46ab-9350-4d50ccd49eea",  # welding techniques
        "050dc15e-a41f-4958-bb2c-3fa46c2182be",  # weld in hyperbaric conditions
        "14b4a40e-da80-452a-86d6-88a959052219",  # operate oxy-fuel welding torch
        "27d26fd6-5795-4f0a-884e-112df7c68314",  # apply arc welding techniques
        "29d762da-1711-4a3c-b424-f0a404f4bf2d",  # join metals
        "2fcd95a4-1f9a-41cf-95a9-4701bde476b4",  # operate welding equipment
        "2ee57de4-bffd-4194-b009-0060edec77cc",  # use welding equipment
        "60ff3eac-7d4d-4e51-87b8-74c3b5d62498",  # perform metal active gas welding
        "a51adea8-bf02-488a-a0d8-b0961caca5b0",  # perform tungsten inert gas welding
        "f015c5d5-6a1c-4f63-9012-a05f4f34105e",  # perform metal inert gas welding
        "f33b0ef2-7fe1-4ac1-96c4-36a1bff1771b",  # select filler metal
        "6122d586-5978-431f-8e7a-96e61fc1f3fc",  # wear appropriate protective gear
        "7f107a85-d6ac-410f-a995-d635c5aa418b",  # types of metal
        "8d4271ca-c9fd-40b3-875f-15f78332a49e",  # quality standards
        "34250f4b-b39e-42bd-a2d7-783e90051b08",  # spot metal imperfections
        "34016949-da9c-4107-98e3-1080ae405e27",  # perform welding inspection
        "38a32307-bb1e-4593-8fa2-e31384417649",  # apply spot welding techniques
        "4e8ce455-9dbb-4ada-b79b-2f89021f4947",  # plastic welding
        "dfce2aba-783e-4e17-9c17-e74aca505ec2",  # interpret 2D plans
        "59ea80e1-463a-4dba-82c6-d0b6d577d532",  # technical drawings
        "7111b95d-0ce3-441a-9d92-4c75d05c4388",  # project management
        "237db40b-4600-47c0-837f-4a2c4f3014ab",  # project management principles
        "0a9acb6b-1139-4be9-b431-3a80a959f2f4",  # Agile project management
        "7106b5df-e017-4c28-8c40-98814db5b775",  # Prince2 project management
        "da6393d5-a53c-4863-abc7-51f36281d74e",  # Lean project management
        "cd5efa8c-e44d-4cbc-91c6-796018dbed68",  # perform project management
        "94dd823c-148e-4614-a6e8-99249b16357d",  # ICT project management
        "bec4359e-cb92-468f-a997-8fb28e32fba9",  # ICT project management methodologies
        "3c76296d-4bbd-44ba-8eaa-95bf275f79b7",  # manage ICT project
        "21c5790c-0930-4d74-b3b0-84caf5af12ea",  # manage budgets
        "339ac029-066a-4985-9f9d-b3d7c8fea0bb",  # manage staff
        "1dd23dba-dd00-45ab-abf4-642902538317",  # perform risk analysis
        "0ee94af1-b445-4973-9c3f-459fab250342",  # apply conflict management
        "87de6e49-ca1c-42a4-8751-5ff0b991966b",  # negotiate with stakeholders
        "03b9b491-fc9b-4868-914a-bf7cd47b5041",  # create solutions to problems
        "7ff2c668-0e86-418a-a962-4958262ee337",  # use communication techniques
        "574257ea-7b64-4100-b7b6-e27c233fe143",  # digital communication and collaboration
        "7ee51257-8947-4b69-9bdf-322baf0a6398",  # Swedish
        "cd6484a2-bfa2-4371-8e2f-1ffa2a22dac4",  # understand spoken Swedish
        "f7464f30-662b-4177-85a0-3df9693e9e58",  # first aid (the orphan occupation lists it)
        "a17286c5-238d-4f0b-bc24-29e9121345de",  # listen actively (the orphan lists it too)
    )
]
#: Skill groups only skillsHierarchy_en.csv names: S6.8 and S6.8.0.
HIERARCHY_ONLY = [
    f"{ESCO}skill/1e924921-b7ff-4326-a698-c8275bbcf60d",
    f"{ESCO}skill/0526c9cb-c8a4-498e-8498-d0e2d14ac626",
]
#: Lines added to the Swedish skills table: damaged beyond repair, or about unknown concepts.
SWEDISH_EXTRA_LINES = [
    # No ESCO URI at all (as in the real file's last hundred lines).
    ",,,http://data.jobtechdev.se/taxonomy/concept/KdkP_9UN_kTa,Kasinopersonal,,no relation,;",
    '",,,http://data.jobtechdev.se/taxonomy/concept/bCPt_NW1_v2o,""GNU, operativsystem"",'
    ',no relation,";',
    # Quoting broken so that the URI swallows the rest of the line.
    '"http://data.europa.eu/esco/skill/e05fccc8-0b53-43fc-81ee-9aa5a7229aa9,tala för andra,,'
    'http://data.jobtechdev.se/taxonomy/concept/SfoE_zq7_ADN,""Social service och omsorg, '
    'områdeskunskap"",";skos:closeMatch,,',
    # A skill of ESCO v1.0.9 that the sample (like v1.1.1 for some skills) does not have.
    "http://data.europa.eu/esco/skill/6e53fd99-b646-4327-9580-ac062ab21188,3D-belysning,,"
    "http://data.jobtechdev.se/taxonomy/concept/yQcc_fTn_JL5,3D-modellering,,skos:broadMatch,;",
]


def read(name: str) -> tuple[list[str], list[list[str]]]:
    with gzip.open(BUNDLED / "en" / f"{name}.gz", "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / "en" / name).write_text(buffer.getvalue(), encoding="utf-8", newline="")


def closure(pillar: str, seeds: set[str], extra: set[str] | None = None) -> set[str]:
    """Return ``seeds`` and everything they are narrower of, in one pillar's broader file."""
    _, rows = read(pillar)
    found = set(seeds) | (extra or set())
    while True:
        more = {row[3] for row in rows if row[1] in found} - found
        if not more:
            return found
        found |= more


def main() -> None:
    (HERE / "en").mkdir(exist_ok=True)
    (HERE / "sv").mkdir(exist_ok=True)
    skill_side = closure("broaderRelationsSkillPillar.csv", set(SKILLS), set(HIERARCHY_ONLY))
    occupation_side = closure("broaderRelationsOccPillar.csv", set(OCCUPATIONS))
    keep = skill_side | occupation_side
    for name in ("skills_en.csv", "occupations_en.csv", "skillGroups_en.csv", "ISCOGroups_en.csv"):
        header, rows = read(name)
        write(name, header, [row for row in rows if row[header.index("conceptUri")] in keep])
    write_hierarchy(keep)
    for name in ("broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv"):
        header, rows = read(name)
        chosen = [row for row in rows if row[1] == ORPHAN or (row[1] in keep and row[3] in keep)]
        write(name, header, chosen)
    write_relations(keep)
    for path in sorted((BUNDLED / "en").glob("*Collection_en.csv.gz")):
        name = path.name.removesuffix(".gz")
        header, rows = read(name)
        write(name, header, [row for row in rows if row[1] in keep])
    write_swedish(keep)


def write_hierarchy(keep: set[str]) -> None:
    header, rows = read("skillsHierarchy_en.csv")
    chosen = []
    for row in rows:
        uris = [row[index] for index in (0, 2, 4, 6) if index < len(row) and row[index]]
        if uris and set(uris) <= keep:
            chosen.append(row)
    write("skillsHierarchy_en.csv", header, chosen)


def write_relations(keep: set[str]) -> None:
    header, rows = read("occupationSkillRelations.csv")
    write(
        "occupationSkillRelations.csv",
        header,
        [row for row in rows if row[0] in keep | {ORPHAN} and row[3] in keep],
    )
    header, rows = read("skillSkillRelations.csv")
    write("skillSkillRelations.csv", header, [r for r in rows if r[0] in keep and r[4] in keep])


def write_swedish(keep: set[str]) -> None:
    for path in sorted((BUNDLED / "sv").glob("*.csv.gz")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        newline = "\r\n" if "\r\n" in raw else "\n"
        lines = raw.split(newline)
        header = next(i for i, line in enumerate(lines) if "Classification 1 URI," in line[:30])
        body = [line for line in lines[header + 1 :] if uri_of(line) in keep]
        if "ESCO 109" in path.name:
            body += SWEDISH_EXTRA_LINES
        text = newline.join([*lines[: header + 1], *body, ""])
        (HERE / "sv" / path.name.removesuffix(".gz")).write_text(text, "utf-8", newline="")


def uri_of(line: str) -> str:
    return line.lstrip('"').split(",", 1)[0]


if __name__ == "__main__":
    main()
