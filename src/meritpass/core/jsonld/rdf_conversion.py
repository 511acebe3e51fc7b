"""Expanded JSON-LD → RDF dataset (JSON-LD 1.1 API §8.1, §8.2, §8.3).

Quads are emitted while walking the expanded document instead of building the node map first:
the node map only merges node objects, which a set of quads does by itself. Blank node
identifiers of the input are relabelled (``_:b0``…) as node map generation would. In safe mode,
every quad the algorithm would skip (relative or malformed IRIs, blank node predicates,
malformed language tags, ``@direction`` without ``rdfDirection``) is an error instead.
"""

from __future__ import annotations

from typing import Final

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.iri import is_absolute, is_language_tag, is_well_formed
from meritpass.core.jsonld.literals import json_literal, native_literal
from meritpass.core.jsonld.options import Options, invalid
from meritpass.core.rdf.terms import (
    RDF,
    RDF_FIRST,
    RDF_JSON,
    RDF_LANG_STRING,
    RDF_NIL,
    RDF_REST,
    RDF_TYPE,
    XSD_STRING,
    Dataset,
    Quad,
    literal,
)

_I18N: Final = "https://www.w3.org/ns/i18n#"
_RDF_VALUE: Final = "<" + RDF + "value>"
_RDF_LANGUAGE: Final = "<" + RDF + "language>"
_RDF_DIRECTION: Final = "<" + RDF + "direction>"


def dataset_from_expanded(expanded: list[JsonObject], options: Options) -> Dataset:
    """Return the RDF dataset of an expanded JSON-LD document, without duplicate quads."""
    emitter = _Emitter(options)
    for element in expanded:
        emitter.node(element, "")
    return list(emitter.quads)


class _Emitter:
    __slots__ = ("count", "labels", "options", "quads", "safe")

    def __init__(self, options: Options) -> None:
        self.options = options
        self.safe = options.safe
        self.quads: dict[Quad, None] = {}
        self.labels: dict[str, str] = {}
        self.count = 0

    def fresh(self) -> str:
        self.count += 1
        return f"_:b{self.count - 1}"

    def blank(self, identifier: str) -> str:
        label = self.labels.get(identifier)
        if label is None:
            label = self.labels[identifier] = self.fresh()
        return label

    def resource(self, identifier: str | None, what: str) -> str | None:
        """Return the term for a node identifier, or None where the spec skips it."""
        if identifier is None:
            if self.safe:
                raise JsonLdError("jsonld.dropped_value", what=what)
            return None
        if identifier.startswith("_:"):
            return self.blank(identifier)
        if is_well_formed(identifier):
            return "<" + identifier + ">"
        if self.safe:
            if not is_absolute(identifier):
                raise JsonLdError("jsonld.relative_iri", iri=identifier)
            raise JsonLdError("jsonld.invalid_iri", iri=identifier)
        return None

    def node(self, node: JsonObject, graph: str) -> str | None:
        """Emit the quads of a node object in ``graph``; return its subject term."""
        identifier = node.get("@id")
        if identifier is None:
            subject: str | None = self.fresh()
        else:
            assert isinstance(identifier, str)
            subject = self.resource(identifier, "@id")
        for key, values in node.items():
            if key == "@type":
                self.types(subject, values, graph)
            elif key[0] != "@":
                self.property(subject, key, values, graph)
        if "@graph" in node:
            self.graph(subject, node["@graph"])
        if "@included" in node:
            self.graph(graph, node["@included"])
        if "@reverse" in node:
            self.reverse(subject, node["@reverse"], graph)
        return subject

    def reverse(self, subject: str | None, properties: JsonValue, graph: str) -> None:
        if not isinstance(properties, dict):
            raise invalid("invalid @reverse value")
        for key, values in properties.items():
            predicate = self.predicate(key)
            for item in values if isinstance(values, list) else [values]:
                if not isinstance(item, dict) or "@value" in item or "@list" in item:
                    raise invalid("invalid reverse property value")
                referrer = self.object(item, graph)
                if subject is not None and predicate is not None and referrer is not None:
                    self.quads[(referrer, predicate, subject, graph)] = None

    def types(self, subject: str | None, values: JsonValue, graph: str) -> None:
        for value in values if isinstance(values, list) else [values]:
            assert isinstance(value, str)
            term = self.resource(value, "@type")
            if subject is not None and term is not None:
                self.quads[(subject, RDF_TYPE, term, graph)] = None

    def graph(self, name: str | None, nodes: JsonValue) -> None:
        if name is None:
            return
        for item in nodes if isinstance(nodes, list) else [nodes]:
            if isinstance(item, dict) and "@value" not in item and "@list" not in item:
                self.node(item, name)

    def property(self, subject: str | None, key: str, values: JsonValue, graph: str) -> None:
        predicate = self.predicate(key)
        for item in values if isinstance(values, list) else [values]:
            assert isinstance(item, dict)
            term = self.object(item, graph)
            if subject is not None and predicate is not None and term is not None:
                self.quads[(subject, predicate, term, graph)] = None

    def predicate(self, key: str) -> str | None:
        if key.startswith("_:"):
            if self.safe:
                raise JsonLdError("jsonld.blank_node_predicate", term=key)
            return None
        return self.resource(key, "property")

    def object(self, item: JsonObject, graph: str) -> str | None:
        """Object to RDF (§8.2), emitting nested nodes and lists on the way."""
        if "@value" in item:
            return self.value(item, graph)
        if "@list" in item:
            items = item["@list"]
            return self.list(items if isinstance(items, list) else [items], graph)
        if len(item) == 1 and "@id" in item:
            identifier = item["@id"]
            return self.resource(identifier if isinstance(identifier, str) else None, "@id")
        return self.node(item, graph)

    def list(self, items: list[JsonValue], graph: str) -> str:
        """List Conversion (§8.3)."""
        if not items:
            return RDF_NIL
        labels = [self.fresh() for _ in items]
        for index, item in enumerate(items):
            assert isinstance(item, dict)
            term = self.object(item, graph)
            if term is not None:
                self.quads[(labels[index], RDF_FIRST, term, graph)] = None
            rest = labels[index + 1] if index + 1 < len(items) else RDF_NIL
            self.quads[(labels[index], RDF_REST, rest, graph)] = None
        return labels[0]

    def value(self, item: JsonObject, graph: str) -> str | None:
        value = item["@value"]
        datatype = item.get("@type")
        if datatype == "@json":
            return literal(json_literal(value), RDF_JSON)
        language = item.get("@language")
        if not self.valid_annotations(datatype, language):
            return None
        if isinstance(value, bool | int | float):
            lexical, datatype = native_literal(
                value, datatype if isinstance(datatype, str) else None
            )
            return literal(lexical, datatype)
        if not isinstance(value, str):
            raise invalid("invalid value object value", value)
        if "@direction" in item:
            return self.directed(value, language, item["@direction"], graph)
        if isinstance(language, str):
            return literal(value, RDF_LANG_STRING, language)
        return literal(value, datatype if isinstance(datatype, str) else XSD_STRING)

    def valid_annotations(self, datatype: JsonValue, language: JsonValue) -> bool:
        """Tell whether a value's datatype and language tag are well formed (§8.2 steps 4-5)."""
        if datatype is not None and not (isinstance(datatype, str) and is_well_formed(datatype)):
            if self.safe:
                raise JsonLdError("jsonld.invalid_iri", iri=datatype)
            return False
        if language is not None and not (isinstance(language, str) and is_language_tag(language)):
            if self.safe:
                raise JsonLdError("jsonld.invalid_language", language=language)
            return False
        return True

    def directed(self, value: str, language: JsonValue, direction: JsonValue, graph: str) -> str:
        mode = self.options.rdf_direction
        lang = language if isinstance(language, str) else None
        if mode == "i18n-datatype":
            return literal(value, f"{_I18N}{(lang or '').lower()}_{direction}")
        if mode == "compound-literal":
            node = self.fresh()
            self.quads[(node, _RDF_VALUE, literal(value), graph)] = None
            if lang is not None:
                self.quads[(node, _RDF_LANGUAGE, literal(lang.lower()), graph)] = None
            self.quads[(node, _RDF_DIRECTION, literal(str(direction)), graph)] = None
            return node
        if self.safe:
            raise JsonLdError("jsonld.direction_unsupported", direction=direction)
        return literal(value, RDF_LANG_STRING, lang) if lang is not None else literal(value)
