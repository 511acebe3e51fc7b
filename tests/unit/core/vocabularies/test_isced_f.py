"""ISCED-F 2013 fields of education: codes, names in both languages, URIs and scope coverage."""

from __future__ import annotations

import pytest

from meritpass.core.errors import InputError
from meritpass.core.vocabularies import isced_f


def test_the_eleven_broad_fields_and_field_unknown_are_there() -> None:
    broad = [item.code for item in isced_f.children()]
    assert broad == ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "99"]


def test_a_detailed_field_has_its_official_english_name_and_a_swedish_one() -> None:
    welding = isced_f.field("0715")
    assert welding.name.en == "Mechanics and metal trades"
    assert welding.name.sv == "Maskinteknik och metallarbete"
    assert welding.level == "detailed"
    assert welding.parent == "071"
    assert welding.uri == "http://data.europa.eu/snb/isced-f/0715"


def test_every_field_has_both_languages_and_a_parent_in_the_list() -> None:
    for item in isced_f.FIELDS.values():
        assert item.name.en.strip()
        assert item.name.sv.strip()
        assert item.parent is None or item.parent in isced_f.FIELDS
        assert item.code.isdigit()


def test_every_narrow_field_has_detailed_fields() -> None:
    narrow = [item for item in isced_f.FIELDS.values() if item.level == "narrow"]
    assert narrow
    assert all(isced_f.children(item.code) for item in narrow)


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("0000", "Generic programmes and qualifications not further defined"),
        ("0099", "Generic programmes and qualifications not elsewhere classified"),
        ("0210", "Arts not further defined"),
        ("0299", "Arts and humanities not elsewhere classified"),
        ("0310", "Social and behavioural sciences not further defined"),
        ("0540", "Mathematics and statistics not further defined"),
        ("0688", "Inter-disciplinary programmes and qualifications involving Information and "
         "Communication Technologies (ICTs)"),
        ("0921", "Care of the elderly and of disabled adults"),
        ("1041", "Transport services"),
        ("9999", "Field unknown"),
    ],
)  # fmt: skip
def test_the_generic_and_inter_disciplinary_fields_follow_isced_f(code: str, english: str) -> None:
    assert isced_f.field(code).name.en == english


@pytest.mark.parametrize("code", ["0549", "0739", "060", "0600", "0620", "11", "7", "07150"])
def test_codes_that_isced_f_does_not_have_are_refused(code: str) -> None:
    assert not isced_f.is_field(code)
    with pytest.raises(InputError) as raised:
        isced_f.field(code)
    assert raised.value.code == "isced.unknown_field"
    assert code in raised.value.message("sv")


@pytest.mark.parametrize("code", [None, 715, ["0715"], b"0715"])
def test_a_code_that_is_not_text_is_refused(code: object) -> None:
    assert not isced_f.is_field(code)
    with pytest.raises(InputError):
        isced_f.field(code)


@pytest.mark.parametrize(
    ("scope", "code", "covered"),
    [
        ("07", "07", True),
        ("07", "071", True),
        ("07", "0715", True),
        ("071", "0715", True),
        ("0715", "0715", True),
        ("0715", "071", False),
        ("071", "072", False),
        ("07", "0815", False),
        ("10", "1041", True),
        ("01", "1041", False),
        ("07", "0799", True),
        ("07", "9999", False),
        ("07", "0749", False),  # not a field, even though it starts with 07
        ("7", "0715", False),
    ],
)
def test_a_scope_covers_a_field_and_the_fields_under_it(
    scope: str, code: str, covered: bool
) -> None:
    assert isced_f.covers(scope, code) is covered


def test_a_field_is_found_from_its_europass_uri() -> None:
    assert isced_f.field_from_uri("http://data.europa.eu/snb/isced-f/0715").code == "0715"
    for uri in ("http://data.europa.eu/esco/isced-f/0715", "0715", None):
        with pytest.raises(InputError):
            isced_f.field_from_uri(uri)


def test_the_fields_are_in_code_order() -> None:
    codes = list(isced_f.FIELDS)
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
