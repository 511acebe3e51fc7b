"""Parse untrusted JSON strictly: size, depth, UTF-8, duplicate keys and numbers are checked.

Numbers follow I-JSON (RFC 7493 §2.2) because signatures over JCS (RFC 8785) need them exact:
integers beyond ±(2**53 - 1) and non-finite numbers are refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import TypeAlias

from meritpass.core.errors import JsonInputError
from meritpass.core.limits import DEFAULT_LIMITS, Limits

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"
JsonObject: TypeAlias = "dict[str, JsonValue]"

MAX_SAFE_INTEGER = 2**53 - 1
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_document(raw: bytes | str, *, limits: Limits = DEFAULT_LIMITS) -> JsonObject:
    """Parse ``raw`` as one JSON object, or raise :class:`JsonInputError` naming the problem."""
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > limits.max_bytes:
        raise JsonInputError("json.too_large", size=size, limit=limits.max_bytes)
    text = _decode(raw) if isinstance(raw, bytes) else raw
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_exact_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as error:
        raise JsonInputError(
            "json.invalid", reason=error.msg, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise JsonInputError("json.too_deep", limit=limits.max_depth) from None
    return check_document(value, limits=limits)


def check_document(value: object, *, limits: Limits = DEFAULT_LIMITS) -> JsonObject:
    """Check an already-parsed value: a JSON object of JSON types only, within the depth limit."""
    if not isinstance(value, dict):
        raise JsonInputError("json.not_object", kind=_kind(value))
    _check_tree(value, limits.max_depth)
    return value


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonInputError("json.not_utf8", position=error.start) from None


def _object_without_duplicates(pairs: list[tuple[str, JsonValue]]) -> JsonObject:
    result: JsonObject = {}
    for key, value in pairs:
        if key in result:
            raise JsonInputError("json.duplicate_key", key=key)
        result[key] = value
    return result


def _refuse_constant(name: str) -> float:
    raise JsonInputError("json.bad_number", number=name)


def _exact_int(text: str) -> int:
    if len(text) > 17 or abs(number := int(text)) > MAX_SAFE_INTEGER:
        raise JsonInputError("json.bad_number", number=text)
    return number


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise JsonInputError("json.bad_number", number=text)
    return number


def _check_tree(root: JsonObject, max_depth: int) -> None:
    """Walk iteratively, so a deep document cannot exhaust the Python stack."""
    stack: list[tuple[object, int, str]] = [(root, 1, "$")]
    while stack:
        node, depth, path = stack.pop()
        if isinstance(node, dict):
            if depth > max_depth:
                raise JsonInputError("json.too_deep", limit=max_depth)
            for key, child in node.items():
                if not isinstance(key, str):
                    raise JsonInputError("json.bad_value", path=path, kind=_kind(key))
                stack.append((child, depth + 1, f"{path}.{key}"))
        elif isinstance(node, list):
            if depth > max_depth:
                raise JsonInputError("json.too_deep", limit=max_depth)
            stack.extend((child, depth + 1, f"{path}[{i}]") for i, child in enumerate(node))
        else:
            _check_scalar(node, path)


def _check_scalar(node: object, path: str) -> None:
    if isinstance(node, str):
        if _LONE_SURROGATE.search(node):
            raise JsonInputError("json.lone_surrogate", path=path)
    elif isinstance(node, bool) or node is None:
        return
    elif isinstance(node, int):
        if abs(node) > MAX_SAFE_INTEGER:
            raise JsonInputError("json.bad_number", number=node)
    elif isinstance(node, float):
        if not math.isfinite(node):
            raise JsonInputError("json.bad_number", number=node)
    else:
        raise JsonInputError("json.bad_value", path=path, kind=_kind(node))


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "object"
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)
