"""The authority's forms: what the browser sends becomes a scope and a period, or field errors."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import translation

from meritpass.core.vocabularies import isced_f
from meritpass.registry.errors import RegistryError
from meritpass.registry.forms import (
    AccreditationForm,
    RecognitionForm,
    end_of_day,
    field_choices,
    start_of_day,
)

VALID = {
    "eqf_levels": ["5"],
    "fields_of_education": ["0732"],
    "valid_from": "2026-01-01",
    "valid_until": "2026-12-31",
    "decision": "dnr 1",
}


def test_a_period_runs_from_the_first_day_to_the_end_of_the_last() -> None:
    form = AccreditationForm(VALID)
    assert form.is_valid(), form.errors
    valid_from, valid_until = form.period()
    assert valid_from == start_of_day(date(2026, 1, 1))
    assert valid_until is not None
    assert valid_until.date() == date(2026, 12, 31)
    assert valid_until + timedelta(seconds=1) == start_of_day(date(2027, 1, 1))
    assert form.cleaned_data["eqf_levels"] == [5]


def test_end_of_day_is_in_the_site_time_zone() -> None:
    assert end_of_day(date(2026, 6, 1)).utcoffset() == timedelta(hours=2)  # Stockholm summer


def test_every_isced_field_can_be_chosen_under_its_broad_field() -> None:
    groups = field_choices("en")
    offered = [code for _, options in groups for code, _ in options]
    assert sorted(offered) == sorted(isced_f.FIELDS)
    assert len(groups) == len(isced_f.children())
    assert ("0732", "0732 Building and civil engineering") in dict(groups)[
        "Engineering, manufacturing and construction"
    ]
    assert ("0732", "0732 Husbyggnad och anläggning") in dict(field_choices("sv"))[
        "Teknik, tillverkning och byggverksamhet"
    ]


def test_unknown_choices_are_field_errors() -> None:
    form = AccreditationForm(VALID | {"eqf_levels": ["0"], "fields_of_education": ["0737"]})
    assert not form.is_valid()
    assert set(form.errors) == {"eqf_levels", "fields_of_education"}


def test_a_service_error_lands_on_its_field_in_the_active_language() -> None:
    form = AccreditationForm(VALID)
    assert form.is_valid()
    with translation.override("sv"):
        form.add_service_error(RegistryError("registry.field_invalid", field="fields", value="x"))
    assert form.errors["fields_of_education"] == [
        "Utbildningsinriktningar: ”x” är ingen inriktning i ISCED-F 2013."
    ]


def test_a_service_error_without_field_goes_above_the_form() -> None:
    form = AccreditationForm(VALID)
    assert form.is_valid()
    with translation.override("en"):
        form.add_service_error(RegistryError("registry.not_authority"))
    assert form.non_field_errors() == [
        "Only an authority can accredit providers, recognise industry bodies or publish a trust "
        "list."
    ]


def test_a_recognition_may_be_open_ended() -> None:
    form = RecognitionForm({"sectors": ["07"], "valid_from": "2026-01-01", "valid_until": ""})
    assert form.is_valid(), form.errors
    assert form.period()[1] is None
