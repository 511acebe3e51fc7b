"""Properties of verification: every change to a signed credential is caught, and no input,
however malformed, makes ``verify_credential`` or ``verify_presentation`` raise.

A "change" is judged by canonical JSON (RFC 8785): ``3`` and ``3.0`` are the same number, and
``true`` and ``1`` are different values. Values that carry no statement in JSON-LD (``null``,
``[]``, and repeating a member of an unordered array) are not generated as additions: RDF-based
proofs sign statements, and those add none.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any

import rfc8785
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.verification.verify import verify_credential, verify_presentation
from tests.factories import STATUS_URL, Issuer, policy

SUITES = ("eddsa-rdfc-2022", "eddsa-jcs-2022")
Path = tuple[str | int, ...]

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(max_size=20),
)
json_values = st.recursive(
    st.none() | scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
informative = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, min_size=1, max_size=3)
        | st.dictionaries(st.text(min_size=1, max_size=8), children, min_size=1, max_size=3)
    ),
    max_leaves=6,
)


@cache
def signed(suite: str) -> JsonObject:
    issuer = Issuer()
    return issuer.sign(issuer.credential(), suite)


@cache
def lists() -> dict[str, JsonObject]:
    return {STATUS_URL: Issuer().status_list()}


def paths(value: JsonValue, prefix: Path = ()) -> Iterator[Path]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


def parent_of(document: JsonObject, path: Path) -> Any:
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    return node


def canonical(value: JsonValue) -> bytes:
    return rfc8785.dumps(value)


@st.composite
def mutations(draw: st.DrawFn, suite: str) -> JsonObject:
    document = copy.deepcopy(signed(suite))
    path = draw(st.sampled_from([p for p in paths(document) if p]))
    parent = parent_of(document, path)
    last = path[-1]
    operation = draw(st.sampled_from(["change", "delete", "add"]))
    if operation == "change":
        old = parent[last]
        new = draw(informative.filter(lambda v: canonical(v) != canonical(old)))
        parent[last] = new
    elif operation == "delete":
        del parent[last]
    else:
        target = parent[last] if isinstance(parent[last], dict | list) else parent
        addition = draw(informative)
        if isinstance(target, dict):
            name = draw(st.text(min_size=1, max_size=10).filter(lambda k: k not in target))
            target[name] = addition
        else:
            seen = {canonical(item) for item in target}
            target.append(draw(informative.filter(lambda v: canonical(v) not in seen)))
    return document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), suite=st.sampled_from(SUITES))
def test_any_single_change_to_a_signed_credential_fails(data: st.DataObject, suite: str) -> None:
    assert verify_credential(signed(suite), policy=policy(lists=lists())).verified
    mutated = data.draw(mutations(suite))
    report = verify_credential(mutated, policy=policy(lists=lists()))
    assert not report.verified, mutated


def assert_a_report(report: Any) -> None:
    assert report.checks
    assert all(check.code != "report.internal_error" for check in report.checks), report


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_yield_a_report(raw: bytes) -> None:
    assert_a_report(verify_credential(raw, policy=policy()))


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_random_json_yields_a_report(value: JsonValue) -> None:
    text = rfc8785.dumps(value)
    assert_a_report(verify_credential(text, policy=policy()))
    assert_a_report(verify_presentation(text, policy=policy(), challenge="c"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), suite=st.sampled_from(SUITES))
def test_wrong_types_anywhere_yield_a_report(data: st.DataObject, suite: str) -> None:
    document = copy.deepcopy(signed(suite))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from([p for p in paths(document) if p]))
        parent_of(document, path)[path[-1]] = data.draw(json_values)
    assert_a_report(verify_credential(document, policy=policy(lists=lists())))
    wrapped = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [document],
        "proof": document.get("proof"),
    }
    assert_a_report(verify_presentation(wrapped, policy=policy(), challenge="c"))
