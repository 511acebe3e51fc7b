"""Checking a credential's status entries against their lists (§3.2 Validate Algorithm)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import pytest

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import ResolutionError
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.status.credential import status_list_credential, status_list_entry
from meritpass.core.status.validate import SPEC_ERRORS, StatusResult, check_status

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
REVOCATIONS = "https://issuer.example/status/r"
SUSPENSIONS = "https://issuer.example/status/s"


def make_list(
    url: str, purpose: str | list[str], *, set_: Mapping[int, int] | None = None, size: int = 1
) -> JsonObject:
    status_list = BitstringStatusList(status_size=size)
    for index, status in (set_ or {}).items():
        status_list.set_status(index, status)
    return status_list_credential(
        credential_id=url,
        issuer="did:web:issuer.example",
        status_purpose=purpose,
        status_list=status_list,
        valid_from=datetime(2025, 1, 1, tzinfo=UTC),
        valid_until=datetime(2026, 1, 1, tzinfo=UTC),
    )


class Lists:
    """A hand-written source of already verified status list credentials, counting fetches."""

    def __init__(self, *credentials: JsonObject, **by_url: object) -> None:
        self.documents: dict[str, object] = {str(c["id"]): c for c in credentials} | by_url
        self.fetched: list[str] = []

    def __call__(self, url: str) -> object:
        self.fetched.append(url)
        return self.documents.get(url)


def entry(
    url: str = REVOCATIONS, purpose: str = "revocation", index: int = 94567, **changes: JsonValue
) -> JsonObject:
    value = status_list_entry(
        status_list_credential=url, status_list_index=index, status_purpose="revocation"
    )
    value.update({"statusPurpose": purpose}, **changes)
    return value


def check(status: object, lists: Lists, **options: object) -> tuple[StatusResult, ...]:
    return check_status(status, get_status_list_credential=lists, now=NOW, **options)  # type: ignore[arg-type]


def only(status: object, lists: Lists, **options: object) -> StatusResult:
    (result,) = check(status, lists, **options)
    return result


REVOKED_AT_7 = make_list(REVOCATIONS, "revocation", set_={7: 1})


# Outcomes


def test_an_unset_revocation_bit_is_not_revoked() -> None:
    result = only(entry(index=8), Lists(REVOKED_AT_7))
    assert result == StatusResult(
        "status.not_revoked",
        purpose="revocation",
        index=8,
        status=0,
        message="unset",
        status_list_credential=REVOCATIONS,
        params={"purpose": "revocation", "index": 8, "status": "0x0"},
    )
    assert result.checked
    assert result.valid


def test_a_set_revocation_bit_is_revoked() -> None:
    result = only(entry(index=7), Lists(REVOKED_AT_7))
    assert (result.code, result.status, result.valid) == ("status.revoked", 1, False)
    assert result.text("en") == "The credential has been revoked."
    assert result.text("sv") == "Intyget har återkallats."


@pytest.mark.parametrize(
    ("purpose", "unset", "set_"),
    [
        ("suspension", "status.not_suspended", "status.suspended"),
        ("refresh", "status.no_refresh", "status.refresh"),
        ("custom-purpose", "status.unset", "status.set"),
    ],
)
def test_each_purpose_names_its_outcome(purpose: str, unset: str, set_: str) -> None:
    status_list = make_list(SUSPENSIONS, "suspension", set_={3: 1})
    subject = status_list["credentialSubject"]
    assert isinstance(subject, dict)
    subject["statusPurpose"] = purpose  # beyond the purposes Meritpass issues, as §2.1 allows
    lists = Lists(status_list)
    assert only(entry(SUSPENSIONS, purpose, index=2), lists).code == unset
    assert only(entry(SUSPENSIONS, purpose, index=3), lists).code == set_


def test_a_message_entry_reports_the_value_and_its_message() -> None:
    lists = Lists(make_list(SUSPENSIONS, "message", set_={5: 2}, size=2))
    value = status_list_entry(
        status_list_credential=SUSPENSIONS,
        status_list_index=5,
        status_purpose="message",
        status_size=2,
        status_messages=["pending_review", "accepted", "rejected", "undefined"],
    )
    result = only(value, lists)
    assert (result.code, result.status, result.message) == ("status.message", 2, "rejected")
    assert result.text("sv") == "Intyget har status 0x2 i sin statuslista."


def test_every_entry_of_an_array_gets_a_result_in_order() -> None:
    lists = Lists(REVOKED_AT_7, make_list(SUSPENSIONS, "suspension", set_={7: 1}))
    results = check([entry(index=7), entry(SUSPENSIONS, "suspension", index=8)], lists)
    assert [r.code for r in results] == ["status.revoked", "status.not_suspended"]


def test_a_list_with_several_purposes_serves_each() -> None:
    lists = Lists(make_list(REVOCATIONS, ["revocation", "suspension"], set_={7: 1}))
    results = check([entry(index=7), entry(purpose="suspension", index=7)], lists)
    assert [r.code for r in results] == ["status.revoked", "status.suspended"]


def test_a_list_is_fetched_once_for_several_entries() -> None:
    lists = Lists(REVOKED_AT_7)
    check([entry(index=1), entry(index=7), entry(index=9)], lists)
    assert lists.fetched == [REVOCATIONS]


def test_no_status_means_nothing_to_check() -> None:
    assert check(None, Lists()) == ()
    assert check([], Lists()) == ()


# Failures: the entry


def test_a_malformed_entry_fails_without_fetching() -> None:
    lists = Lists(REVOKED_AT_7)
    result = only(entry(statusListIndex="-3"), lists)
    assert (result.code, result.params) == (
        "status.malformed_entry",
        {"property": "statusListIndex"},
    )
    assert not result.checked
    assert not result.valid
    assert lists.fetched == []


def test_an_entry_of_another_type_is_unsupported() -> None:
    result = only({"type": "1EdTechRevocationList", "id": "https://x.example/1"}, Lists())
    assert result.code == "status.unsupported_type"


def test_an_index_outside_the_list_is_out_of_range() -> None:
    result = only(entry(index=131_072), Lists(REVOKED_AT_7))
    assert result.code == "status.index_out_of_range"
    assert result.params == {"purpose": "revocation", "index": 131_072, "length": 131_072}
    assert result.index == 131_072
    assert SPEC_ERRORS[result.code] == "RANGE_ERROR"


def test_too_many_entries_are_refused_as_a_whole() -> None:
    results = check([entry(index=i) for i in range(17)], Lists(REVOKED_AT_7))
    assert [r.code for r in results] == ["status.too_many_entries"]
    assert len(check([entry(index=i) for i in range(3)], Lists(), max_entries=3)) == 3


def test_a_strict_check_refuses_a_number_as_index() -> None:
    value = entry(index=7) | {"statusListIndex": 7}
    assert only(value, Lists(REVOKED_AT_7)).code == "status.revoked"
    assert only(value, Lists(REVOKED_AT_7), strict_index=True).code == "status.malformed_entry"


# Failures: the list


def test_a_list_that_cannot_be_obtained_is_unavailable() -> None:
    result = only(entry(), Lists())
    assert (result.code, result.params["url"]) == ("status.list_unavailable", REVOCATIONS)
    assert SPEC_ERRORS[result.code] == "STATUS_RETRIEVAL_ERROR"


def test_a_source_that_raises_a_meritpass_error_makes_the_list_unavailable() -> None:
    def failing(url: str) -> object:
        raise ResolutionError(what=url, reason="HTTP 503")

    result = check_status(entry(), get_status_list_credential=failing, now=NOW)[0]
    assert (result.code, result.params["cause"]) == ("status.list_unavailable", "resolution.failed")


def test_a_list_for_another_purpose_is_a_mismatch() -> None:
    result = only(entry(purpose="suspension"), Lists(REVOKED_AT_7))
    assert result.code == "status.purpose_mismatch"
    assert "suspension" in result.text("en")
    assert SPEC_ERRORS[result.code] == "STATUS_VERIFICATION_ERROR"


def test_a_list_with_another_id_is_refused_unless_allowed() -> None:
    lists = Lists(**{REVOCATIONS: make_list("https://elsewhere.example/l", "revocation")})
    result = only(entry(), lists)
    assert (result.code, result.params["id"]) == (
        "status.list_id_mismatch",
        "https://elsewhere.example/l",
    )
    assert only(entry(), lists, require_list_id=False).code == "status.not_revoked"


def test_a_list_without_an_id_is_refused_unless_allowed() -> None:
    anonymous = make_list(REVOCATIONS, "revocation")
    del anonymous["id"]
    lists = Lists(**{REVOCATIONS: anonymous})
    assert only(entry(), lists).code == "status.list_id_mismatch"
    assert only(entry(), lists, require_list_id=False).code == "status.not_revoked"


@pytest.mark.parametrize(
    ("moment", "code"),
    [
        (datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC), "status.list_not_yet_valid"),
        (datetime(2025, 1, 1, tzinfo=UTC), "status.not_revoked"),
        (datetime(2026, 1, 1, tzinfo=UTC), "status.not_revoked"),
        (datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC), "status.list_expired"),
    ],
)
def test_the_list_must_be_valid_now(moment: datetime, code: str) -> None:
    results = check_status(entry(), get_status_list_credential=Lists(REVOKED_AT_7), now=moment)
    assert results[0].code == code


def test_vc_1_1_dates_are_read_when_the_vc_2_0_ones_are_absent() -> None:
    old = {k: v for k, v in REVOKED_AT_7.items() if k not in {"validFrom", "validUntil"}}
    old |= {"issuanceDate": "2025-01-01T00:00:00Z", "expirationDate": "2025-02-01T00:00:00Z"}
    assert only(entry(), Lists(old)).code == "status.list_expired"


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="time zone"):
        check_status(entry(), get_status_list_credential=Lists(), now=datetime(2025, 1, 1))


SUBJECT = "credentialSubject"
PURPOSES = "credentialSubject.statusPurpose"


@pytest.mark.parametrize(
    ("change", "prop"),
    [
        ({"type": ["VerifiableCredential"]}, "type"),
        ({"validFrom": "yesterday"}, "validFrom"),
        ({"validUntil": 20260101}, "validUntil"),
        ({SUBJECT: "list"}, SUBJECT),
        ({SUBJECT: [{"type": "BitstringStatusList"}] * 2}, SUBJECT),
        ({SUBJECT: {"type": "StatusList2021", "statusPurpose": "revocation"}}, SUBJECT),
        ({SUBJECT: {"type": "BitstringStatusList", "statusPurpose": 1}}, PURPOSES),
        ({SUBJECT: {"type": "BitstringStatusList"}}, PURPOSES),
        ({SUBJECT: {"type": "BitstringStatusList", "statusPurpose": []}}, PURPOSES),
    ],
)
def test_a_malformed_list_credential_names_the_property(change: JsonObject, prop: str) -> None:
    result = only(entry(), Lists(REVOKED_AT_7 | change))
    assert (result.code, result.params["property"]) == ("status.malformed_list", prop)


def test_a_list_that_is_not_an_object_is_malformed() -> None:
    result = only(entry(), Lists(**{REVOCATIONS: ["not", "a", "credential"]}))
    assert (result.code, SPEC_ERRORS[result.code]) == (
        "status.list_not_object",
        "MALFORMED_VALUE_ERROR",
    )


def test_a_single_subject_in_an_array_is_accepted() -> None:
    subject = REVOKED_AT_7["credentialSubject"]
    assert (
        only(entry(index=7), Lists(REVOKED_AT_7 | {"credentialSubject": [subject]})).valid is False
    )


@pytest.mark.parametrize(
    ("encoded", "code"),
    [
        (None, "status.not_multibase"),
        ("uH4sI*", "status.bad_base64"),
        ("uAAAA", "status.not_gzip"),
        (BitstringStatusList().encode()[:-1], "status.truncated"),
    ],
)
def test_an_unreadable_encoded_list_fails_with_its_code(encoded: JsonValue, code: str) -> None:
    subject = REVOKED_AT_7["credentialSubject"]
    assert isinstance(subject, dict)
    subject = subject | {"encodedList": encoded}
    assert only(entry(), Lists(REVOKED_AT_7 | {"credentialSubject": subject})).code == code


def test_a_list_too_short_for_group_privacy_fails_unless_the_ecosystem_allows_it() -> None:
    two_bit = make_list(REVOCATIONS, "message")  # one-bit list read as two-bit: half the entries
    value = entry(purpose="message", index=3) | {
        "statusSize": 2,
        "statusMessage": [{"status": hex(i), "message": str(i)} for i in range(4)],
    }
    result = only(value, Lists(two_bit))
    assert (result.code, SPEC_ERRORS[result.code]) == (
        "status.list_too_short",
        "STATUS_LIST_LENGTH_ERROR",
    )
    assert only(value, Lists(two_bit), minimum_entries=65_536).code == "status.message"


def test_a_bomb_in_the_list_fails_and_other_entries_still_get_results() -> None:
    lists = Lists(REVOKED_AT_7, make_list(SUSPENSIONS, "suspension"))
    results = check(
        [entry(index=7), entry(SUSPENSIONS, "suspension", index=7)],
        lists,
        max_bitstring_bytes=8_192,
    )
    assert [r.code for r in results] == ["status.too_large", "status.too_large"]


def test_a_failed_list_is_not_fetched_again() -> None:
    lists = Lists()
    check([entry(index=1), entry(index=2)], lists)
    assert lists.fetched == [REVOCATIONS]


def test_failure_texts_render_in_both_languages() -> None:
    result = only(entry(), Lists())
    assert REVOCATIONS in result.text("en")
    assert result.text("sv").startswith("Statuslistan")


def test_each_faulty_entry_gets_its_own_failure_instead_of_an_exception() -> None:
    results = check([entry(statusListIndex=None), {"type": 1}, 5, entry()], Lists())
    assert [r.code for r in results] == [
        "status.malformed_entry",
        "status.unsupported_type",
        "status.malformed_entry",
        "status.list_unavailable",
    ]
