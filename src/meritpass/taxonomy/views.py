"""Skill search, the autocomplete's suggestions, ESCO concept pages, and the levels page."""

from __future__ import annotations

from typing import Final
from uuid import UUID

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from meritpass.core.vocabularies import controlled_lists
from meritpass.core.vocabularies.eqf import EQF, SEQF_FRAMEWORK
from meritpass.taxonomy import concepts, search
from meritpass.taxonomy.concepts import ESCO
from meritpass.taxonomy.models import Concept

PAGE_RESULTS: Final = 25
SUGGESTIONS: Final = 8
_URL_NAMES: Final = {
    "skill/": "taxonomy:skill",
    "occupation/": "taxonomy:occupation",
    "isco/": "taxonomy:isco-group",
    "isced-f/": "taxonomy:field",
}


class SearchForm(forms.Form):
    """The plain GET form of the search page; it works without JavaScript."""

    q = forms.CharField(label=_("Skill or occupation"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Skills and occupations")),
            (Concept.Kind.SKILL.value, _("Skills")),
            (Concept.Kind.OCCUPATION.value, _("Occupations")),
            (Concept.Kind.SKILL_GROUP.value, _("Skill groups")),
        ],
    )


def concept_url(concept: Concept) -> str | None:
    """Return the page of ``concept`` in the active language, or None if it has none."""
    path = concept.uri.removeprefix(ESCO)
    for prefix, name in _URL_NAMES.items():
        if concept.uri.startswith(ESCO) and path.startswith(prefix):
            key = path.removeprefix(prefix)
            argument = "uuid" if name in {"taxonomy:skill", "taxonomy:occupation"} else "code"
            return reverse(name, kwargs={argument: key})
    return None


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """Show the search form and, when asked, the concepts that match."""
    form = SearchForm(request.GET or None)
    hits: list[search.Hit] = []
    query, kind = "", ""
    if form.is_valid():
        query, kind = form.cleaned_data["q"].strip(), form.cleaned_data["kind"]
    if query:
        kinds = [kind] if kind else None
        hits = search.search(query, language=_language(), kinds=kinds, limit=PAGE_RESULTS)
    context = {"form": form, "query": query, "hits": hits, "kind": kind}
    return render(request, "taxonomy/search.html", context | _attribution(), status=_status(form))


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """Return the autocomplete's options for ``q`` as an HTML fragment."""
    text = request.GET.get("q", "")[: search.MAX_QUERY_LENGTH]
    kinds = [k for k in request.GET.get("kind", "").split(",") if k]
    if any(kind not in Concept.Kind.values for kind in kinds):
        return HttpResponse(status=400)
    hits = search.search(text, language=_language(), kinds=kinds or None, limit=SUGGESTIONS)
    return render(request, "taxonomy/_suggestions.html", {"hits": hits, "query": text})


@require_GET
def skill(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show a skill or skill group."""
    return _concept_page(request, f"{ESCO}skill/{uuid}")


@require_GET
def field(request: HttpRequest, code: str) -> HttpResponse:
    """Show a field of education (ISCED-F), ESCO's group of knowledge."""
    return _concept_page(request, f"{ESCO}isced-f/{code}")


@require_GET
def occupation(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show an occupation with its essential and optional skills."""
    return _concept_page(request, f"{ESCO}occupation/{uuid}")


@require_GET
def isco_group(request: HttpRequest, code: str) -> HttpResponse:
    """Show an ISCO group with its place in the hierarchy and its occupations."""
    return _concept_page(request, f"{ESCO}isco/{code}")


def _concept_page(request: HttpRequest, uri: str) -> HttpResponse:
    concept = Concept.objects.filter(uri=uri).first()
    if concept is None:
        return render(
            request, "taxonomy/not_found.html", {"form": SearchForm()} | _attribution(), status=404
        )
    context = {"details": concepts.details(concept, _language()), "form": SearchForm()}
    return render(request, "taxonomy/concept.html", context | _attribution())


def _language() -> str:
    language = get_language()
    return language if language in search.LANGUAGES else "en"


def _attribution() -> dict[str, object]:
    return {"esco_version": concepts.esco_version()}


def _status(form: SearchForm) -> int:
    return 400 if form.is_bound and not form.is_valid() else 200


@require_GET
def levels(request: HttpRequest) -> HttpResponse:
    """Show the EQF and SeQF levels, credit systems and the controlled lists of Annex I."""
    language = _language()
    context = {
        "language": language,
        "eqf": [
            {
                "level": level.level,
                "uri": level.uri,
                "knowledge": level.knowledge.text(language),
                "skills": level.skills.text(language),
                "autonomy": level.responsibility_and_autonomy.text(language),
            }
            for level in EQF.values()
        ],
        "seqf_framework": SEQF_FRAMEWORK,
        "ects_hours": controlled_lists.ECTS_HOURS_PER_CREDIT,
        "vocabularies": [
            {
                "key": vocabulary.key,
                "name": vocabulary.name.text(language),
                "scheme": vocabulary.scheme,
                "terms": [
                    {"uri": term.uri, "label": term.label.text(language), "europass": term.europass}
                    for term in vocabulary.terms
                ],
            }
            for vocabulary in controlled_lists.ALL
        ],
    }
    return render(request, "taxonomy/levels.html", context)
