"""did:web (https://w3c-ccg.github.io/did-method-web/): identifier ↔ HTTPS URL, and resolution.

``did:web:example.com`` is served at ``https://example.com/.well-known/did.json``,
``did:web:example.com:org:a`` at ``https://example.com/org/a/did.json``, and a port is written
``%3A`` (``did:web:example.com%3A8443``). The mapping is strict, because the URL is fetched: the
host must be a lower-case DNS name with an alphabetic top-level label (so no IP literal in any of
its spellings, no ``localhost``), the port 1 to 65535, and each path segment non-empty, made of
ASCII letters, digits, ``.``, ``-`` and ``_`` only, and neither ``.`` nor ``..``. User names,
queries, fragments and other percent-encodings are refused. The core never fetches: the edge
passes a :data:`Fetcher`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from meritpass.core.documents import JsonObject, parse_document
from meritpass.core.errors import DidError, InputError, MeritpassError, ResolutionError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.limits import DEFAULT_LIMITS, Limits

#: Returns the bytes served at an HTTPS URL, or raises :class:`ResolutionError`.
Fetcher = Callable[[str], bytes]

PREFIX: Final = "did:web:"
MAX_LENGTH: Final = 2048
_ENCODED_COLON: Final = "%3A"
_WELL_KNOWN: Final = ".well-known"
_DOCUMENT: Final = "did.json"

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
_TOP_LABEL = re.compile(r"(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})\Z")
_SEGMENT = re.compile(r"[A-Za-z0-9._-]+\Z")
_PORT = re.compile(r"[1-9][0-9]{0,4}\Z")
_HTTPS_URL = re.compile(r"https://([^/?#]*)(/[^?#]*)?\Z")


def did_web_to_url(did: str) -> str:
    """Return the HTTPS URL of the DID document of ``did``."""
    host, port, path = _parse(did)
    authority = host if port is None else f"{host}:{port}"
    location = "/".join(path) if path else _WELL_KNOWN
    return f"https://{authority}/{location}/{_DOCUMENT}"


def url_to_did_web(url: str) -> str:
    """Return the did:web served at ``url`` (a ``…/did.json`` URL, or the origin and path)."""
    match = _HTTPS_URL.match(url) if len(url) <= MAX_LENGTH and url.isascii() else None
    if match is None or "@" in match.group(1):
        raise DidError("did.web_url", url=excerpt(url))
    host, separator, port = match.group(1).lower().partition(":")
    if separator and not _PORT.match(port):
        raise DidError("did.web_url", url=excerpt(url))
    path = _url_path(match.group(2) or "/", url)
    authority = host + _ENCODED_COLON + port if separator else host
    did = PREFIX + authority + "".join(":" + segment for segment in path)
    _parse(did)
    return did


def resolve_did_web(did: str, *, fetch: Fetcher, limits: Limits = DEFAULT_LIMITS) -> JsonObject:
    """Fetch, parse and return the DID document of ``did``; its ``id`` must be ``did``."""
    url = did_web_to_url(did)
    try:
        raw = fetch(url)
    except MeritpassError:
        raise
    except Exception as error:  # the fetcher does network I/O: any failure means "not obtained"
        raise ResolutionError("did.fetch_failed", did=did, url=url) from error
    try:
        document = parse_document(raw, limits=limits)
    except InputError:
        raise ResolutionError("did.document_invalid", did=did) from None
    check_document_id(document, did)
    return document


def check_document_id(document: JsonObject, did: str) -> None:
    """Refuse a DID document whose ``id`` is not ``did`` (DID Core §7.1.2)."""
    if document.get("id") != did:
        raise ResolutionError(
            "did.document_id_mismatch", did=excerpt(did), found=excerpt(document.get("id"))
        )


def _parse(did: str) -> tuple[str, str | None, tuple[str, ...]]:
    if len(did) > MAX_LENGTH or not did.startswith(PREFIX):
        raise DidError("did.web_invalid", did=excerpt(did))
    authority, *path = did[len(PREFIX) :].split(":")
    host, separator, port = authority.partition(_ENCODED_COLON)
    if not _is_dns_name(host):
        raise DidError("did.web_host", did=excerpt(did))
    if separator and (not _PORT.match(port) or int(port) > 65535):
        raise DidError("did.web_port", did=excerpt(did))
    if path[:1] == [_WELL_KNOWN] or not all(map(_is_segment, path)):
        raise DidError("did.web_path", did=excerpt(did))
    return host, port if separator else None, tuple(path)


def _is_dns_name(host: str) -> bool:
    labels = host.split(".")
    return (
        len(host) <= 253
        and len(labels) >= 2
        and all(_LABEL.match(label) for label in labels)
        and _TOP_LABEL.match(labels[-1]) is not None
    )


def _is_segment(segment: str) -> bool:
    return _SEGMENT.match(segment) is not None and segment not in {".", ".."}


def _url_path(path: str, url: str) -> tuple[str, ...]:
    if path.endswith("/" + _DOCUMENT):
        folder = path[: -len(_DOCUMENT) - 1]
        if folder == "/" + _WELL_KNOWN:
            return ()
        if not folder:
            raise DidError("did.web_url", url=excerpt(url))
    else:
        folder = path.removesuffix("/")
        if not folder:
            return ()
    segments = tuple(folder[1:].split("/"))
    if "" in segments:
        raise DidError("did.web_url", url=excerpt(url))
    return segments
