"""The taxonomy JSON API: search ESCO skills and occupations, read one concept."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import P, QueryEx, Router, Schema
from ninja.errors import HttpError

from meritpass.taxonomy import concepts, search
from meritpass.taxonomy.concepts import ConceptDetails, Link, Text
from meritpass.taxonomy.models import Concept

router = Router(tags=["skills and occupations"])

Json = dict[str, Any]
Language = Literal["sv", "en"]
Kind = Literal["skill", "skill-group", "occupation", "isco-group"]


class LabelOut(Schema):
    text: str
    language: Language


class ConceptRef(Schema):
    uri: str
    kind: Kind
    label: str
    label_language: Language


class SearchResult(ConceptRef):
    matched_label: str | None = None
    matched_language: Language | None = None
    skill_type: str | None = None
    reuse_level: str | None = None
    code: str | None = None


class SearchResponse(Schema):
    query: str
    language: Language
    results: list[SearchResult]


class RelatedRef(ConceptRef):
    relation: Literal["essential", "optional"] | None = None


class ConceptOut(ConceptRef):
    english_label: str
    alternative_labels: list[LabelOut]
    description: LabelOut | None
    skill_type: str | None
    reuse_level: str | None
    code: str | None
    regulated_note: str | None
    obsolete: bool
    collections: list[str]
    broader: list[ConceptRef]
    narrower: list[ConceptRef]
    hierarchy: list[ConceptRef]
    related: list[RelatedRef]
    essential: list[ConceptRef]
    optional: list[ConceptRef]
    esco_version: str | None


@router.get(
    "/search",
    response=SearchResponse,
    summary="Search ESCO skills and occupations",
    description=(
        "Find skills, skill groups and occupations by any label in Swedish or English, tolerant of"
        " prefixes and typos, best match first. Each concept appears once, labelled in `lang`"
        " (or in English, marked, where ESCO has no Swedish label), with the label that matched"
        " when it is another one."
    ),
)
def search_concepts(
    request: HttpRequest,
    q: QueryEx[str, P(min_length=1, max_length=200, description="What to look for.")],
    lang: QueryEx[Language, P(description="The language to label results in, ranked first.")] = (
        "sv"
    ),
    kind: QueryEx[
        list[Kind] | None,
        P(
            description="Kinds of concept; repeat for several. Default: skills, groups and"
            " occupations."
        ),
    ] = None,
    limit: QueryEx[int, P(ge=1, le=search.MAX_LIMIT, description="The most results.")] = (
        search.DEFAULT_LIMIT
    ),
) -> Json:
    """Return the concepts that best match ``q``."""
    hits = search.search(q, language=lang, kinds=kind, limit=limit)
    return {
        "query": search.parse(q, language=lang).text,
        "language": lang,
        "results": [_result(hit) for hit in hits],
    }


@router.get(
    "/concepts/{path:reference}",
    response=ConceptOut,
    summary="Read one ESCO concept",
    description=(
        "`reference` is the concept's UUID, its full ESCO URI, or an ISCO group's code. Labels are"
        " in `lang` where ESCO has them, otherwise in English; every label states its language."
    ),
)
def read_concept(
    request: HttpRequest,
    reference: str,
    lang: QueryEx[Language, P(description="The language of labels and descriptions.")] = "sv",
) -> Json:
    """Return one concept with its labels, hierarchy and related concepts."""
    concept = concepts.find(reference)
    if concept is None:
        message = _("No ESCO concept is known as “%(reference)s”.") % {"reference": reference[:200]}
        raise HttpError(404, message)
    return _concept(concepts.details(concept, lang), version=concepts.esco_version())


def _ref(concept: Concept, label: Text) -> Json:
    return {
        "uri": concept.uri,
        "kind": concept.kind,
        "label": label.text,
        "label_language": label.language,
    }


def _links(links: list[Link]) -> list[Json]:
    return [_ref(link.concept, link.label) for link in links]


def _text(text: Text | None) -> Json | None:
    return {"text": text.text, "language": text.language} if text else None


def _result(hit: search.Hit) -> Json:
    concept = hit.concept
    return {
        "uri": concept.uri,
        "kind": concept.kind,
        "label": hit.label,
        "label_language": hit.label_language,
        "matched_label": hit.matched_label,
        "matched_language": hit.matched_language,
        "skill_type": concept.skill_type or None,
        "reuse_level": concept.reuse_level or None,
        "code": concept.code or None,
    }


def _concept(found: ConceptDetails, *, version: str | None) -> Json:
    concept = found.concept
    return {
        **_ref(concept, found.label),
        "english_label": concept.label_en,
        "alternative_labels": [_text(text) for text in found.alternative_labels],
        "description": _text(found.description),
        "skill_type": concept.skill_type or None,
        "reuse_level": concept.reuse_level or None,
        "code": concept.code or None,
        "regulated_note": concept.regulated_note or None,
        "obsolete": concept.obsolete,
        "collections": [code for code, _ in found.collections],
        "broader": _links(found.broader),
        "narrower": _links(found.narrower),
        "hierarchy": _links(found.hierarchy),
        "related": [
            {**_ref(link.concept, link.label), "relation": link.relation or None}
            for link in found.related
        ],
        "essential": _links(found.essential),
        "optional": _links(found.optional),
        "esco_version": version,
    }
