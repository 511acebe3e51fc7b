"""Bitstring Status List v1.0 against the W3C examples and the 1EdTech revocation fixture.

See tests/data/standards/status-list/SOURCE.md: the W3C examples' lists are all zeros; the
1EdTech list has only bit 23 set, and two Open Badges 3.0 credentials point at that index.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from meritpass.core.documents import JsonObject, parse_document
from meritpass.core.status.bitstring_status_list import (
    MINIMUM_ENTRIES,
    BitstringStatusList,
    expand_bitstring,
)
from meritpass.core.status.validate import check_status

ROOT = Path(__file__).parents[1] / "data" / "standards" / "status-list"
W3C = ROOT / "w3c-vc-bitstring-status-list" / "examples-extracted"
ONE_ED_TECH = (
    ROOT
    / "1EdTech-digital-credentials-public-validator"
    / "inspector-vc/src/test/resources/ob30/bit-string-list"
)
NOW = datetime(2025, 6, 1, tzinfo=UTC)


def load(path: Path) -> JsonObject:
    return parse_document(path.read_bytes())


def subject(credential: JsonObject) -> JsonObject:
    found = credential["credentialSubject"]
    assert isinstance(found, dict)
    return found


def gzip_member(encoded_list: str) -> bytes:
    body = encoded_list[1:]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


W3C_LISTS = [
    "example-3-example-bitstringstatuslistcredential.json",
    "example-5-a-status-list-verifiable-credential.json",
]


@pytest.mark.parametrize("name", W3C_LISTS)
def test_the_w3c_example_lists_decode_to_16_kib_of_zeros(name: str) -> None:
    encoded = subject(load(W3C / name))["encodedList"]
    assert isinstance(encoded, str)
    member = gzip_member(encoded)
    assert member[:3] == b"\x1f\x8b\x08"  # GZIP, DEFLATE (RFC 1952 §2.3.1)
    assert int.from_bytes(member[-4:], "little") == 16_384  # ISIZE
    assert expand_bitstring(encoded) == bytes(16_384)
    status_list = BitstringStatusList.decode(encoded)
    assert status_list.length == MINIMUM_ENTRIES == 131_072
    assert status_list.get_status(0) == status_list.get_status(131_071) == 0


def test_our_encoding_of_an_empty_list_expands_like_the_w3c_example() -> None:
    ours = BitstringStatusList().encode()
    theirs = subject(load(W3C / W3C_LISTS[1]))["encodedList"]
    assert expand_bitstring(ours) == expand_bitstring(theirs)


def test_the_w3c_revocable_credential_is_not_revoked() -> None:
    status_list = load(W3C / "example-5-a-status-list-verifiable-credential.json")
    credential = load(W3C / "example-4-a-revocable-verifiable-credential.json")
    (result,) = check_status(
        credential["credentialStatus"],
        get_status_list_credential={str(status_list["id"]): status_list}.get,
        now=NOW,
    )
    assert (result.code, result.purpose, result.index, result.status) == (
        "status.not_revoked",
        "revocation",
        94567,
        0,
    )


def test_of_two_w3c_entries_the_one_without_its_list_is_unavailable() -> None:
    status_list = load(W3C / "example-3-example-bitstringstatuslistcredential.json")
    credential = load(W3C / "example-1-example-statuslistcredential-using-simple-entries.json")
    results = check_status(
        credential["credentialStatus"],
        get_status_list_credential={str(status_list["id"]): status_list}.get,
        now=NOW,
    )
    assert [(r.code, r.index) for r in results] == [
        ("status.not_revoked", 94567),
        ("status.list_unavailable", 23452),
    ]


def test_the_1edtech_list_has_only_bit_23_set() -> None:
    encoded = subject(load(ONE_ED_TECH / "testlist"))["encodedList"]
    assert isinstance(encoded, str)
    assert int.from_bytes(gzip_member(encoded)[-4:], "little") == 16_384
    bitstring = expand_bitstring(encoded)
    assert bitstring[2] == 0b0000_0001  # bit 23 is the last bit of the third byte
    assert bitstring[:2] == bytes(2)
    assert bitstring[3:] == bytes(16_381)
    status_list = BitstringStatusList.decode(encoded)
    assert [i for i in range(status_list.length) if status_list.get_status(i)] == [23]


def test_our_encoding_of_bit_23_expands_like_the_1edtech_list() -> None:
    ours = BitstringStatusList()
    ours.set_status(23, 1)
    theirs = subject(load(ONE_ED_TECH / "testlist"))["encodedList"]
    assert gzip.decompress(gzip_member(ours.encode())) == expand_bitstring(theirs)


OB3_REVOKED = ["credential-status-revoked.json", "credential-status-revoked-blank-nodes.json"]


@pytest.mark.parametrize("name", OB3_REVOKED)
def test_the_1edtech_open_badges_are_revoked_at_index_23(name: str) -> None:
    status_list = load(ONE_ED_TECH / "testlist")
    credential = load(ONE_ED_TECH / name)
    status = credential["credentialStatus"]
    assert isinstance(status, dict)
    (result,) = check_status(
        status,
        get_status_list_credential={str(status["statusListCredential"]): status_list}.get,
        now=NOW,
        # The fixture's list keeps the spec example's id (https://example.com/credentials/status/3)
        # while the badges point at its GitHub URL; the 1EdTech validator does not compare them.
        require_list_id=False,
    )
    assert (result.code, result.purpose, result.index, result.status) == (
        "status.revoked",
        "revocation",
        23,
        1,
    )
    assert not result.valid


@pytest.mark.parametrize("name", OB3_REVOKED)
def test_the_1edtech_fixture_is_refused_where_it_departs_from_the_spec(name: str) -> None:
    status_list = load(ONE_ED_TECH / "testlist")
    status = load(ONE_ED_TECH / name)["credentialStatus"]
    assert isinstance(status, dict)
    source = {str(status["statusListCredential"]): status_list}.get
    (by_default,) = check_status(status, get_status_list_credential=source, now=NOW)
    assert (by_default.code, by_default.params["id"]) == (
        "status.list_id_mismatch",
        "https://example.com/credentials/status/3",
    )
    assert status["statusListIndex"] == 23  # a JSON number, where §2.1 asks for "23"
    (strict,) = check_status(
        status, get_status_list_credential=source, now=NOW, strict_index=True, require_list_id=False
    )
    assert strict.code == "status.malformed_entry"


FIXTURES = [
    ONE_ED_TECH / "testlist",
    *(ONE_ED_TECH / name for name in OB3_REVOKED),
    *(W3C / name for name in W3C_LISTS),
    W3C / "example-1-example-statuslistcredential-using-simple-entries.json",
    W3C / "example-4-a-revocable-verifiable-credential.json",
]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_the_fixtures_are_unchanged_since_they_were_copied(path: Path) -> None:
    lines = (ROOT / "SHA256SUMS").read_text("utf-8").splitlines()
    sums = {name: digest for digest, name in (line.split(maxsplit=1) for line in lines)}
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sums[f"./{path.relative_to(ROOT)}"]
