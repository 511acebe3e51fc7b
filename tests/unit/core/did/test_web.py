"""did:web ↔ HTTPS URL mapping, strict validation, and resolution through a fetcher."""

from __future__ import annotations

import json

import pytest

from meritpass.core.did.web import did_web_to_url, resolve_did_web, url_to_did_web
from meritpass.core.errors import DidError, ResolutionError
from meritpass.core.limits import Limits

MAPPINGS = [
    ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
    ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
    ("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"),
    ("did:web:example.com%3A8443", "https://example.com:8443/.well-known/did.json"),
    ("did:web:xn--kompetenspass-7ib.se", "https://xn--kompetenspass-7ib.se/.well-known/did.json"),
    (
        "did:web:meritpass.example:org:yrkesakademin",
        "https://meritpass.example/org/yrkesakademin/did.json",
    ),
    ("did:web:a.example:v1.2:key_set-3", "https://a.example/v1.2/key_set-3/did.json"),
]


@pytest.mark.parametrize(("did", "url"), MAPPINGS)
def test_did_to_url_and_back(did: str, url: str) -> None:
    assert did_web_to_url(did) == url
    assert url_to_did_web(url) == did


@pytest.mark.parametrize(
    ("url", "did"),
    [
        ("https://example.com", "did:web:example.com"),
        ("https://example.com/", "did:web:example.com"),
        ("https://Example.COM/user/alice/", "did:web:example.com:user:alice"),
        ("https://example.com/user/alice", "did:web:example.com:user:alice"),
    ],
)
def test_origin_and_path_urls_name_a_did_too(url: str, did: str) -> None:
    assert url_to_did_web(url) == did


@pytest.mark.parametrize(
    ("did", "code"),
    [
        ("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "did.web_invalid"),
        ("did:web:", "did.web_host"),
        ("did:web:127.0.0.1", "did.web_host"),  # IPv4
        ("did:web:0x7f.0.0.1", "did.web_host"),  # IPv4 in hex, as WHATWG parsers read it
        ("did:web:2130706433", "did.web_host"),  # IPv4 as one number
        ("did:web:1.example.123", "did.web_host"),  # numeric top-level label
        ("did:web:%5B%3A%3A1%5D", "did.web_host"),  # [::1]
        ("did:web:localhost", "did.web_host"),  # single label
        ("did:web:localhost%3A8000", "did.web_host"),
        ("did:web:Example.com", "did.web_host"),  # upper case
        ("did:web:example..com", "did.web_host"),  # empty label
        ("did:web:.example.com", "did.web_host"),
        ("did:web:-bad.example", "did.web_host"),
        ("did:web:user%40example.com", "did.web_host"),  # userinfo
        ("did:web:user@example.com", "did.web_host"),
        ("did:web:example.com#key-1", "did.web_host"),  # a fragment: a DID URL, not a DID
        ("did:web:example.com?service=x", "did.web_host"),
        ("did:web:example.com/path", "did.web_host"),
        ("did:web:exämple.com", "did.web_host"),  # IDNs must be in punycode
        ("did:web:" + "a" * 64 + ".example", "did.web_host"),
        ("did:web:example.com%3A", "did.web_port"),
        ("did:web:example.com%3A0", "did.web_port"),
        ("did:web:example.com%3A65536", "did.web_port"),
        ("did:web:example.com%3A080", "did.web_port"),
        ("did:web:example.com%3Ahttp", "did.web_port"),
        ("did:web:example.com%3a8443", "did.web_host"),  # only the upper-case encoding
        ("did:web:example.com:", "did.web_path"),  # empty segment
        ("did:web:example.com::alice", "did.web_path"),
        ("did:web:example.com:user:", "did.web_path"),
        ("did:web:example.com:..:admin", "did.web_path"),  # traversal
        ("did:web:example.com:.", "did.web_path"),
        ("did:web:example.com:.well-known", "did.web_path"),  # would alias the root document
        ("did:web:example.com:user%2Falice", "did.web_path"),
        ("did:web:example.com:user#key-1", "did.web_path"),
        ("did:web:example.com:" + "a" * 2048, "did.web_invalid"),
    ],
)
def test_invalid_did_webs_are_refused(did: str, code: str) -> None:
    with pytest.raises(DidError) as caught:
        did_web_to_url(did)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/.well-known/did.json",
        "https://user:pw@example.com/did.json",
        "https://@example.com/did.json",
        "https://example.com/did.json?x=1",
        "https://example.com/did.json#key",
        "https://example.com//did.json",
        "https://example.com/did.json",  # not where any did:web document lives
        "https://example.com/a//b/did.json",
        "https://example.com:80:90/did.json",
        "https://example.com:/did.json",
        "https://127.0.0.1/did.json",
        "https://[::1]/did.json",
        "https://example.com/user%20name/did.json",
        "ftp://example.com/did.json",
        "https://\u212aexample.com/did.json",  # KELVIN SIGN lower-cases to an ASCII k
    ],
)
def test_urls_a_did_web_cannot_name_are_refused(url: str) -> None:
    with pytest.raises(DidError):
        url_to_did_web(url)


DID = "did:web:issuer.example:org:a"
DOCUMENT = {"@context": "https://www.w3.org/ns/did/v1", "id": DID}


class FakeWeb:
    """Serves fixed bytes per URL and records what was asked for."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.requested: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.requested.append(url)
        if url not in self.pages:
            raise ResolutionError("resolution.failed", what=url, reason="404")
        return self.pages[url]


def test_resolution_fetches_the_mapped_url_and_parses_the_document() -> None:
    web = FakeWeb({"https://issuer.example/org/a/did.json": json.dumps(DOCUMENT).encode()})
    assert resolve_did_web(DID, fetch=web) == DOCUMENT
    assert web.requested == ["https://issuer.example/org/a/did.json"]


def test_a_document_naming_another_did_is_refused() -> None:
    other = {"id": "did:web:attacker.example"}
    web = FakeWeb({"https://issuer.example/org/a/did.json": json.dumps(other).encode()})
    with pytest.raises(ResolutionError) as caught:
        resolve_did_web(DID, fetch=web)
    assert caught.value.code == "did.document_id_mismatch"


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", b'{"id": "a", "id": "b"}', b"\xff\xfe", b'{"id": "' + b"x" * 200 + b'"}'],
)
def test_an_unusable_document_is_a_resolution_failure(body: bytes) -> None:
    web = FakeWeb({"https://issuer.example/org/a/did.json": body})
    with pytest.raises(ResolutionError) as caught:
        resolve_did_web(DID, fetch=web, limits=Limits(max_bytes=100))
    assert caught.value.code == "did.document_invalid"


def test_the_fetchers_own_resolution_error_passes_through() -> None:
    with pytest.raises(ResolutionError) as caught:
        resolve_did_web(DID, fetch=FakeWeb({}))
    assert caught.value.code == "resolution.failed"


def test_any_other_fetcher_failure_becomes_a_resolution_error() -> None:
    def broken(url: str) -> bytes:
        raise OSError("connection reset")

    with pytest.raises(ResolutionError) as caught:
        resolve_did_web(DID, fetch=broken)
    assert caught.value.code == "did.fetch_failed"
    assert caught.value.params["url"] == "https://issuer.example/org/a/did.json"


def test_an_invalid_did_is_refused_before_anything_is_fetched() -> None:
    web = FakeWeb({})
    with pytest.raises(DidError):
        resolve_did_web("did:web:169.254.169.254", fetch=web)
    assert web.requested == []
