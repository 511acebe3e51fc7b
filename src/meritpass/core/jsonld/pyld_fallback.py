"""The exact fallback: PyLD expands what the fast path does not support; RDF conversion is ours.

Only PyLD's expansion is used: its N-Quads escaping is wrong for control characters and its
canonicalizer is unbounded, so the expanded document goes through our own conversion, which
applies safe mode to every quad. During expansion safe mode is applied through PyLD's hook for
dropped properties and by keeping free-floating nodes so they can be refused afterwards. PyLD
gets a context cache of its own for each call: its shared cache is keyed by URL alone and would
serve one loader's context to another.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from pyld import jsonld as pyld
from pyld.context_resolver import ContextResolver

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError, MeritpassError
from meritpass.core.jsonld.options import Options, invalid


def expand(
    document: JsonValue,
    options: Options,
    *,
    expand_context: JsonValue = None,
    processing_mode: str = "json-ld-1.1",
) -> list[JsonObject]:
    """Expand ``document`` with PyLD, applying the same safe mode as the fast path."""
    failures: list[MeritpassError] = []
    load = _loader(options, failures)

    def dropped(expanded_property: object) -> None:
        if options.safe:
            error = JsonLdError("jsonld.undefined_term", term=str(expanded_property))
            failures.append(error)
            raise error

    settings: dict[str, object] = {
        "base": None if options.safe else options.base,
        "documentLoader": load,
        "contextResolver": ContextResolver({}, load),
        "keepFreeFloatingNodes": options.safe,
        "processingMode": processing_mode,
    }
    if expand_context is not None:
        settings["expandContext"] = expand_context
    try:
        expanded = pyld.JsonLdProcessor(on_property_dropped=dropped).expand(document, settings)
    except pyld.JsonLdError as error:
        if failures:
            raise failures[0] from None
        raise invalid(str(error.code or error.type), _detail(error)) from None
    except RecursionError:
        raise JsonLdError("jsonld.too_deep", limit=options.limits.max_depth) from None
    if options.safe:
        _refuse_free_floating(expanded)
    return [item for item in expanded if isinstance(item, dict)]


def _loader(
    options: Options, failures: list[MeritpassError]
) -> Callable[[str, object], dict[str, object]]:
    def load(url: str, _options: object = None) -> dict[str, object]:
        try:
            remote = options.loader(url)
        except MeritpassError as error:
            failures.append(error)
            raise
        return {
            "contextUrl": None,
            "documentUrl": remote.url,
            "document": copy.deepcopy(remote.document),
        }

    return load


def _detail(error: pyld.JsonLdError) -> str:
    return str(error).splitlines()[0][:200] if str(error) else str(error.type)


def _refuse_free_floating(nodes: list[JsonValue]) -> None:
    """Refuse top-level and ``@graph`` members that expansion would have dropped (§5.1.2 s. 19)."""
    pending = list(nodes)
    while pending:
        node = pending.pop()
        if not isinstance(node, dict):
            raise JsonLdError("jsonld.dropped_value", what="free-floating value")
        if not node or "@value" in node or "@list" in node or node.keys() == {"@id"}:
            raise JsonLdError("jsonld.dropped_value", what="free-floating node")
        graph = node.get("@graph")
        if isinstance(graph, list):
            pending.extend(graph)
