"""EQF and SeQF levels, and the controlled lists of the Annex I elements."""

from __future__ import annotations

import pytest

from meritpass.core.errors import InputError
from meritpass.core.vocabularies import controlled_lists
from meritpass.core.vocabularies.eqf import EQF, eqf_level, seqf_level


def test_there_are_eight_eqf_levels_with_three_descriptors_in_both_languages() -> None:
    assert sorted(EQF) == list(range(1, 9))
    for level in EQF.values():
        for text in (level.knowledge, level.skills, level.responsibility_and_autonomy):
            assert text.en
            assert text.sv
            assert text.en != text.sv


def test_eqf_levels_carry_the_europass_uri() -> None:
    assert eqf_level(6).uri == "http://data.europa.eu/snb/eqf/6"
    assert eqf_level(1).knowledge.sv == "Grundläggande allmänna kunskaper"


@pytest.mark.parametrize("level", [0, 9, -1, True, "4", 4.0, None])
def test_an_eqf_level_outside_1_to_8_is_refused(level: object) -> None:
    with pytest.raises(InputError) as raised:
        eqf_level(level)
    assert raised.value.code == "level.eqf_out_of_range"


def test_a_seqf_level_needs_a_placement_decision() -> None:
    for missing in (None, "", "   "):
        with pytest.raises(InputError) as raised:
            seqf_level(5, placement_decision=missing)
        assert raised.value.code == "level.seqf_needs_decision"
        assert "beslutet om nivåplacering" in raised.value.message("sv")
    level = seqf_level(5, placement_decision=" MYH 2024/1234 ")
    assert level.placement_decision == "MYH 2024/1234"
    assert level.eqf is EQF[5]
    assert level.name.sv == "SeQF-nivå 5"


def test_seqf_levels_are_1_to_8() -> None:
    with pytest.raises(InputError) as raised:
        seqf_level(9, placement_decision="beslut")
    assert raised.value.code == "level.seqf_out_of_range"


@pytest.mark.parametrize("vocabulary", controlled_lists.ALL, ids=lambda v: v.key)
def test_every_list_has_unique_terms_in_both_languages(
    vocabulary: controlled_lists.ControlledList,
) -> None:
    uris = [term.uri for term in vocabulary.terms]
    assert len(uris) == len(set(uris))
    assert all(term.label.en and term.label.sv for term in vocabulary.terms)
    assert vocabulary.name.en
    assert vocabulary.name.sv


def test_europass_uris_are_told_apart_from_ours() -> None:
    online = controlled_lists.PARTICIPATION_FORMS.term(
        "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    )
    assert online.europass
    industry = controlled_lists.QUALITY_ASSURANCE_TYPES.term(
        "urn:meritpass:vocabulary:quality-assurance:industry-approval"
    )
    assert not industry.europass


def test_an_unknown_term_is_named() -> None:
    with pytest.raises(InputError) as raised:
        controlled_lists.ASSESSMENT_TYPES.term("http://example.org/exam")
    assert (
        raised.value.message("en")
        == "http://example.org/exam is not a value of the list “assessment-type”."
    )
