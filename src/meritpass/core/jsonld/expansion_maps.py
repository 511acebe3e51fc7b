"""Language, index, id and type maps (JSON-LD 1.1 API §5.1.2 steps 13.7 and 13.8)."""

from __future__ import annotations

from collections.abc import Callable

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.context import (
    UNSET,
    ActiveContext,
    TermDefinition,
    expand_iri,
    process_context,
)
from meritpass.core.jsonld.expansion_values import as_list, expand_value, is_graph_object
from meritpass.core.jsonld.iri import is_language_tag
from meritpass.core.jsonld.options import Options, invalid

Recurse = Callable[[ActiveContext, str, JsonValue], JsonValue]


def language_tag(value: JsonValue, *, safe: bool) -> str:
    """Return a language tag in lower case; in safe mode a malformed one is an error."""
    if not isinstance(value, str):
        raise invalid("invalid language-tagged string", value)
    if safe and not is_language_tag(value):
        raise JsonLdError("jsonld.invalid_language", language=value)
    return value.lower()


def language_map(
    active: ActiveContext, definition: TermDefinition, value: JsonObject, *, safe: bool
) -> list[JsonValue]:
    """Step 13.7: expand a language map into language-tagged strings."""
    direction = active.direction
    if definition.direction is not UNSET:
        direction = definition.direction  # type: ignore[assignment]
    result: list[JsonValue] = []
    for language, items in sorted(value.items()):
        for item in as_list(items):
            if item is None:
                continue
            if not isinstance(item, str):
                raise invalid("invalid language map value", item)
            entry: JsonObject = {"@value": item}
            if expand_iri(active, language, vocab=True) != "@none":
                entry["@language"] = language_tag(language, safe=safe)
            if direction is not None:
                entry["@direction"] = direction
            result.append(entry)
    return result


def index_map(
    active: ActiveContext,
    *,
    key: str,
    definition: TermDefinition,
    value: JsonObject,
    options: Options,
    recurse: Recurse,
) -> list[JsonValue]:
    """Step 13.8: expand the index, id or type map of ``key``; ``recurse`` expands members."""
    result: list[JsonValue] = []
    for index, members in sorted(value.items()):
        map_context = _map_context(active, definition, index, options)
        expanded_index = expand_iri(active, index, vocab=True)
        for item in as_list(recurse(map_context, key, as_list(members))):
            result.append(_member(active, definition, index, expanded_index, item))
    return result


def _map_context(
    active: ActiveContext, definition: TermDefinition, index: str, options: Options
) -> ActiveContext:
    if not definition.container & {"@id", "@type"}:
        return active
    context = active.previous or active
    if "@type" in definition.container:
        scoped = context.terms.get(index)
        if scoped is not None and scoped.context is not UNSET:
            return process_context(
                context,
                scoped.context,  # type: ignore[arg-type]
                options,
                base_url=scoped.base_url,
                propagate=False,
                cacheable=scoped.cacheable,
            )
    return context


def _member(
    active: ActiveContext,
    definition: TermDefinition,
    index: str,
    expanded_index: str | None,
    item: JsonValue,
) -> JsonValue:
    container = definition.container
    if not isinstance(item, dict):
        raise invalid("invalid container member", index)
    if "@graph" in container and not is_graph_object(item):
        item = {"@graph": [item]}
    if expanded_index == "@none":
        return item
    index_key = definition.index or "@index"
    if "@index" in container and index_key != "@index":
        if "@value" in item:
            raise invalid("invalid value object", index)
        property_iri = expand_iri(active, index_key, vocab=True)
        if property_iri is not None:
            existing = item.get(property_iri)
            item[property_iri] = [expand_value(active, index_key, index), *as_list(existing or [])]
    elif "@index" in container:
        item.setdefault("@index", index)
    elif "@id" in container:
        item.setdefault("@id", expand_iri(active, index, document_relative=True))
    elif "@type" in container:
        item["@type"] = [expanded_index, *as_list(item.get("@type", []))]
    return item
