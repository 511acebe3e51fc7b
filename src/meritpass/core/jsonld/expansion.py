"""JSON-LD 1.1 expansion (JSON-LD 1.1 API §5.1 Expansion Algorithm).

The result is expanded JSON-LD as the spec defines it. In safe mode, whatever the algorithm
would silently drop is an error instead, as in the reference implementation (jsonld.js with
``safe: true``): undefined terms, relative IRIs, free-floating values, reserved identifiers and
malformed language tags. Recursion is bounded by ``Limits.max_depth``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.context import (
    UNSET,
    ActiveContext,
    TermDefinition,
    expand_iri,
    initial_context,
    process_context,
)
from meritpass.core.jsonld.expansion_maps import index_map, language_map, language_tag
from meritpass.core.jsonld.expansion_values import (
    SCALARS,
    as_list,
    check_value_object,
    describe,
    dropped,
    expand_value,
    is_free_floating,
)
from meritpass.core.jsonld.iri import is_absolute
from meritpass.core.jsonld.options import Options, invalid

_KEYWORDS: Final = frozenset(
    (
        "@context", "@direction", "@graph", "@id", "@included", "@index", "@json", "@language",
        "@list", "@nest", "@none", "@reverse", "@set", "@type", "@value", "@base", "@container",
        "@import", "@prefix", "@propagate", "@protected", "@version", "@vocab",
    )
)  # fmt: skip
_MAPS: Final = frozenset(("@index", "@id", "@type"))


def expand(
    document: JsonValue, options: Options, *, expand_context: JsonValue = None
) -> list[JsonObject]:
    """Expand ``document`` (the steps of §9 ``expand()`` after loading) into node objects."""
    active = initial_context(None if options.safe else options.base)
    if expand_context is not None:
        if isinstance(expand_context, dict) and "@context" in expand_context:
            expand_context = expand_context["@context"]
        active = process_context(active, expand_context, options, base_url=options.base)
    expanded = _Expander(options).expand(active, None, document, 0)
    if isinstance(expanded, dict) and expanded.keys() == {"@graph"}:
        expanded = expanded["@graph"]
    return [item for item in as_list(expanded) if isinstance(item, dict)]


@dataclass(slots=True)
class _Frame:
    """One map being expanded: steps 12-14 of §5.1.2 share these."""

    active: ActiveContext
    type_scoped: ActiveContext
    prop: str | None
    input_type: str | None
    depth: int
    result: JsonObject = field(default_factory=dict)
    nests: list[str] = field(default_factory=list)


class _Expander:
    __slots__ = ("max_depth", "options", "safe")

    def __init__(self, options: Options) -> None:
        self.options = options
        self.safe = options.safe
        self.max_depth = options.limits.max_depth

    def expand(
        self,
        active: ActiveContext,
        prop: str | None,
        element: JsonValue,
        depth: int,
        *,
        from_map: bool = False,
    ) -> JsonValue:
        """Expansion Algorithm (§5.1.2) for one element under active property ``prop``."""
        if element is None:
            return None
        if depth > self.max_depth:
            raise JsonLdError("jsonld.too_deep", limit=self.max_depth)
        definition = active.terms.get(prop) if prop is not None else None
        if isinstance(element, list):
            return self._array(active, prop, definition, element, depth, from_map=from_map)
        if isinstance(element, dict):
            return self._map(active, prop, definition, element, depth, from_map=from_map)
        if not isinstance(element, SCALARS):
            raise invalid("invalid JSON value", type(element).__name__)
        if prop is None or _is_graph_property(active, prop):
            if self.safe:
                raise dropped("free-floating scalar")
            return None
        if definition is not None and definition.context is not UNSET:
            active = self._scoped(active, definition)
        return expand_value(active, prop, element)

    def _array(
        self,
        active: ActiveContext,
        prop: str | None,
        definition: TermDefinition | None,
        element: list[JsonValue],
        depth: int,
        *,
        from_map: bool,
    ) -> list[JsonValue]:
        result: list[JsonValue] = []
        in_list = definition is not None and "@list" in definition.container
        for item in element:
            expanded = self.expand(active, prop, item, depth + 1, from_map=from_map)
            if in_list and isinstance(expanded, list):
                result.append({"@list": expanded})
            elif isinstance(expanded, list):
                result.extend(expanded)
            elif expanded is not None:
                result.append(expanded)
        return result

    def _scoped(self, active: ActiveContext, definition: TermDefinition) -> ActiveContext:
        return process_context(
            active,
            definition.context,  # type: ignore[arg-type]
            self.options,
            base_url=definition.base_url,
            override_protected=True,
            cacheable=definition.cacheable,
        )

    def _map(
        self,
        active: ActiveContext,
        prop: str | None,
        definition: TermDefinition | None,
        element: JsonObject,
        depth: int,
        *,
        from_map: bool,
    ) -> JsonValue:
        if active.previous is not None and not from_map and _reverts(active, element):
            active = active.previous
        if definition is not None and definition.context is not UNSET:
            active = self._scoped(active, definition)
        if "@context" in element:
            active = process_context(
                active, element["@context"], self.options, base_url=self.options.base
            )
        type_scoped = active
        type_keys = sorted(key for key in element if _expand_key(active, key) == "@type")
        for key in type_keys:
            active = self._apply_type_contexts(active, type_scoped, element[key])
        frame = _Frame(active, type_scoped, prop, _input_type(active, element, type_keys), depth)
        for key, value in element.items():
            if key != "@context":
                self._entry(frame, key, value)
        self._nested(frame, element)
        return self._finish(frame)

    def _apply_type_contexts(
        self, active: ActiveContext, type_scoped: ActiveContext, value: JsonValue
    ) -> ActiveContext:
        for term in sorted(term for term in as_list(value) if isinstance(term, str)):
            definition = type_scoped.terms.get(term)
            if definition is not None and definition.context is not UNSET:
                active = process_context(
                    active,
                    definition.context,  # type: ignore[arg-type]
                    self.options,
                    base_url=definition.base_url,
                    propagate=False,
                    cacheable=definition.cacheable,
                )
        return active

    def _entry(self, frame: _Frame, key: str, value: JsonValue) -> None:
        """Step 13 of §5.1.2 for one entry."""
        definition = frame.active.terms.get(key)
        expanded = (
            definition.iri if definition is not None else expand_iri(frame.active, key, vocab=True)
        )
        if expanded is None or (":" not in expanded and expanded not in _KEYWORDS):
            if self.safe:
                raise JsonLdError("jsonld.undefined_term", term=key)
            return
        if expanded in _KEYWORDS:
            self._keyword(frame, key, expanded, value)
        else:
            self._property(frame, definition, key, expanded, value)

    def _keyword(self, frame: _Frame, key: str, keyword: str, value: JsonValue) -> None:
        if frame.prop == "@reverse":
            raise invalid("invalid reverse property map", key)
        if keyword in frame.result and keyword not in ("@type", "@included", "@reverse"):
            raise invalid("colliding keywords", keyword)
        handler = _KEYWORD_HANDLERS.get(keyword)
        if handler is not None:
            handler(self, frame, value)
        elif keyword == "@nest":
            frame.nests.append(key)

    def _id(self, frame: _Frame, value: JsonValue) -> None:
        if not isinstance(value, str):
            raise invalid("invalid @id value", value)
        expanded = expand_iri(frame.active, value, document_relative=True)
        if self.safe:
            if expanded is None:
                raise JsonLdError("jsonld.reserved_term", term=value)
            if not (is_absolute(expanded) or expanded.startswith("_:")):
                raise JsonLdError("jsonld.relative_iri", iri=value)
        frame.result["@id"] = expanded

    def _type(self, frame: _Frame, value: JsonValue) -> None:
        expanded: list[JsonValue] = []
        for item in as_list(value):
            if not isinstance(item, str):
                raise invalid("invalid type value", value)
            iri = expand_iri(frame.type_scoped, item, vocab=True, document_relative=True)
            if self.safe and (iri is None or not (is_absolute(iri) or iri.startswith("_:"))):
                raise JsonLdError("jsonld.relative_iri", iri=item)
            if iri is not None:
                expanded.append(iri)
        previous = frame.result.get("@type")
        if previous is not None:
            frame.result["@type"] = [*as_list(previous), *expanded]
        elif isinstance(value, list):
            frame.result["@type"] = expanded
        elif expanded:
            frame.result["@type"] = expanded[0]

    def _graph(self, frame: _Frame, value: JsonValue) -> None:
        expanded = self.expand(frame.active, "@graph", value, frame.depth + 1)
        frame.result["@graph"] = as_list(expanded) if expanded is not None else []

    def _included(self, frame: _Frame, value: JsonValue) -> None:
        expanded = self.expand(frame.active, frame.prop, value, frame.depth + 1)
        nodes = as_list(expanded)
        if not all(isinstance(n, dict) and "@value" not in n and "@list" not in n for n in nodes):
            raise invalid("invalid @included value")
        frame.result["@included"] = [*as_list(frame.result.get("@included", [])), *nodes]

    def _value(self, frame: _Frame, value: JsonValue) -> None:
        if frame.input_type != "@json" and value is not None and not isinstance(value, SCALARS):
            raise invalid("invalid value object value", value)
        frame.result["@value"] = value

    def _language(self, frame: _Frame, value: JsonValue) -> None:
        frame.result["@language"] = language_tag(value, safe=self.safe)

    def _direction(self, frame: _Frame, value: JsonValue) -> None:
        if value not in ("ltr", "rtl"):
            raise invalid("invalid base direction", value)
        frame.result["@direction"] = value

    def _index(self, frame: _Frame, value: JsonValue) -> None:
        if not isinstance(value, str):
            raise invalid("invalid @index value", value)
        frame.result["@index"] = value

    def _list(self, frame: _Frame, value: JsonValue) -> None:
        if frame.prop is None or _is_graph_property(frame.active, frame.prop):
            if self.safe:
                raise dropped("free-floating list")
            return
        expanded = self.expand(frame.active, frame.prop, value, frame.depth + 1)
        frame.result["@list"] = as_list(expanded) if expanded is not None else []

    def _set(self, frame: _Frame, value: JsonValue) -> None:
        frame.result["@set"] = self.expand(frame.active, frame.prop, value, frame.depth + 1)

    def _reverse(self, frame: _Frame, value: JsonValue) -> None:
        if not isinstance(value, dict):
            raise invalid("invalid @reverse value", value)
        expanded = self.expand(frame.active, "@reverse", value, frame.depth + 1)
        if not isinstance(expanded, dict):
            return
        for prop, items in expanded.items():
            if prop == "@reverse" and isinstance(items, dict):
                for forward, forward_items in items.items():
                    _add(frame.result, forward, forward_items)
            elif prop != "@reverse":
                self._add_reverse(frame, prop, items)

    def _add_reverse(self, frame: _Frame, prop: str, items: JsonValue) -> None:
        reverse = frame.result.setdefault("@reverse", {})
        assert isinstance(reverse, dict)
        for item in as_list(items):
            if not isinstance(item, dict) or "@value" in item or "@list" in item:
                raise invalid("invalid reverse property value", prop)
            _add(reverse, prop, [item])

    def _property(
        self,
        frame: _Frame,
        definition: TermDefinition | None,
        key: str,
        prop: str,
        value: JsonValue,
    ) -> None:
        """Steps 13.5-13.14 of §5.1.2."""
        expanded = self._property_value(frame, definition, key, value)
        if expanded is None:
            return
        container = definition.container if definition is not None else frozenset()
        if "@list" in container and not (isinstance(expanded, dict) and "@list" in expanded):
            expanded = {"@list": as_list(expanded)}
        if "@graph" in container and not container & {"@id", "@index"}:
            expanded = [{"@graph": as_list(item)} for item in as_list(expanded)]
        if definition is not None and definition.reverse:
            self._add_reverse(frame, prop, expanded)
        else:
            _add(frame.result, prop, expanded)

    def _property_value(
        self, frame: _Frame, definition: TermDefinition | None, key: str, value: JsonValue
    ) -> JsonValue:
        if definition is None:
            return self.expand(frame.active, key, value, frame.depth + 1)
        if definition.type_mapping == "@json":
            return {"@value": value, "@type": "@json"}
        if isinstance(value, dict) and "@language" in definition.container:
            return language_map(frame.active, definition, value, safe=self.safe)
        if isinstance(value, dict) and definition.container & _MAPS:
            depth = frame.depth + 1

            def recurse(active: ActiveContext, prop: str, element: JsonValue) -> JsonValue:
                return self.expand(active, prop, element, depth, from_map=True)

            return index_map(
                frame.active,
                key=key,
                definition=definition,
                value=value,
                options=self.options,
                recurse=recurse,
            )
        return self.expand(frame.active, key, value, frame.depth + 1)

    def _nested(self, frame: _Frame, element: JsonObject) -> None:
        """Step 14 of §5.1.2: entries under ``@nest`` belong to the node itself."""
        for key in sorted(frame.nests):
            definition = frame.active.terms.get(key)
            active = frame.active
            if definition is not None and definition.context is not UNSET:
                active = self._scoped(active, definition)
            for nested in as_list(element[key]):
                if not isinstance(nested, dict) or any(
                    _expand_key(active, k) == "@value" for k in nested
                ):
                    raise invalid("invalid @nest value", key)
                inner = _Frame(active, frame.type_scoped, key, frame.input_type, frame.depth)
                inner.result = frame.result
                for nested_key, nested_value in nested.items():
                    self._entry(inner, nested_key, nested_value)
                self._nested(inner, nested)

    def _finish(self, frame: _Frame) -> JsonValue:
        """Steps 15-20 of §5.1.2: check value, list and set objects, and drop what is empty."""
        result = frame.result
        if "@value" in result:
            if check_value_object(result, safe=self.safe) is None:
                return None
        elif "@type" in result and not isinstance(result["@type"], list):
            result["@type"] = [result["@type"]]
        elif "@set" in result or "@list" in result:
            if len(result) > 2 or (len(result) == 2 and "@index" not in result):
                raise invalid("invalid set or list object")
            if "@set" in result:
                return result["@set"]
        return self._drop_empty(frame, result)

    def _drop_empty(self, frame: _Frame, result: JsonObject) -> JsonObject | None:
        if result.keys() == {"@language"}:
            if self.safe:
                raise dropped("object with only @language")
            return None
        top = frame.prop is None or _is_graph_property(frame.active, frame.prop)
        if top and is_free_floating(result):
            if self.safe:
                raise dropped(describe(result))
            return None
        return result


_KEYWORD_HANDLERS: Final = {
    "@id": _Expander._id,
    "@type": _Expander._type,
    "@graph": _Expander._graph,
    "@included": _Expander._included,
    "@value": _Expander._value,
    "@language": _Expander._language,
    "@direction": _Expander._direction,
    "@index": _Expander._index,
    "@list": _Expander._list,
    "@set": _Expander._set,
    "@reverse": _Expander._reverse,
}


def _add(target: JsonObject, prop: str, value: JsonValue) -> None:
    existing = target.get(prop)
    if existing is None:
        target[prop] = as_list(value)
    else:
        assert isinstance(existing, list)
        existing.extend(as_list(value))


def _is_graph_property(active: ActiveContext, prop: str) -> bool:
    if prop == "@graph":
        return True
    definition = active.terms.get(prop)
    return definition is not None and definition.iri == "@graph"


def _reverts(active: ActiveContext, element: JsonObject) -> bool:
    """Step 7 of §5.1.2: a new node object leaves the scope of a type-scoped context."""
    if len(element) == 1:
        return _expand_key(active, next(iter(element))) not in ("@value", "@id")
    return all(_expand_key(active, key) != "@value" for key in element)


def _expand_key(active: ActiveContext, key: str) -> str | None:
    definition = active.terms.get(key)
    return definition.iri if definition is not None else expand_iri(active, key, vocab=True)


def _input_type(active: ActiveContext, element: JsonObject, type_keys: list[str]) -> str | None:
    if not type_keys:
        return None
    last = as_list(element[type_keys[0]])
    if not last or not isinstance(last[-1], str):
        return None
    return expand_iri(active, last[-1], vocab=True)
