"""Controlled lists for the Annex I elements of a micro-credential.

Values use the Europass controlled-vocabulary URIs (``http://data.europa.eu/snb/…``, from the ELM
v3 code lists and EDC samples) where one exists; where Europass has no concept we could identify,
the value is a Meritpass URN (``urn:meritpass:vocabulary:…``) and ``europass`` is False, so an
export to ELM can say so instead of inventing an EU URI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from meritpass.core.errors import InputError
from meritpass.core.messages import Message


@dataclass(frozen=True, slots=True)
class Term:
    """One value of a controlled list."""

    uri: str
    label: Message

    @property
    def europass(self) -> bool:
        return self.uri.startswith("http://data.europa.eu/snb/")


@dataclass(frozen=True, slots=True)
class ControlledList:
    """A controlled list: its scheme URI (where Europass has one), name and terms."""

    key: str
    name: Message
    scheme: str | None
    terms: tuple[Term, ...]

    def term(self, uri: str) -> Term:
        """Return the term ``uri``, or raise naming the list."""
        for term in self.terms:
            if term.uri == uri:
                return term
        raise InputError("vocabulary.unknown_term", uri=uri, vocabulary=self.key)


def _t(uri: str, en: str, sv: str) -> Term:
    return Term(uri, Message(en=en, sv=sv))


_SNB: Final = "http://data.europa.eu/snb/"
_OWN: Final = "urn:meritpass:vocabulary:"

ASSESSMENT_TYPES: Final = ControlledList(
    "assessment-type",
    Message(en="Type of assessment", sv="Typ av bedömning"),
    _SNB + "assessment/25831c2",
    (
        _t(_SNB + "assessment/6e6cb2cc78", "Written examination", "Skriftligt prov"),
        _t(_SNB + "assessment/d30284d7df", "Oral examination", "Muntligt prov"),
        _t(_SNB + "assessment/6a4db9f11d", "Practical assessment", "Praktiskt prov"),
        _t(_SNB + "assessment/2939dae15f", "Marked assignment", "Bedömd inlämningsuppgift"),
        _t(_SNB + "assessment/795dac4096", "Project work", "Projektarbete"),
        _t(_SNB + "assessment/4f03b91c0e", "Portfolio", "Portfölj"),
        _t(_SNB + "assessment/3484bd7e51", "Continuous evaluation", "Löpande bedömning"),
        _t(_SNB + "assessment/de4d165a6c", "Artefact assessment", "Bedömning av produkt"),
        _t(_SNB + "assessment/56539a6507", "Group performance", "Gruppuppgift"),
        _t(_SNB + "assessment/19a2e5e671", "Peer assessment", "Kamratbedömning"),
        _t(_SNB + "assessment/812e3b0ae1", "Peer review", "Kollegial granskning"),
        _t(_SNB + "assessment/b1b68f6735", "Quiz", "Kunskapstest"),
        _t(_SNB + "assessment/c4256a2726", "Problem-based learning", "Problembaserat lärande"),
        _t(_SNB + "assessment/7331eb4762", "Level of attendance", "Närvaro"),
    ),
)

PARTICIPATION_FORMS: Final = ControlledList(
    "participation-form",
    Message(en="Form of participation", sv="Deltagandeform"),
    _SNB + "learning-assessment/25831c2",
    (
        _t(_SNB + "learning-assessment/920fbb3cbe", "Online", "På distans (online)"),
        _t(_SNB + "learning-assessment/9191af2ed9", "On site", "På plats"),
        _t(_SNB + "learning-assessment/e92d221e4d", "Blended", "Kombinerad (på plats och online)"),
        _t(_SNB + "learning-assessment/729f3bed4b", "Work-based", "Arbetsplatsförlagd"),
        _t(_SNB + "learning-assessment/7813801c77", "Project-based", "Projektbaserad"),
        _t(
            _SNB + "learning-assessment/ed4c557045",
            "Research or lab based",
            "Forsknings- eller laborationsbaserad",
        ),
    ),
)

SUPERVISION_AND_IDENTITY: Final = ControlledList(
    "supervision-verification",
    Message(
        en="Supervision and identity verification during assessment",
        sv="Övervakning och identitetskontroll vid bedömningen",
    ),
    _SNB + "supervision-verification/25831c2",
    (
        _t(
            _SNB + "supervision-verification/c598449d64",
            "Unsupervised, without identity verification",
            "Utan övervakning, utan identitetskontroll",
        ),
        _t(
            _SNB + "supervision-verification/df2880c5cb",
            "Unsupervised, with identity verification",
            "Utan övervakning, med identitetskontroll",
        ),
        _t(
            _OWN + "supervision:supervised-without-id",
            "Supervised, without identity verification",
            "Med övervakning, utan identitetskontroll",
        ),
        _t(
            _OWN + "supervision:supervised-online-with-id",
            "Supervised online, with identity verification",
            "Övervakad på distans, med identitetskontroll",
        ),
        _t(
            _OWN + "supervision:supervised-onsite-with-id",
            "Supervised on site, with identity verification",
            "Övervakad på plats, med identitetskontroll",
        ),
    ),
)

QUALITY_ASSURANCE_TYPES: Final = ControlledList(
    "quality-assurance",
    Message(en="Type of quality assurance", sv="Typ av kvalitetssäkring"),
    _SNB + "accreditation/25831c2",
    (
        _t(
            _SNB + "accreditation/820101cba6",
            "Programme quality assurance",
            "Kvalitetssäkring av utbildningen",
        ),
        _t(
            _SNB + "accreditation/bb4618238e",
            "Institutional quality assurance",
            "Kvalitetssäkring av lärosätet eller anordnaren",
        ),
        _t(_SNB + "accreditation/e57dddfcf3", "Programme licence", "Tillstånd för utbildningen"),
        _t(
            _SNB + "accreditation/003293d2ce",
            "Institutional licence",
            "Tillstånd för lärosätet eller anordnaren",
        ),
        _t(
            _OWN + "quality-assurance:industry-approval",
            "Approval of the requirements by the industry",
            "Branschens godkännande av kraven",
        ),
    ),
)

CREDIT_SYSTEMS: Final = ControlledList(
    "credit-system",
    Message(en="Credit system", sv="Poängsystem"),
    _SNB + "education-credit/25831c2",
    (
        _t(
            _SNB + "education-credit/6fcec5c5af",
            "European Credit Transfer and Accumulation System (ECTS)",
            "Europeiska systemet för överföring och ackumulering av studiemeriter (ECTS)",
        ),
        _t(
            _SNB + "education-credit/60b314e826",
            "European Credit system for Vocational Education and Training (ECVET)",
            "Europeiska systemet för meritöverföring inom yrkesutbildning (ECVET)",
        ),
    ),
)

LEARNING_SETTINGS: Final = ControlledList(
    "learning-setting",
    Message(en="Learning setting", sv="Lärandemiljö"),
    _SNB + "learning-setting/25831c2",
    (
        _t(_SNB + "learning-setting/6fd4685715", "Formal learning", "Formellt lärande"),
        _t(_SNB + "learning-setting/e207a81fc7", "Non-formal learning", "Icke-formellt lärande"),
    ),
)

ALL: Final = (
    ASSESSMENT_TYPES,
    PARTICIPATION_FORMS,
    SUPERVISION_AND_IDENTITY,
    QUALITY_ASSURANCE_TYPES,
    CREDIT_SYSTEMS,
    LEARNING_SETTINGS,
)
#: ECTS: one credit point corresponds to 25 to 30 hours of work (ECTS Users' Guide 2015).
ECTS_HOURS_PER_CREDIT: Final = (25, 30)
