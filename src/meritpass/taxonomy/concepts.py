"""Read one ESCO concept with its neighbours, labelled in the reader's language, for pages and API.

ESCO's Swedish data has preferred labels only: descriptions and alternative labels are English,
and every text here carries the language it is actually in so that pages can mark it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from django.db.models import Q

from meritpass.taxonomy.models import (
    Broader,
    CollectionMembership,
    Concept,
    EscoRelease,
    Label,
    OccupationSkill,
    Relation,
    SkillRelation,
)

ESCO: Final = "http://data.europa.eu/esco/"
_ISCO_CODE: Final = re.compile(r"C?\d{1,4}")
_SCHEME: Final = re.compile(r"^(https?):/+")
#: An occupation's ISCO path is a handful of steps; the bound only guards against a cycle.
_MAX_DEPTH: Final = 12


@dataclass(frozen=True, slots=True)
class Text:
    """A text and the language it is in."""

    text: str
    language: str


@dataclass(frozen=True, slots=True)
class Link:
    """A concept to link to, labelled in the reader's language or, failing that, in English."""

    concept: Concept
    label: Text
    relation: str = ""


@dataclass(frozen=True, slots=True)
class ConceptDetails:
    """Everything the skill and occupation pages and the concept API show."""

    concept: Concept
    label: Text
    english_label: Text | None
    alternative_labels: list[Text]
    description: Text | None
    #: Each collection's code and its name in the active language.
    collections: list[tuple[str, str]]
    broader: list[Link]
    narrower: list[Link]
    #: Whether ESCO marks an occupation as a regulated profession; None when it does not say.
    regulated: bool | None = None
    hierarchy: list[Link] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    essential: list[Link] = field(default_factory=list)
    optional: list[Link] = field(default_factory=list)


def find(reference: str) -> Concept | None:
    """Return the concept that a UUID, an ESCO URI, its path or an ISCO code names.

    Paths look like ``isco/C2221``; ISCO codes like ``C2221`` or ``2221``.
    """
    # A proxy may merge the slashes of a URI sent in a URL path: http:/data.europa.eu/…
    reference = _SCHEME.sub(r"\1://", reference.strip())
    if reference.startswith(ESCO):
        return Concept.objects.filter(uri=reference).first()
    if "/" in reference:
        return Concept.objects.filter(uri=ESCO + reference.lstrip("/")).first()
    if _ISCO_CODE.fullmatch(reference):
        return Concept.objects.filter(uri=f"{ESCO}isco/C{reference.removeprefix('C')}").first()
    try:
        key = str(uuid.UUID(reference))
    except ValueError:
        return None
    uris = [f"{ESCO}{kind}/{key}" for kind in ("skill", "occupation")]
    return Concept.objects.filter(uri__in=uris).first()


def uuid_of(concept: Concept) -> str:
    """Return the last part of the concept's URI: a UUID, or an ISCO group's ``C`` code."""
    return concept.uri.rstrip("/").rsplit("/", 1)[-1]


def label_of(concept: Concept, language: str) -> Text:
    """Return the preferred label in ``language``, or the English one marked as English."""
    text, actual = concept.label(language)
    return Text(text, actual)


def esco_version() -> str | None:
    """Return the version of the latest imported ESCO release, or None before any import."""
    release = EscoRelease.objects.order_by("-imported_at").first()
    return release.version if release else None


def details(concept: Concept, language: str) -> ConceptDetails:
    """Return the concept with its labels, description, hierarchy and related concepts."""
    label = label_of(concept, language)
    english = Text(concept.label_en, "en") if label.language != "en" else None
    result = ConceptDetails(
        concept=concept,
        label=label,
        english_label=english,
        alternative_labels=_alternative_labels(concept, language, {label.text, concept.label_en}),
        description=_description(concept, language),
        collections=_collections(concept),
        broader=_links((link.broader for link in _broader_links(concept)), language),
        narrower=_links(
            (
                link.narrower
                for link in Broader.objects.filter(broader=concept).select_related("narrower")
            ),
            language,
        ),
        regulated=_regulated(concept.regulated_note),
    )
    if concept.kind in {Concept.Kind.OCCUPATION, Concept.Kind.ISCO_GROUP}:
        result.hierarchy.extend(_hierarchy(concept, language))
    if concept.kind == Concept.Kind.OCCUPATION:
        _add_skills(result, language)
    elif concept.kind == Concept.Kind.SKILL:
        _add_occupations(result, language)
        result.related.extend(_related(concept, language))
    return result


def _alternative_labels(concept: Concept, language: str, shown: set[str]) -> list[Text]:
    labels = Label.objects.filter(concept=concept, kind=Label.LabelKind.ALTERNATIVE)
    found: dict[str, Text] = {}
    for label in labels.order_by("language", "text"):
        if label.text not in shown and label.text not in found:
            found[label.text] = Text(label.text, label.language)
    return sorted(found.values(), key=lambda t: (t.language != language, t.text.casefold()))


def _description(concept: Concept, language: str) -> Text | None:
    if language == "sv" and concept.description_sv:
        return Text(concept.description_sv, "sv")
    if concept.description_en:
        return Text(concept.description_en, "en")
    return None


def _regulated(note: str) -> bool | None:
    """Read ESCO's regulated-profession note, a URI ending in ``/regulated`` or ``/unregulated``."""
    last = note.rstrip("/").rsplit("/", 1)[-1]
    return {"regulated": True, "unregulated": False}.get(last)


def _collections(concept: Concept) -> list[tuple[str, str]]:
    names = dict(CollectionMembership.Collection.choices)
    codes = CollectionMembership.objects.filter(concept=concept).values_list(
        "collection", flat=True
    )
    return sorted((code, str(names.get(code, code))) for code in codes)


def _broader_links(concept: Concept) -> Iterable[Broader]:
    return Broader.objects.filter(narrower=concept).select_related("broader")


def _links(concepts: Iterable[Concept], language: str, relation: str = "") -> list[Link]:
    links = [Link(c, label_of(c, language), relation) for c in concepts if not c.obsolete]
    return sorted(links, key=lambda link: link.label.text.casefold())


def _hierarchy(concept: Concept, language: str) -> list[Link]:
    """Return the chain of broader concepts, from the top ISCO group down to the direct parent."""
    chain: list[Concept] = []
    current = concept
    for _ in range(_MAX_DEPTH):
        link = Broader.objects.filter(narrower=current).select_related("broader").first()
        if link is None or link.broader in chain or link.broader == concept:
            break
        chain.append(link.broader)
        current = link.broader
    return [Link(c, label_of(c, language)) for c in reversed(chain)]


def _add_skills(result: ConceptDetails, language: str) -> None:
    rows = OccupationSkill.objects.filter(occupation=result.concept).select_related("skill")
    result.essential.extend(
        _links((r.skill for r in rows if r.relation == Relation.ESSENTIAL), language)
    )
    result.optional.extend(
        _links((r.skill for r in rows if r.relation == Relation.OPTIONAL), language)
    )


def _add_occupations(result: ConceptDetails, language: str) -> None:
    rows = OccupationSkill.objects.filter(skill=result.concept).select_related("occupation")
    result.essential.extend(
        _links((r.occupation for r in rows if r.relation == Relation.ESSENTIAL), language)
    )
    result.optional.extend(
        _links((r.occupation for r in rows if r.relation == Relation.OPTIONAL), language)
    )


def _related(concept: Concept, language: str) -> list[Link]:
    rows = SkillRelation.objects.filter(Q(skill=concept) | Q(related=concept)).select_related(
        "skill", "related"
    )
    seen: dict[int, Link] = {}
    for row in rows:
        other = row.related if row.skill_id == concept.pk else row.skill
        if other.pk not in seen and not other.obsolete:
            seen[other.pk] = Link(other, label_of(other, language), row.relation)
    return sorted(seen.values(), key=lambda link: (link.relation, link.label.text.casefold()))
