"""An offline JSON-LD document loader: bundled contexts only, never the network.

An unknown URL is an :class:`UnknownContextError`, as in the reference implementation's default
loader. Loaded documents are shared between calls and must be treated as read-only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from meritpass.core.documents import JsonValue
from meritpass.core.errors import UnknownContextError


@dataclass(frozen=True, slots=True)
class RemoteDocument:
    """A document obtained for a URL (JSON-LD 1.1 API §9.4.1)."""

    url: str
    document: JsonValue


DocumentLoader = Callable[[str], RemoteDocument]


@cache
def _index() -> Mapping[str, str]:
    text = resources.files(__package__).joinpath("contexts/index.json").read_text("utf-8")
    entries: dict[str, dict[str, str]] = json.loads(text)
    return MappingProxyType({url: entry["file"] for url, entry in entries.items()})


@cache
def _bundled(url: str) -> RemoteDocument:
    path = resources.files(__package__).joinpath("contexts", _index()[url])
    return RemoteDocument(url=url, document=json.loads(path.read_text("utf-8")))


def bundled_urls() -> frozenset[str]:
    """Return the URLs of every bundled context."""
    return frozenset(_index())


def bundled_loader(url: str) -> RemoteDocument:
    """Return the bundled document for ``url``, or raise :class:`UnknownContextError`."""
    if url not in _index():
        raise UnknownContextError(url=url)
    return _bundled(url)


def loader_with(
    documents: Mapping[str, JsonValue], fallback: DocumentLoader = bundled_loader
) -> DocumentLoader:
    """Return a loader that serves ``documents`` first, then asks ``fallback``."""
    extra = {url: RemoteDocument(url=url, document=doc) for url, doc in documents.items()}

    def load(url: str) -> RemoteDocument:
        found = extra.get(url)
        return found if found is not None else fallback(url)

    return load
