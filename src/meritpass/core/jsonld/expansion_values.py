"""Value expansion and the checks on expanded value objects (JSON-LD 1.1 API §5.3, §5.1.2)."""

from __future__ import annotations

from typing import Final

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld.context import UNSET, ActiveContext, expand_iri
from meritpass.core.jsonld.iri import is_well_formed
from meritpass.core.jsonld.options import invalid

VALUE_KEYS: Final = frozenset(("@value", "@type", "@language", "@direction", "@index"))
SCALARS: Final = (str, int, float, bool)


def expand_value(active: ActiveContext, prop: str, value: str | int | float | bool) -> JsonObject:
    """Value Expansion (§5.3.2) of a scalar under the term ``prop``."""
    definition = active.terms.get(prop)
    type_mapping = definition.type_mapping if definition is not None else None
    if isinstance(value, str) and type_mapping in ("@id", "@vocab"):
        iri = expand_iri(active, value, vocab=type_mapping == "@vocab", document_relative=True)
        return {"@id": iri}
    result: JsonObject = {"@value": value}
    if type_mapping is not None and type_mapping not in ("@id", "@vocab", "@none"):
        result["@type"] = type_mapping
    elif isinstance(value, str):
        language, direction = active.language, active.direction
        if definition is not None:
            if definition.language is not UNSET:
                language = definition.language  # type: ignore[assignment]
            if definition.direction is not UNSET:
                direction = definition.direction  # type: ignore[assignment]
        if language is not None:
            result["@language"] = language
        if direction is not None:
            result["@direction"] = direction
    return result


def check_value_object(result: JsonObject, *, safe: bool) -> JsonObject | None:
    """Step 15 of §5.1.2: a value object is well formed; one with a null value is dropped."""
    if not VALUE_KEYS.issuperset(result) or (
        "@type" in result and ("@language" in result or "@direction" in result)
    ):
        raise invalid("invalid value object")
    value_type = result.get("@type")
    if value_type == "@json":
        return result
    value = result["@value"]
    if value is None:
        if safe:
            raise dropped("null @value")
        return None
    if "@language" in result and not isinstance(value, str):
        raise invalid("invalid language-tagged value", value)
    if "@type" in result and not (isinstance(value_type, str) and is_well_formed(value_type)):
        raise invalid("invalid typed value", value_type)
    return result


def is_free_floating(result: JsonObject) -> bool:
    """Step 19 of §5.1.2: what is dropped at the top level or directly in ``@graph``."""
    return not result or "@value" in result or "@list" in result or result.keys() == {"@id"}


def dropped(what: str) -> JsonLdError:
    """Return the safe-mode error for content JSON-LD would silently drop."""
    return JsonLdError("jsonld.dropped_value", what=what)


def describe(result: JsonObject) -> str:
    """Name what step 19 of §5.1.2 drops, for the safe-mode error."""
    if not result:
        return "empty object"
    if "@value" in result:
        return "free-floating value"
    if "@list" in result:
        return "free-floating list"
    return "object with only @id"


def as_list(value: JsonValue) -> list[JsonValue]:
    """Return ``value`` as an array."""
    return value if isinstance(value, list) else [value]


def is_graph_object(item: JsonValue) -> bool:
    """Tell whether ``item`` is a graph object (JSON-LD 1.1 §9.4)."""
    return (
        isinstance(item, dict)
        and "@graph" in item
        and {"@graph", "@id", "@index", "@context"}.issuperset(item)
    )
