"""The European Qualifications Framework (EQF) and the Swedish framework (SeQF) aligned to it.

EQF: Council Recommendation of 22 May 2017 on the European Qualifications Framework for lifelong
learning (2017/C 189/03), Annex II. The English descriptors are the official text. The Swedish
descriptors follow the Swedish version of the Recommendation (EUT C 189, 15.6.2017) as closely as
we could render it without the official text at hand; compare with EUT C 189 before quoting them in
a legal context.
SeQF (Sveriges referensram för kvalifikationer för livslångt lärande, förordning 2015:545) has eight
levels referenced one-to-one to the EQF. A SeQF level may only be claimed for a qualification that
has a placement decision (*nivåplaceringsbeslut*); its reference travels with the level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from meritpass.core.errors import InputError
from meritpass.core.messages import Message

EQF_SCHEME: Final = "http://data.europa.eu/snb/eqf/25831c2"
SEQF_FRAMEWORK: Final = "http://data.europa.eu/snb/qdr/c_d932c882"
LEVELS: Final = range(1, 9)


@dataclass(frozen=True, slots=True)
class EqfLevel:
    """One EQF level: its Europass concept URI and the three descriptors, in both languages."""

    level: int
    knowledge: Message
    skills: Message
    responsibility_and_autonomy: Message

    @property
    def uri(self) -> str:
        return f"http://data.europa.eu/snb/eqf/{self.level}"

    @property
    def name(self) -> Message:
        return Message(en=f"EQF level {self.level}", sv=f"EQF-nivå {self.level}")


@dataclass(frozen=True, slots=True)
class SeqfLevel:
    """A SeQF level with the placement decision that allows it to be claimed."""

    level: int
    placement_decision: str

    @property
    def eqf(self) -> EqfLevel:
        return EQF[self.level]

    @property
    def name(self) -> Message:
        return Message(en=f"SeQF level {self.level}", sv=f"SeQF-nivå {self.level}")


def eqf_level(level: object) -> EqfLevel:
    """Return the EQF level ``level`` (1 to 8), or raise naming the problem."""
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise InputError("level.eqf_out_of_range", level=level)
    return EQF[level]


def seqf_level(level: object, *, placement_decision: str | None) -> SeqfLevel:
    """Return a SeQF level; it needs the reference of a placement decision."""
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise InputError("level.seqf_out_of_range", level=level)
    decision = (placement_decision or "").strip()
    if not decision:
        raise InputError("level.seqf_needs_decision", level=level)
    return SeqfLevel(level, decision)


def _level(
    level: int, knowledge: tuple[str, str], skills: tuple[str, str], autonomy: tuple[str, str]
) -> EqfLevel:
    return EqfLevel(
        level,
        knowledge=Message(en=knowledge[0], sv=knowledge[1]),
        skills=Message(en=skills[0], sv=skills[1]),
        responsibility_and_autonomy=Message(en=autonomy[0], sv=autonomy[1]),
    )


EQF: Final = {
    1: _level(
        1,
        ("Basic general knowledge", "Grundläggande allmänna kunskaper"),
        (
            "Basic skills required to carry out simple tasks",
            "Grundläggande färdigheter som krävs för att utföra enkla uppgifter",
        ),
        (
            "Work or study under direct supervision in a structured context",
            "Arbeta eller studera under direkt handledning i ett strukturerat sammanhang",
        ),
    ),
    2: _level(
        2,
        (
            "Basic factual knowledge of a field of work or study",
            "Grundläggande faktakunskaper inom ett arbets- eller studieområde",
        ),
        (
            "Basic cognitive and practical skills required to use relevant information in order to "
            "carry out tasks and to solve routine problems using simple rules and tools",
            "Grundläggande kognitiva och praktiska färdigheter som krävs för att använda relevant "
            "information för att utföra uppgifter och lösa rutinproblem med hjälp av enkla regler "
            "och verktyg",
        ),
        (
            "Work or study under supervision with some autonomy",
            "Arbeta eller studera under handledning med viss självständighet",
        ),
    ),
    3: _level(
        3,
        (
            "Knowledge of facts, principles, processes and general concepts, in a field of work or "
            "study",
            "Kunskaper om fakta, principer, processer och allmänna begrepp inom ett arbets- eller "
            "studieområde",
        ),
        (
            "A range of cognitive and practical skills required to accomplish tasks and solve "
            "problems by selecting and applying basic methods, tools, materials and information",
            "En rad kognitiva och praktiska färdigheter som krävs för att utföra uppgifter och lösa "
            "problem genom att välja och tillämpa grundläggande metoder, verktyg, material och "
            "information",
        ),
        (
            "Take responsibility for completion of tasks in work or study; adapt own behaviour to "
            "circumstances in solving problems",
            "Ta ansvar för att uppgifter i arbete eller studier slutförs; anpassa det egna "
            "beteendet efter omständigheterna vid problemlösning",
        ),
    ),
    4: _level(
        4,
        (
            "Factual and theoretical knowledge in broad contexts within a field of work or study",
            "Faktakunskaper och teoretiska kunskaper i vida sammanhang inom ett arbets- eller "
            "studieområde",
        ),
        (
            "A range of cognitive and practical skills required to generate solutions to specific "
            "problems in a field of work or study",
            "En rad kognitiva och praktiska färdigheter som krävs för att hitta lösningar på "
            "specifika problem inom ett arbets- eller studieområde",
        ),
        (
            "Exercise self-management within the guidelines of work or study contexts that are "
            "usually predictable, but are subject to change; supervise the routine work of others, "
            "taking some responsibility for the evaluation and improvement of work or study "
            "activities",
            "Arbeta självständigt inom ramen för riktlinjer i arbets- eller studiesammanhang som "
            "vanligtvis är förutsägbara men som kan förändras; övervaka andras rutinarbete och ta "
            "ett visst ansvar för utvärdering och förbättring av arbets- eller studieverksamhet",
        ),
    ),
    5: _level(
        5,
        (
            "Comprehensive, specialised, factual and theoretical knowledge within a field of work or "
            "study and an awareness of the boundaries of that knowledge",
            "Omfattande, specialiserade fakta- och teoretiska kunskaper inom ett arbets- eller "
            "studieområde samt medvetenhet om gränserna för dessa kunskaper",
        ),
        (
            "A comprehensive range of cognitive and practical skills required to develop creative "
            "solutions to abstract problems",
            "Ett omfattande spektrum av kognitiva och praktiska färdigheter som krävs för att "
            "utveckla kreativa lösningar på abstrakta problem",
        ),
        (
            "Exercise management and supervision in contexts of work or study activities where there "
            "is unpredictable change; review and develop performance of self and others",
            "Leda och övervaka arbets- eller studieverksamhet där det förekommer oförutsägbara "
            "förändringar; granska och utveckla egna och andras prestationer",
        ),
    ),
    6: _level(
        6,
        (
            "Advanced knowledge of a field of work or study, involving a critical understanding of "
            "theories and principles",
            "Avancerade kunskaper inom ett arbets- eller studieområde, som inbegriper kritisk "
            "förståelse av teorier och principer",
        ),
        (
            "Advanced skills, demonstrating mastery and innovation, required to solve complex and "
            "unpredictable problems in a specialised field of work or study",
            "Avancerade färdigheter som visar på den skicklighet och innovationsförmåga som krävs "
            "för att lösa komplexa och oförutsägbara problem inom ett specialiserat arbets- eller "
            "studieområde",
        ),
        (
            "Manage complex technical or professional activities or projects, taking responsibility "
            "for decision-making in unpredictable work or study contexts; take responsibility for "
            "managing professional development of individuals and groups",
            "Leda komplexa tekniska eller yrkesmässiga verksamheter eller projekt och ta ansvar för "
            "beslutsfattande i oförutsägbara arbets- eller studiesammanhang; ta ansvar för att leda "
            "individers och gruppers yrkesmässiga utveckling",
        ),
    ),
    7: _level(
        7,
        (
            "Highly specialised knowledge, some of which is at the forefront of knowledge in a field "
            "of work or study, as the basis for original thinking and/or research; critical awareness "
            "of knowledge issues in a field and at the interface between different fields",
            "Högt specialiserade kunskaper, varav en del ligger i framkant inom ett arbets- eller "
            "studieområde, som grund för eget tänkande och/eller forskning; kritisk medvetenhet om "
            "kunskapsfrågor inom ett område och i gränssnittet mellan olika områden",
        ),
        (
            "Specialised problem-solving skills required in research and/or innovation in order to "
            "develop new knowledge and procedures and to integrate knowledge from different fields",
            "Specialiserade färdigheter i problemlösning som krävs inom forskning och/eller "
            "innovation för att utveckla ny kunskap och nya förfaranden och för att integrera "
            "kunskaper från olika områden",
        ),
        (
            "Manage and transform work or study contexts that are complex, unpredictable and require "
            "new strategic approaches; take responsibility for contributing to professional knowledge "
            "and practice and/or for reviewing the strategic performance of teams",
            "Leda och förändra arbets- eller studiesammanhang som är komplexa, oförutsägbara och "
            "kräver nya strategiska angreppssätt; ta ansvar för att bidra till yrkesmässig kunskap "
            "och praxis och/eller för att granska gruppers strategiska prestationer",
        ),
    ),
    8: _level(
        8,
        (
            "Knowledge at the most advanced frontier of a field of work or study and at the interface "
            "between fields",
            "Kunskaper i den yttersta framkanten inom ett arbets- eller studieområde och i "
            "gränssnittet mellan olika områden",
        ),
        (
            "The most advanced and specialised skills and techniques, including synthesis and "
            "evaluation, required to solve critical problems in research and/or innovation and to "
            "extend and redefine existing knowledge or professional practice",
            "De mest avancerade och specialiserade färdigheterna och teknikerna, inklusive syntes "
            "och utvärdering, som krävs för att lösa kritiska problem inom forskning och/eller "
            "innovation och för att utvidga och omdefiniera befintlig kunskap eller yrkespraxis",
        ),
        (
            "Demonstrate substantial authority, innovation, autonomy, scholarly and professional "
            "integrity and sustained commitment to the development of new ideas or processes at the "
            "forefront of work or study contexts including research",
            "Visa betydande auktoritet, innovationsförmåga, självständighet, vetenskaplig och "
            "yrkesmässig integritet och varaktigt engagemang för utvecklingen av nya idéer eller "
            "processer i framkant av arbets- eller studiesammanhang, inklusive forskning",
        ),
    ),
}
