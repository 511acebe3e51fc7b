"""The forms of the issuing pages: award one learner, upload a CSV file, change an award's status.

The award form reads its input with the same rules as the CSV upload and the API
(``meritpass.issuing.validation``), so each field's error reads the same everywhere.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meritpass.catalog.models import SpecificationVersion
from meritpass.issuing.bulk import MAX_BYTES
from meritpass.issuing.errors import IssuingError
from meritpass.issuing.models import Award, StatusChange
from meritpass.issuing.services import REASON_MAX_LENGTH
from meritpass.issuing.validation import (
    DID_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    GRADE_MAX_LENGTH,
    NAME_MAX_LENGTH,
    LearnerInput,
    Rules,
    read_and_check,
)
from meritpass.site.languages import page_language

__all__ = ["AwardForm", "AwardSearchForm", "BulkUploadForm", "StatusForm", "add_errors"]


def add_errors(form: forms.Form, errors: tuple[IssuingError, ...] | list[IssuingError]) -> None:
    """Show each error next to its field (or above the form when it has none in this form)."""
    for error in errors:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message(page_language()))


class AwardForm(forms.Form):
    """One learner's award of one specification version."""

    name = forms.CharField(label=_("Learner's name"), max_length=NAME_MAX_LENGTH, required=False)
    email = forms.CharField(
        label=_("Learner's email"),
        max_length=EMAIL_MAX_LENGTH,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    did = forms.CharField(
        label=_("Learner's DID (optional)"),
        max_length=DID_MAX_LENGTH,
        required=False,
        help_text=_("A did:key or did:web identifier, if the learner has a wallet."),
    )
    date = forms.CharField(
        label=_("Date of issuing"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the learner completed the assessment (YYYY-MM-DD)."),
    )

    def __init__(self, *args: Any, version: SpecificationVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.learner: LearnerInput | None = None
        self.rules = Rules.for_version(version)
        grading = (version.content or {}).get("grading")
        if isinstance(grading, dict):
            self.fields["grade"] = _grade_field(grading)

    def clean(self) -> dict[str, Any]:
        """Read the learner with the shared rules; each error goes to its field."""
        data = super().clean() or {}
        if self.errors:
            return data
        self.learner, errors = read_and_check(data, self.rules, today=timezone.localdate())
        add_errors(self, errors)
        return data


def _grade_field(grading: dict[str, Any]) -> forms.Field:
    values = [str(value) for value in grading.get("values") or []]
    if values:
        choices = [("", _("No grade")), *((value, value) for value in values)]
        return forms.ChoiceField(label=_("Grade"), choices=choices, required=False)
    return forms.CharField(label=_("Grade"), max_length=GRADE_MAX_LENGTH, required=False)


class BulkUploadForm(forms.Form):
    """A CSV file of learners for one specification version."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with ; or , between the cells; at most 10 MB and 20,000 learners."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        """Refuse a file larger than the limit before reading it."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            error = IssuingError("issuing.csv_too_large", size=upload.size, limit=MAX_BYTES)
            raise forms.ValidationError(error.message(page_language()))
        return upload


class StatusForm(forms.Form):
    """Revoke, suspend or reinstate an award, saying why."""

    action = forms.ChoiceField(choices=StatusChange.Action.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the credential's status changes.")},
    )


class AwardSearchForm(forms.Form):
    """Find awards by the learner's name or email, and by state."""

    q = forms.CharField(label=_("Name or email"), max_length=200, required=False)
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("All")), *Award.State.choices], required=False
    )
