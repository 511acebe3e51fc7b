"""Forms of the catalog: the specification editor, review decisions, delegation and search.

The editor turns a version's content JSON into form values and back. Every field is optional
(a draft may be partial); only values that cannot be right (a word where a number belongs, an
unknown skill, a SeQF level without its decision) are refused, next to their field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from django import forms
from django.utils.translation import gettext_lazy as _

from meritpass.accounts.models import Organisation
from meritpass.catalog import content as spec_content
from meritpass.core.vocabularies import controlled_lists, isced_f
from meritpass.core.vocabularies.controlled_lists import ControlledList
from meritpass.core.vocabularies.eqf import LEVELS
from meritpass.site.languages import page_language
from meritpass.taxonomy.forms import ConceptField
from meritpass.taxonomy.models import Concept

TITLE_LIMIT: Final = 200
TEXT_LIMIT: Final = 5000
#: Skill pickers shown for an outcome beyond the skills it already has (one is always empty).
MIN_SKILL_SLOTS: Final = 2
MAX_SKILL_SLOTS: Final = 20
MAX_OUTCOMES: Final = 50
#: The multilingual text elements of the editor: content key → form field stem.
TEXTS: Final = {
    "title": "title",
    "description": "description",
    "prerequisites": "prerequisites",
    "stackability": "stackability",
    "furtherInformation": "further_information",
}
#: The controlled-list elements: content key → (form field, list).
TERMS: Final[Mapping[str, tuple[str, ControlledList]]] = {
    "assessmentType": ("assessment_type", controlled_lists.ASSESSMENT_TYPES),
    "participationForm": ("participation_form", controlled_lists.PARTICIPATION_FORMS),
    "qualityAssurance": ("quality_assurance", controlled_lists.QUALITY_ASSURANCE_TYPES),
    "supervision": ("supervision", controlled_lists.SUPERVISION_AND_IDENTITY),
}
_SKILL_KEY: Final = re.compile(r"skill_(\d{1,2})\Z")


def _text_field(label: Any, *, limit: int = TEXT_LIMIT, rows: int = 3) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows > 1 else forms.TextInput()
    return forms.CharField(label=label, required=False, max_length=limit, widget=widget)


def term_choices(vocabulary: ControlledList) -> list[tuple[str, str]]:
    """Return the list's terms as select options in the active language."""
    language = page_language()
    return [("", "—"), *((term.uri, term.label.text(language)) for term in vocabulary.terms)]


def field_choices() -> list[tuple[str, Any]]:
    """Return the ISCED-F fields grouped by broad field, each labelled with its code."""
    language = page_language()
    groups: list[tuple[str, Any]] = [("", "—")]
    for broad in isced_f.children(None):
        members = [
            (item.code, f"{item.code} {item.name.text(language)}")
            for item in isced_f.FIELDS.values()
            if item.code.startswith(broad.code)
        ]
        groups.append((f"{broad.code} {broad.name.text(language)}", members))
    return groups


def level_choices(kind: str) -> list[tuple[str, str]]:
    """Return the levels 1 to 8 of the EQF or SeQF as select options."""
    name = _("EQF level %(level)s") if kind == "eqf" else _("SeQF level %(level)s")
    return [("", "—"), *((str(level), str(name) % {"level": level}) for level in LEVELS)]


class SpecificationForm(forms.Form):
    """Every Annex I element a specification carries, Swedish and English side by side."""

    language = forms.ChoiceField(
        label=_("Language of the credentials"),
        choices=[("sv", _("Swedish")), ("en", _("English"))],
        initial="sv",
        help_text=_("The language in which awards of this specification are issued."),
    )
    title_sv = _text_field(_("Title in Swedish"), limit=TITLE_LIMIT, rows=1)
    title_en = _text_field(_("Title in English"), limit=TITLE_LIMIT, rows=1)
    description_sv = _text_field(_("Description in Swedish"), rows=4)
    description_en = _text_field(_("Description in English"), rows=4)
    ects = forms.DecimalField(
        label=_("ECTS credits"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
    )
    hours = forms.IntegerField(label=_("Hours"), required=False, min_value=1, max_value=999_999)
    eqf_level = forms.TypedChoiceField(
        label=_("EQF level"), required=False, coerce=int, empty_value=None
    )
    seqf_level = forms.TypedChoiceField(
        label=_("SeQF level"), required=False, coerce=int, empty_value=None
    )
    seqf_decision = _text_field(_("Placement decision (SeQF)"), limit=TITLE_LIMIT, rows=1)
    field_of_education = forms.ChoiceField(
        label=_("Field of education (ISCED-F 2013)"), required=False
    )
    assessment_type = forms.ChoiceField(label=_("Type of assessment"), required=False)
    participation_form = forms.ChoiceField(label=_("Form of participation"), required=False)
    quality_assurance = forms.ChoiceField(label=_("Type of quality assurance"), required=False)
    prerequisites_sv = _text_field(_("Prerequisites in Swedish"))
    prerequisites_en = _text_field(_("Prerequisites in English"))
    supervision = forms.ChoiceField(
        label=_("Supervision and identity verification during assessment"), required=False
    )
    grading_scheme_sv = _text_field(_("Grading scheme in Swedish"), rows=2)
    grading_scheme_en = _text_field(_("Grading scheme in English"), rows=2)
    grading_values = forms.CharField(
        label=_("Grades"),
        required=False,
        max_length=1000,
        help_text=_("Separate the grades with commas, e.g. A, B, C. Leave empty for free text."),
    )
    stackability_sv = _text_field(_("Integration and stackability in Swedish"))
    stackability_en = _text_field(_("Integration and stackability in English"))
    further_information_sv = _text_field(_("Further information in Swedish"))
    further_information_en = _text_field(_("Further information in English"))
    homepage = forms.URLField(
        label=_("Web page"), required=False, max_length=2000, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choice("eqf_level").choices = level_choices("eqf")
        self._choice("seqf_level").choices = level_choices("seqf")
        self._choice("field_of_education").choices = field_choices()
        for name, vocabulary in TERMS.values():
            self._choice(name).choices = term_choices(vocabulary)

    def _choice(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        level, decision = data.get("seqf_level"), (data.get("seqf_decision") or "").strip()
        if level and not decision:
            self.add_error(
                "seqf_decision",
                _("A SeQF level can only be given with the reference of its placement decision."),
            )
        if decision and not level:
            self.add_error("seqf_level", _("Choose the SeQF level that the decision placed."))
        return data

    @classmethod
    def initial_from(cls, content: Mapping[str, Any]) -> dict[str, Any]:
        """Return the form's initial values for ``content``."""
        initial: dict[str, Any] = {"language": spec_content.language(content)}
        for key, stem in TEXTS.items():
            for language in spec_content.LANGUAGES:
                initial[f"{stem}_{language}"] = spec_content.exact_text(content.get(key), language)
        workload = _mapping(content.get("workload"))
        seqf, grading = _mapping(content.get("seqf")), _mapping(content.get("grading"))
        initial |= {
            "ects": workload.get("ects"),
            "hours": workload.get("hours"),
            "eqf_level": content.get("eqfLevel"),
            "seqf_level": seqf.get("level"),
            "seqf_decision": seqf.get("decision", ""),
            "field_of_education": content.get("fieldOfEducation", ""),
            "homepage": content.get("homepage") or "",
            "grading_scheme_sv": spec_content.exact_text(grading.get("scheme"), "sv"),
            "grading_scheme_en": spec_content.exact_text(grading.get("scheme"), "en"),
            "grading_values": ", ".join(str(value) for value in grading.get("values") or []),
        }
        for key, (name, _vocabulary) in TERMS.items():
            initial[name] = content.get(key) or ""
        return initial

    def content(self, outcomes: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        """Return the content JSON of the cleaned form, leaving out what is empty."""
        data = self.cleaned_data
        result: dict[str, Any] = {"language": data["language"]}
        for key, stem in TEXTS.items():
            _put(result, key, _texts(data, stem))
        _put(result, "learningOutcomes", list(outcomes))
        _put(result, "workload", _workload(data.get("ects"), data.get("hours")))
        _put(result, "eqfLevel", data.get("eqf_level"))
        if data.get("seqf_level"):
            result["seqf"] = {"level": data["seqf_level"], "decision": data["seqf_decision"]}
        _put(result, "fieldOfEducation", data.get("field_of_education"))
        for key, (name, _vocabulary) in TERMS.items():
            _put(result, key, data.get(name))
        _put(result, "grading", _grading(data))
        _put(result, "homepage", data.get("homepage"))
        return result


class OutcomeForm(forms.Form):
    """One learning outcome: its text in both languages and the ESCO skills it is linked to."""

    text_sv = _text_field(_("Learning outcome in Swedish"), limit=1000, rows=2)
    text_en = _text_field(_("Learning outcome in English"), limit=1000, rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index in range(self._slots()):
            self.fields[f"skill_{index}"] = ConceptField(
                label=_("ESCO skill %(number)s") % {"number": index + 1}, required=False
            )

    def _slots(self) -> int:
        if self.is_bound:
            prefix = self.add_prefix("")
            indexes = [
                int(match.group(1))
                for key in self.data
                if key.startswith(prefix) and (match := _SKILL_KEY.match(key[len(prefix) :]))
            ]
            return min(max([*indexes, 0]) + 1, MAX_SKILL_SLOTS)
        chosen = len((self.initial or {}).get("skills") or [])
        return min(max(chosen + 1, MIN_SKILL_SLOTS), MAX_SKILL_SLOTS)

    def skill_fields(self) -> list[forms.BoundField]:
        """Return the skill pickers in order, for the template."""
        return [self[name] for name in self.fields if name.startswith("skill_")]

    def text_fields(self) -> list[forms.BoundField]:
        """Return the Swedish and English text inputs, for the template."""
        return [self["text_sv"], self["text_en"]]

    def outcome(self) -> dict[str, Any] | None:
        """Return the outcome as content JSON, or None when it is empty or deleted."""
        data = getattr(self, "cleaned_data", {})
        if data.get("DELETE"):
            return None
        skills: list[str] = []
        for name, value in data.items():
            if name.startswith("skill_") and isinstance(value, Concept) and value.uri not in skills:
                skills.append(value.uri)
        text = _texts(data, "text")
        if not text and not skills:
            return None
        return {"text": text or {"sv": "", "en": ""}, "skills": skills}


class BaseOutcomeFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def outcomes(self) -> list[dict[str, Any]]:
        """Return the non-empty outcomes as content JSON, in order."""
        found = (form.outcome() for form in self.forms)
        return [outcome for outcome in found if outcome is not None]


OutcomeFormSet = forms.formset_factory(
    OutcomeForm,
    formset=BaseOutcomeFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=MAX_OUTCOMES,
    absolute_max=MAX_OUTCOMES,
    validate_max=True,
)


def outcome_initial(content: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the initial values of the outcome forms for ``content``."""
    rows: list[dict[str, Any]] = []
    for outcome in spec_content.outcomes(content):
        skills = spec_content.outcome_skills(outcome)
        row: dict[str, Any] = {
            "text_sv": spec_content.exact_text(outcome.get("text"), "sv"),
            "text_en": spec_content.exact_text(outcome.get("text"), "en"),
            "skills": skills,
        }
        row |= {f"skill_{index}": uri for index, uri in enumerate(skills)}
        rows.append(row)
    return rows


class OrganisationChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of organisation, each shown by its name in the page's language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name(page_language()))


class SubmitForm(forms.Form):
    """Choose the industry body that reviews the version."""

    reviewing_body = OrganisationChoiceField(
        label=_("Reviewing industry body"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, bodies: Iterable[Organisation] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewing_body"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[body.pk for body in bodies])


class CommentForm(forms.Form):
    """A comment on a version, or the reason for a decision."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DelegationForm(forms.Form):
    """Choose the accredited provider that may issue the specification too."""

    provider = OrganisationChoiceField(
        label=_("Education provider"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, providers: Iterable[Organisation] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["provider"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[item.pk for item in providers])


class CatalogueSearchForm(forms.Form):
    """The public catalogue's GET form; it works without JavaScript."""

    q = forms.CharField(label=_("Title or description"), required=False, max_length=200)
    skill = ConceptField(label=_("ESCO skill"), required=False)
    eqf = forms.TypedChoiceField(label=_("EQF level"), required=False, coerce=int, empty_value=None)
    provider = forms.ChoiceField(label=_("Provider"), required=False)

    def __init__(self, *args: Any, providers: Iterable[Organisation] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = page_language()
        eqf = self.fields["eqf"]
        provider = self.fields["provider"]
        assert isinstance(eqf, forms.ChoiceField)
        assert isinstance(provider, forms.ChoiceField)
        eqf.choices = level_choices("eqf")
        provider.choices = [("", _("All providers"))] + [
            (item.slug, item.name(language)) for item in providers
        ]


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _texts(data: Mapping[str, Any], stem: str) -> dict[str, str] | None:
    values = {language: (data.get(f"{stem}_{language}") or "").strip() for language in ("sv", "en")}
    return values if any(values.values()) else None


def _put(result: dict[str, Any], key: str, value: object) -> None:
    if value not in (None, "", [], {}):
        result[key] = value


def _workload(ects: Decimal | None, hours: int | None) -> dict[str, Any] | None:
    if ects is None and hours is None:
        return None
    return {"ects": _decimal(ects) if ects is not None else None, "hours": hours}


def _decimal(value: Decimal) -> str:
    written = format(value, "f")
    return written.rstrip("0").rstrip(".") if "." in written else written


def _grading(data: Mapping[str, Any]) -> dict[str, Any] | None:
    scheme = _texts(data, "grading_scheme")
    values = [part.strip() for part in (data.get("grading_values") or "").split(",")]
    values = list(dict.fromkeys(value for value in values if value))
    if scheme is None and not values:
        return None
    return {"scheme": scheme or {"sv": "", "en": ""}, "values": values}
