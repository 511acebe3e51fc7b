"""JSON-LD 1.1 active contexts and context processing (JSON-LD 1.1 API §4.1, §4.2).

Processed contexts are immutable and cached: the result of applying a local context to an active
context is kept in one bounded, least-recently-used cache, but only when the local context came
from a document the loader returned (or a scoped context inside one) and the active context was
itself built only from such documents (``stable``). The cache keys on the identity of that
document and holds a reference to it, so a loader that returns another document for the same
URL, or another loader, can never be served a context it did not supply; contexts written inline
in a document, and everything derived from them, are never cached, so hostile input cannot grow
or churn the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from meritpass.core.documents import JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.iri import has_keyword_form, is_absolute, resolve
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.jsonld.options import Options, invalid

KEYWORDS: Final = frozenset(
    [
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    ]
)
_GEN_DELIMS: Final = frozenset(":/?#[]@")
_CONTAINERS: Final = frozenset(("@graph", "@id", "@index", "@language", "@list", "@set", "@type"))
_TERM_KEYS: Final = frozenset(
    [
        "@id",
        "@reverse",
        "@container",
        "@context",
        "@direction",
        "@index",
        "@language",
        "@nest",
        "@prefix",
        "@protected",
        "@type",
    ]
)
_CONTEXT_KEYS: Final = frozenset(
    [
        "@base",
        "@direction",
        "@import",
        "@language",
        "@propagate",
        "@protected",
        "@version",
        "@vocab",
    ]
)
_MAX_REMOTE_CONTEXTS: Final = 32
_CACHE_SIZE: Final = 1024
#: Marks a term definition field the context did not set (``@language: null`` is a value).
UNSET: Final = object()


@dataclass(slots=True, eq=False)
class TermDefinition:
    """One term definition (§4.2.2); ``language``/``direction``/``context`` may be ``UNSET``."""

    iri: str | None = None
    prefix: bool = False
    protected: bool = False
    reverse: bool = False
    type_mapping: str | None = None
    container: frozenset[str] = frozenset()
    language: object = UNSET
    direction: object = UNSET
    context: object = UNSET
    base_url: str | None = None
    index: str | None = None
    nest: str | None = None
    cacheable: bool = False

    def same_as(self, other: TermDefinition) -> bool:
        """Tell whether both define the same mapping, ignoring ``@protected`` (§4.2.2 step 28)."""
        return (
            self.iri == other.iri
            and self.prefix == other.prefix
            and self.reverse == other.reverse
            and self.type_mapping == other.type_mapping
            and self.container == other.container
            and self.language == other.language
            and self.direction == other.direction
            and self.context == other.context
            and self.index == other.index
            and self.nest == other.nest
        )


@dataclass(slots=True, eq=False)
class ActiveContext:
    """An active context; never changed once processing returned it."""

    terms: dict[str, TermDefinition] = field(default_factory=dict)
    base: str | None = None
    original_base: str | None = None
    vocab: str | None = None
    language: str | None = None
    direction: str | None = None
    previous: ActiveContext | None = None
    has_protected: bool = False
    stable: bool = False

    def copy(self) -> ActiveContext:
        return ActiveContext(
            dict(self.terms),
            self.base,
            self.original_base,
            self.vocab,
            self.language,
            self.direction,
            self.previous,
            self.has_protected,
        )


_INITIAL: dict[str | None, ActiveContext] = {}


def initial_context(base: str | None) -> ActiveContext:
    """Return the initial active context for documents resolved against ``base``.

    The same object is returned for the same base, so processed contexts derived from it can be
    found in the cache; at most a few hundred bases are remembered.
    """
    found = _INITIAL.get(base)
    if found is None:
        if len(_INITIAL) >= 256:
            _INITIAL.clear()
        found = _INITIAL[base] = ActiveContext(base=base, original_base=base, stable=True)
    return found


_Key = tuple[int, int, bool, bool, "str | None"]
_CACHE: OrderedDict[_Key, tuple[ActiveContext, object, ActiveContext]] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def _cached(key: _Key, active: ActiveContext, local: object) -> ActiveContext | None:
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is None or entry[0] is not active or entry[1] is not local:
            return None
        _CACHE.move_to_end(key)
        return entry[2]


def _remember(key: _Key, active: ActiveContext, local: object, result: ActiveContext) -> None:
    result.stable = True
    with _CACHE_LOCK:
        _CACHE[key] = (active, local, result)
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def _self_contained(local: JsonValue) -> bool:
    """Tell whether ``local`` loads nothing, so its identity alone decides the result."""
    items = local if isinstance(local, list) else [local]
    return all(item is None or (isinstance(item, dict) and "@import" not in item) for item in items)


@dataclass(slots=True)
class _Run:
    """What stays fixed while one local context is processed."""

    options: Options
    base_url: str | None
    remote: tuple[str, ...]
    override_protected: bool
    validate_scoped: bool
    cacheable: bool


def process_context(
    active: ActiveContext,
    local: JsonValue,
    options: Options,
    *,
    base_url: str | None,
    override_protected: bool = False,
    propagate: bool = True,
    cacheable: bool = False,
    remote: tuple[str, ...] = (),
    validate_scoped: bool = True,
) -> ActiveContext:
    """Apply ``local`` to ``active`` (Context Processing Algorithm, §4.1.2)."""
    key: _Key | None = None
    if cacheable and active.stable and not remote and _self_contained(local):
        key = (id(active), id(local), override_protected, propagate, base_url)
        found = _cached(key, active, local)
        if found is not None:
            return found
    run = _Run(options, base_url, remote, override_protected, validate_scoped, cacheable)
    result = _process(active, local, run, propagate)
    if key is not None:
        _remember(key, active, local, result)
    return result


def _process(active: ActiveContext, local: JsonValue, run: _Run, propagate: bool) -> ActiveContext:
    if isinstance(local, dict) and "@propagate" in local:
        propagate = _propagate_value(local["@propagate"])
    result = active
    if not propagate and active.previous is None:
        result = active.copy()
        result.previous = active
    for item in local if isinstance(local, list) else [local]:
        if item is None:
            result = _nullify(active, result, run, propagate)
        elif isinstance(item, str):
            result = _remote(result, item, run)
        elif isinstance(item, dict):
            result = result.copy()
            _apply_map(result, item, run)
        else:
            raise invalid("invalid local context")
    return result


def _propagate_value(value: JsonValue) -> bool:
    if not isinstance(value, bool):
        raise invalid("invalid @propagate value")
    return value


def _nullify(
    active: ActiveContext, result: ActiveContext, run: _Run, propagate: bool
) -> ActiveContext:
    if not run.override_protected and result.has_protected:
        raise invalid("invalid context nullification")
    fresh = initial_context(active.original_base)
    if not propagate:
        fresh = fresh.copy()
        fresh.previous = result
    return fresh


def _remote(result: ActiveContext, reference: str, run: _Run) -> ActiveContext:
    url = resolve(run.base_url, reference)
    if not is_absolute(url):
        raise invalid("loading remote context failed", reference)
    if not run.validate_scoped and url in run.remote:
        return result
    if len(run.remote) >= _MAX_REMOTE_CONTEXTS:
        raise invalid("context overflow")
    context = _load(run.options.loader, url)
    key: _Key = (id(result), id(context), False, True, url)
    cache = run.validate_scoped and result.stable and _self_contained(context)
    if cache:
        found = _cached(key, result, context)
        if found is not None:
            return found
    nested = _Run(run.options, url, (*run.remote, url), False, run.validate_scoped, True)
    processed = _process(result, context, nested, True)
    if cache:
        _remember(key, result, context, processed)
    return processed


def _load(loader: DocumentLoader, url: str) -> JsonValue:
    document = loader(url).document
    if not isinstance(document, dict) or "@context" not in document:
        raise invalid("invalid remote context", url)
    return document["@context"]


def _apply_map(result: ActiveContext, context: dict[str, JsonValue], run: _Run) -> None:
    if "@version" in context and context["@version"] != 1.1:
        raise invalid("invalid @version value")
    if "@import" in context:
        context = _imported(context, run)
    if "@base" in context and not run.remote:
        _set_base(result, context["@base"])
    if "@vocab" in context:
        _set_vocab(result, context["@vocab"], run.options)
    _set_defaults(result, context)
    protected = context.get("@protected", False)
    if not isinstance(protected, bool):
        raise invalid("invalid @protected value")
    builder = _TermBuilder(result, context, run, protected)
    for term in context:
        if term not in _CONTEXT_KEYS:
            builder.define(term)


def _set_defaults(result: ActiveContext, context: dict[str, JsonValue]) -> None:
    """Steps 5.9-5.11 of §4.1.2: default language, base direction, ``@propagate``."""
    if "@language" in context:
        language = context["@language"]
        if language is not None and not isinstance(language, str):
            raise invalid("invalid default language")
        result.language = language.lower() if isinstance(language, str) else None
    if "@direction" in context:
        direction = context["@direction"]
        if direction not in (None, "ltr", "rtl"):
            raise invalid("invalid base direction")
        result.direction = direction if isinstance(direction, str) else None
    if "@propagate" in context:
        _propagate_value(context["@propagate"])


def _imported(context: dict[str, JsonValue], run: _Run) -> dict[str, JsonValue]:
    reference = context["@import"]
    if not isinstance(reference, str):
        raise invalid("invalid @import value")
    url = resolve(run.base_url, reference)
    imported = _load(run.options.loader, url)
    if not isinstance(imported, dict):
        raise invalid("invalid remote context", url)
    if "@import" in imported:
        raise invalid("invalid context entry", "@import")
    return {**imported, **context}


def _set_base(result: ActiveContext, value: JsonValue) -> None:
    if value is None:
        result.base = None
    elif not isinstance(value, str):
        raise invalid("invalid base IRI")
    elif is_absolute(value):
        result.base = value
    elif result.base is not None:
        result.base = resolve(result.base, value)
    else:
        raise invalid("invalid base IRI")


def _set_vocab(result: ActiveContext, value: JsonValue, options: Options) -> None:
    if value is None:
        result.vocab = None
        return
    if not isinstance(value, str):
        raise invalid("invalid vocab mapping")
    vocab = expand_iri(result, value, vocab=True, document_relative=True)
    if vocab is None or not (is_absolute(vocab) or vocab.startswith("_:")):
        if options.safe and vocab is not None:
            raise JsonLdError("jsonld.relative_iri", iri=value)
        raise invalid("invalid vocab mapping")
    if options.safe and not is_absolute(value) and not _is_compact(result, value):
        raise JsonLdError("jsonld.relative_iri", iri=value)
    result.vocab = vocab


def _is_compact(active: ActiveContext, value: str) -> bool:
    prefix, colon, _ = value.partition(":")
    return bool(colon) and (prefix == "_" or prefix in active.terms)


class _TermBuilder:
    """Create Term Definition (§4.2.2) for every term of one local context map."""

    def __init__(
        self, active: ActiveContext, local: dict[str, JsonValue], run: _Run, protected: bool
    ) -> None:
        self.active = active
        self.local = local
        self.run = run
        self.protected = protected
        self.defined: dict[str, bool] = {}

    def define(self, term: str) -> None:
        state = self.defined.get(term)
        if state:
            return
        if state is False:
            raise invalid("cyclic IRI mapping", term)
        self.defined[term] = False
        if not self._definable(term):
            self.defined[term] = True
            return
        previous = self.active.terms.pop(term, None)
        definition = self._build(term, self.local[term])
        if definition is not None:
            self._store(term, definition, previous)
        self.defined[term] = True

    def _definable(self, term: str) -> bool:
        """Steps 2-5 of §4.2.2: keywords cannot be redefined; keyword-like terms are ignored."""
        if not term:
            raise invalid("invalid term definition")
        if term == "@type":
            _check_type_redefinition(self.local[term])
        elif term in KEYWORDS:
            raise invalid("keyword redefinition", term)
        elif has_keyword_form(term):
            if self.run.options.safe:
                raise JsonLdError("jsonld.reserved_term", term=term)
            return False
        return True

    def _store(
        self, term: str, definition: TermDefinition, previous: TermDefinition | None
    ) -> None:
        if previous is not None and previous.protected and not self.run.override_protected:
            if not definition.same_as(previous):
                raise invalid("protected term redefinition", term)
            definition = previous
        self.active.terms[term] = definition
        self.active.has_protected = self.active.has_protected or definition.protected

    def _build(self, term: str, value: JsonValue) -> TermDefinition | None:
        simple = isinstance(value, str)
        if value is None:
            value = {"@id": None}
        elif isinstance(value, str):
            value = {"@id": value}
        elif not isinstance(value, dict):
            raise invalid("invalid term definition", term)
        definition = TermDefinition(base_url=self.run.base_url, cacheable=self.run.cacheable)
        protected = value.get("@protected", self.protected)
        if not isinstance(protected, bool):
            raise invalid("invalid @protected value", term)
        definition.protected = protected
        if "@type" in value:
            definition.type_mapping = self._type_mapping(value["@type"])
        if "@reverse" in value:
            return self._reverse(term, value, definition)
        if not self._iri_mapping(term, value, definition, simple=simple):
            return None
        self._details(term, value, definition)
        return definition

    def _type_mapping(self, value: JsonValue) -> str:
        if not isinstance(value, str):
            raise invalid("invalid type mapping")
        mapping = expand_iri(self.active, value, vocab=True, builder=self)
        if mapping is None or (
            mapping not in ("@id", "@json", "@none", "@vocab") and not is_absolute(mapping)
        ):
            raise invalid("invalid type mapping", value)
        return mapping

    def _reverse(
        self, term: str, value: dict[str, JsonValue], definition: TermDefinition
    ) -> TermDefinition | None:
        if "@id" in value or "@nest" in value:
            raise invalid("invalid reverse property", term)
        reverse = value["@reverse"]
        if not isinstance(reverse, str):
            raise invalid("invalid IRI mapping", term)
        if has_keyword_form(reverse):
            if self.run.options.safe:
                raise JsonLdError("jsonld.reserved_term", term=reverse)
            return None
        mapping = expand_iri(self.active, reverse, vocab=True, builder=self)
        if mapping is None or not (is_absolute(mapping) or mapping.startswith("_:")):
            raise invalid("invalid IRI mapping", term)
        definition.iri = mapping
        if "@container" in value:
            container = value["@container"]
            if container not in ("@set", "@index", None):
                raise invalid("invalid reverse property", term)
            definition.container = (
                frozenset((container,)) if isinstance(container, str) else frozenset()
            )
        definition.reverse = True
        self._check_keys(term, value)
        return definition

    def _iri_mapping(
        self, term: str, value: dict[str, JsonValue], definition: TermDefinition, *, simple: bool
    ) -> bool:
        if "@id" in value and value["@id"] != term:
            return self._explicit_iri(term, value["@id"], definition, simple=simple)
        colon = term.find(":", 1)
        if colon > 0:
            prefix, suffix = term[:colon], term[colon + 1 :]
            if prefix in self.local:
                self.define(prefix)
            prefix_definition = self.active.terms.get(prefix)
            if prefix_definition is not None and prefix_definition.iri is not None:
                definition.iri = prefix_definition.iri + suffix
            else:
                definition.iri = term
        elif "/" in term:
            mapping = expand_iri(self.active, term, vocab=True, builder=self)
            if mapping is None or not is_absolute(mapping):
                raise invalid("invalid IRI mapping", term)
            definition.iri = mapping
        elif term == "@type":
            definition.iri = "@type"
        elif self.active.vocab is not None:
            definition.iri = self.active.vocab + term
        else:
            raise invalid("invalid IRI mapping", term)
        return True

    def _explicit_iri(
        self, term: str, reference: JsonValue, definition: TermDefinition, *, simple: bool
    ) -> bool:
        if reference is None:
            return True
        if not isinstance(reference, str):
            raise invalid("invalid IRI mapping", term)
        if reference not in KEYWORDS and has_keyword_form(reference):
            if self.run.options.safe:
                raise JsonLdError("jsonld.reserved_term", term=reference)
            return False
        mapping = expand_iri(self.active, reference, vocab=True, builder=self)
        if mapping is None or not (
            mapping in KEYWORDS or is_absolute(mapping) or mapping.startswith("_:")
        ):
            raise invalid("invalid IRI mapping", term)
        if mapping == "@context":
            raise invalid("invalid keyword alias", term)
        definition.iri = mapping
        if ":" in term[1:-1] or "/" in term:
            self.defined[term] = True
            if expand_iri(self.active, term, vocab=True, builder=self) != mapping:
                raise invalid("invalid IRI mapping", term)
        elif simple and (mapping[-1] in _GEN_DELIMS or mapping.startswith("_:")):
            definition.prefix = True
        return True

    def _details(self, term: str, value: dict[str, JsonValue], definition: TermDefinition) -> None:
        """Steps 20-27 of §4.2.2."""
        if "@container" in value:
            self._container(term, value["@container"], definition)
        if "@index" in value:
            self._index(term, value["@index"], definition)
        if "@context" in value:
            self._scoped(term, value["@context"], definition)
        if "@type" not in value:
            _language_and_direction(term, value, definition)
        if "@nest" in value:
            nest = value["@nest"]
            if not isinstance(nest, str) or (nest != "@nest" and nest in KEYWORDS):
                raise invalid("invalid @nest value", term)
            definition.nest = nest
        if "@prefix" in value:
            self._prefix(term, value["@prefix"], definition)
        self._check_keys(term, value)

    def _container(self, term: str, value: JsonValue, definition: TermDefinition) -> None:
        definition.container = _container(value, term)
        if "@type" in definition.container:
            if definition.type_mapping is None:
                definition.type_mapping = "@id"
            elif definition.type_mapping not in ("@id", "@vocab"):
                raise invalid("invalid type mapping", term)

    def _index(self, term: str, index: JsonValue, definition: TermDefinition) -> None:
        if "@index" not in definition.container or not isinstance(index, str):
            raise invalid("invalid term definition", term)
        expanded = expand_iri(self.active, index, vocab=True, builder=self)
        if expanded is None or not is_absolute(expanded):
            raise invalid("invalid term definition", term)
        definition.index = index

    def _scoped(self, term: str, scoped: JsonValue, definition: TermDefinition) -> None:
        try:
            process_context(
                self.active,
                scoped,
                self.run.options,
                base_url=self.run.base_url,
                override_protected=True,
                remote=self.run.remote,
                validate_scoped=False,
            )
        except JsonLdError as error:
            if error.code != "jsonld.invalid":
                raise
            raise invalid("invalid scoped context", term) from None
        definition.context = scoped

    def _prefix(self, term: str, prefix: JsonValue, definition: TermDefinition) -> None:
        if ":" in term or "/" in term:
            raise invalid("invalid term definition", term)
        if not isinstance(prefix, bool):
            raise invalid("invalid @prefix value", term)
        if prefix and definition.iri in KEYWORDS:
            raise invalid("invalid term definition", term)
        definition.prefix = prefix

    def _check_keys(self, term: str, value: Mapping[str, JsonValue]) -> None:
        if not _TERM_KEYS.issuperset(value):
            raise invalid("invalid term definition", term)


def _language_and_direction(
    term: str, value: dict[str, JsonValue], definition: TermDefinition
) -> None:
    if "@language" in value:
        language = value["@language"]
        if language is not None and not isinstance(language, str):
            raise invalid("invalid language mapping", term)
        definition.language = language.lower() if isinstance(language, str) else None
    if "@direction" in value:
        if value["@direction"] not in (None, "ltr", "rtl"):
            raise invalid("invalid base direction", term)
        definition.direction = value["@direction"]


def _check_type_redefinition(value: JsonValue) -> None:
    if (
        not isinstance(value, dict)
        or not value
        or not {"@container", "@protected"}.issuperset(value)
    ):
        raise invalid("keyword redefinition", "@type")
    if value.get("@container", "@set") != "@set":
        raise invalid("keyword redefinition", "@type")


def _container(value: JsonValue, term: str) -> frozenset[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) and item in _CONTAINERS for item in items):
        raise invalid("invalid container mapping", term)
    container = frozenset(item for item in items if isinstance(item, str))
    if len(container) != len(items) or not _valid_combination(container):
        raise invalid("invalid container mapping", term)
    return container


def _valid_combination(container: frozenset[str]) -> bool:
    if len(container) == 1:
        return True
    rest = container - {"@set"}
    if "@graph" in container:
        return rest - {"@graph"} <= {"@id"} or rest - {"@graph"} <= {"@index"}
    return "@set" in container and len(rest) == 1 and "@list" not in rest


def expand_iri(
    active: ActiveContext,
    value: str,
    *,
    vocab: bool = False,
    document_relative: bool = False,
    builder: _TermBuilder | None = None,
) -> str | None:
    """Expand ``value`` to an IRI, keyword or blank node identifier (IRI Expansion, §5.2.2)."""
    if value in KEYWORDS:
        return value
    if value.startswith("@") and has_keyword_form(value):
        return None
    if builder is not None and value in builder.local and not builder.defined.get(value):
        builder.define(value)
    definition = active.terms.get(value)
    if definition is not None and (vocab or definition.iri in KEYWORDS):
        return definition.iri
    found = _expand_compact(active, value, builder)
    if found is None and vocab and active.vocab is not None:
        found = active.vocab + value
    if found is None and document_relative:
        found = resolve(active.base, value)
    return value if found is None else found


def _expand_compact(active: ActiveContext, value: str, builder: _TermBuilder | None) -> str | None:
    """Step 6 of §5.2.2: a compact IRI, blank node identifier or absolute IRI, else None."""
    colon = value.find(":", 1)
    if colon < 0:
        return None
    prefix, suffix = value[:colon], value[colon + 1 :]
    if prefix == "_" or suffix.startswith("//"):
        return value
    if builder is not None and prefix in builder.local and not builder.defined.get(prefix):
        builder.define(prefix)
    definition = active.terms.get(prefix)
    if definition is not None and definition.iri and definition.prefix:
        return definition.iri + suffix
    return value if is_absolute(value) else None
