"""TOTP codes (RFC 6238): which steps a code matches, and the form that reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from meritpass.accounts.forms import CodeForm
from meritpass.accounts.totp import _matching_step

# RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below), 8-digit vectors
# truncated here to the 6 digits we use.
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
AT_59 = datetime.fromtimestamp(59, tz=UTC)  # step 1, code 94287082 → 287082
AT_1111111109 = datetime.fromtimestamp(1111111109, tz=UTC)  # step 37037036, 07081804 → 081804


@pytest.mark.parametrize(
    ("now", "code", "step"), [(AT_59, "287082", 1), (AT_1111111109, "081804", 37037036)]
)
def test_the_rfc_6238_vectors_match_their_step(now: datetime, code: str, step: int) -> None:
    assert _matching_step(SECRET, code, now=now) == step


def test_a_code_matches_one_step_either_side_but_not_two() -> None:
    later = datetime.fromtimestamp(59 + 30, tz=UTC)
    much_later = datetime.fromtimestamp(59 + 60, tz=UTC)
    assert _matching_step(SECRET, "287082", now=later) == 1
    assert _matching_step(SECRET, "287082", now=much_later) is None


@pytest.mark.parametrize("code", ["", "28708", "2870822", "28708a", "000000"])
def test_malformed_or_wrong_codes_match_nothing(code: str) -> None:
    assert _matching_step(SECRET, code, now=AT_59) is None


@pytest.mark.parametrize(("typed", "clean"), [("287 082", "287082"), (" 287082 ", "287082")])
def test_the_code_form_accepts_spaces(typed: str, clean: str) -> None:
    form = CodeForm({"code": typed})
    assert form.is_valid()
    assert form.cleaned_data["code"] == clean


@pytest.mark.parametrize("typed", ["12345", "abcdef", "1234567"])
def test_the_code_form_asks_for_six_digits(typed: str) -> None:
    form = CodeForm({"code": typed})
    assert not form.is_valid()
    assert form.errors["code"]
