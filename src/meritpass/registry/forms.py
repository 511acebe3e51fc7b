"""Forms of the authority: accreditation scope and period, recognition sectors and period.

The forms parse what the browser sends (dates, numbers); the services decide what is allowed, and
their errors come back next to the field they concern.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Final

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.eqf import LEVELS
from meritpass.registry.errors import RegistryError

#: The services name ``fields`` what the form calls ``fields_of_education``.
_FORM_FIELD: Final = {"fields": "fields_of_education"}


class DateInput(forms.DateInput):
    """The browser's own date picker."""

    input_type = "date"


def field_choices(language: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return the ISCED-F fields grouped by broad field, each labelled ``code name``."""
    groups = []
    for broad in isced_f.children():
        options = [(broad.code, _label(broad, language))]
        for narrow in isced_f.children(broad.code):
            options.append((narrow.code, _label(narrow, language)))
            options.extend(
                (item.code, _label(item, language)) for item in isced_f.children(narrow.code)
            )
        groups.append((broad.name.text(language), options))
    return groups


def _label(field: isced_f.Field, language: str) -> str:
    return f"{field.code} {field.name.text(language)}"


def start_of_day(day: date) -> datetime:
    """Return the first instant of ``day`` in the site's time zone."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def end_of_day(day: date) -> datetime:
    """Return the last second of ``day`` in the site's time zone (a period's last day counts)."""
    return start_of_day(day + timedelta(days=1)) - timedelta(seconds=1)


class _DecisionForm(forms.Form):
    """Shared: a period in whole days, and the mapping of service errors onto fields."""

    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)
    valid_until = forms.DateField(label=_("Valid until"), widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"valid_from": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def period(self) -> tuple[datetime, datetime | None]:
        """Return the chosen period as instants: from the first day to the end of the last."""
        until = self.cleaned_data.get("valid_until")
        return start_of_day(self.cleaned_data["valid_from"]), end_of_day(until) if until else None

    def add_service_error(self, error: RegistryError) -> None:
        """Show ``error`` next to the field it names, or above the form."""
        name = _FORM_FIELD.get(error.field or "", error.field)
        self.add_error(name if name in self.fields else None, error.message(get_language() or "sv"))


class AccreditationForm(_DecisionForm):
    """The scope (EQF levels, ISCED-F fields), period and decision of an accreditation."""

    eqf_levels = forms.TypedMultipleChoiceField(
        label=_("EQF levels"),
        coerce=int,
        choices=[(level, level) for level in LEVELS],
        widget=forms.CheckboxSelectMultiple,
    )
    fields_of_education = forms.MultipleChoiceField(
        label=_("Fields of education (ISCED-F 2013)"),
        help_text=_(
            "A broad or narrow field covers every field under it. Hold Ctrl (or ⌘) to choose "
            "several."
        ),
        widget=forms.SelectMultiple(attrs={"size": 14}),
    )
    decision = forms.CharField(
        label=_("Decision reference"),
        max_length=200,
        help_text=_("The registration number or other reference of the authority's decision."),
    )

    field_order = ["eqf_levels", "fields_of_education", "valid_from", "valid_until", "decision"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "sv"
        self.fields["fields_of_education"].choices = field_choices(language)  # type: ignore[attr-defined]
        self.fields["eqf_levels"].choices = [  # type: ignore[attr-defined]
            (level, _("EQF level %(level)s") % {"level": level}) for level in LEVELS
        ]


class RecognitionForm(_DecisionForm):
    """The sectors and period of an industry body's recognition."""

    sectors = forms.MultipleChoiceField(
        label=_("Sectors (ISCED-F 2013 fields)"),
        help_text=_(
            "The fields in which the body reviews and approves specifications. Hold Ctrl (or ⌘) "
            "to choose several."
        ),
        widget=forms.SelectMultiple(attrs={"size": 14}),
    )

    field_order = ["sectors", "valid_from", "valid_until"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["valid_until"].required = False
        self.fields["valid_until"].help_text = _("Leave empty for a recognition without end date.")
        self.fields["sectors"].choices = field_choices(get_language() or "sv")  # type: ignore[attr-defined]
