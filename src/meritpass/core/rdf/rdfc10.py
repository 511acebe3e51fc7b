"""RDF Dataset Canonicalization, RDFC-1.0 (https://www.w3.org/TR/rdf-canon/).

The work is bounded (§4.4, "poison" datasets): at most ``Limits.max_blank_nodes`` blank nodes,
and at most ``Limits.max_ndegree_calls`` units of n-degree work, where each call of Hash N-Degree
Quads (§4.9) and each permutation it examines counts as one unit. Datasets whose blank nodes all
have distinct first-degree hashes, as credentials do, never reach the n-degree algorithm.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterator
from itertools import permutations
from typing import Final

from meritpass.core.errors import CanonicalizationError
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.rdf.terms import Quad, quad_line

_HASHES: Final[dict[str, Callable[[bytes], hashlib._Hash]]] = {
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
}


class IdentifierIssuer:
    """Issue identifiers ``prefix0``, ``prefix1``… in order (RDFC-1.0 §4.5)."""

    __slots__ = ("issued", "prefix")

    def __init__(self, prefix: str, issued: dict[str, str] | None = None) -> None:
        self.prefix = prefix
        self.issued: dict[str, str] = {} if issued is None else issued

    def issue(self, label: str) -> str:
        """Return the identifier for ``label``, issuing the next one if it has none yet."""
        found = self.issued.get(label)
        if found is None:
            found = self.issued[label] = f"{self.prefix}{len(self.issued)}"
        return found

    def copy(self) -> IdentifierIssuer:
        """Return an independent copy."""
        return IdentifierIssuer(self.prefix, dict(self.issued))


class _State:
    """The canonicalization state (§4.2) plus the work budget."""

    __slots__ = ("blank_quads", "budget", "canonical", "digest", "first_degree")

    def __init__(self, quads: Collection[Quad], limits: Limits, hash_algorithm: str) -> None:
        digest = _HASHES.get(hash_algorithm)
        if digest is None:
            raise ValueError(f"unsupported hash algorithm {hash_algorithm!r}")
        self.digest = digest
        self.budget = limits.max_ndegree_calls
        self.canonical = IdentifierIssuer("c14n")
        self.first_degree: dict[str, str] = {}
        self.blank_quads: dict[str, list[Quad]] = {}
        for quad in quads:
            for term in (quad[0], quad[2], quad[3]):
                if term.startswith("_:"):
                    self.blank_quads.setdefault(term[2:], []).append(quad)
        if len(self.blank_quads) > limits.max_blank_nodes:
            raise CanonicalizationError(
                "rdfc.too_complex",
                reason=f"{len(self.blank_quads)} blank nodes, at most {limits.max_blank_nodes}",
            )

    def hash(self, text: str) -> str:
        return self.digest(text.encode("utf-8")).hexdigest()

    def spend(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise CanonicalizationError("rdfc.too_complex", reason="too much n-degree work")


def canonicalize(
    dataset: Collection[Quad], *, limits: Limits = DEFAULT_LIMITS, hash_algorithm: str = "sha256"
) -> str:
    """Return the canonical N-Quads of ``dataset`` (RDFC-1.0 §4.4), sorted, one quad a line."""
    issued = issue_identifiers(dataset, limits=limits, hash_algorithm=hash_algorithm)
    return "".join(sorted({quad_line(_relabel(quad, issued)) for quad in dataset}))


def canonical_quads(
    dataset: Collection[Quad], *, limits: Limits = DEFAULT_LIMITS, hash_algorithm: str = "sha256"
) -> list[Quad]:
    """Return ``dataset`` with every blank node relabelled to its canonical identifier."""
    issued = issue_identifiers(dataset, limits=limits, hash_algorithm=hash_algorithm)
    return [_relabel(quad, issued) for quad in dataset]


def issue_identifiers(
    dataset: Collection[Quad], *, limits: Limits = DEFAULT_LIMITS, hash_algorithm: str = "sha256"
) -> dict[str, str]:
    """Return the issued identifiers map: input blank node label → canonical label (§4.4.2)."""
    state = _State(dataset, limits, hash_algorithm)
    by_hash: dict[str, list[str]] = {}
    for label in state.blank_quads:
        by_hash.setdefault(_first_degree(state, label), []).append(label)
    shared: list[list[str]] = []
    for _, labels in sorted(by_hash.items()):
        if len(labels) == 1:
            state.canonical.issue(labels[0])
        else:
            shared.append(labels)
    for labels in shared:
        _issue_shared(state, labels)
    return state.canonical.issued


def _relabel(quad: Quad, issued: dict[str, str]) -> Quad:
    subject, predicate, obj, graph = quad
    if subject.startswith("_:"):
        subject = "_:" + issued[subject[2:]]
    if obj.startswith("_:"):
        obj = "_:" + issued[obj[2:]]
    if graph.startswith("_:"):
        graph = "_:" + issued[graph[2:]]
    return subject, predicate, obj, graph


def _first_degree(state: _State, label: str) -> str:
    """Hash First Degree Quads (§4.6)."""
    found = state.first_degree.get(label)
    if found is not None:
        return found
    reference = "_:" + label
    lines = []
    for subject, predicate, obj, graph in state.blank_quads[label]:
        lines.append(
            quad_line(
                (
                    _mask(subject, reference),
                    predicate,
                    _mask(obj, reference),
                    _mask(graph, reference),
                )
            )
        )
    lines.sort()
    found = state.first_degree[label] = state.hash("".join(lines))
    return found


def _mask(term: str, reference: str) -> str:
    if not term.startswith("_:"):
        return term
    return "_:a" if term == reference else "_:z"


def _issue_shared(state: _State, labels: list[str]) -> None:
    """Step 5 of §4.4.3: order blank nodes that share a first-degree hash by n-degree hashes."""
    results: list[tuple[str, IdentifierIssuer]] = []
    for label in labels:
        if label in state.canonical.issued:
            continue
        issuer = IdentifierIssuer("b")
        issuer.issue(label)
        results.append(_n_degree(state, label, issuer))
    for _, issuer in sorted(results, key=lambda result: result[0]):
        for existing in issuer.issued:
            state.canonical.issue(existing)


def _related_hash(
    state: _State, related: str, quad: Quad, issuer: IdentifierIssuer, position: str
) -> str:
    """Hash Related Blank Node (§4.7)."""
    identifier = state.canonical.issued.get(related) or issuer.issued.get(related)
    text = "_:" + identifier if identifier is not None else _first_degree(state, related)
    if position == "g":
        return state.hash(position + text)
    return state.hash(position + quad[1] + text)


def _related_groups(state: _State, label: str, issuer: IdentifierIssuer) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for quad in state.blank_quads[label]:
        for term, position in ((quad[0], "s"), (quad[2], "o"), (quad[3], "g")):
            if term.startswith("_:") and term[2:] != label:
                related = term[2:]
                groups.setdefault(_related_hash(state, related, quad, issuer, position), []).append(
                    related
                )
    return groups


def _n_degree(state: _State, label: str, issuer: IdentifierIssuer) -> tuple[str, IdentifierIssuer]:
    """Hash N-Degree Quads (§4.9); returns the hash and the issuer it ends with."""
    state.spend()
    data = []
    for related_hash, related in sorted(_related_groups(state, label, issuer).items()):
        data.append(related_hash)
        chosen_path, chosen_issuer = "", issuer
        for permutation in _permutations(state, related):
            outcome = _path(state, permutation, issuer, chosen_path)
            if outcome is not None and (not chosen_path or outcome[0] < chosen_path):
                chosen_path, chosen_issuer = outcome
        data.append(chosen_path)
        issuer = chosen_issuer
    return state.hash("".join(data)), issuer


def _permutations(state: _State, related: list[str]) -> Iterator[tuple[str, ...]]:
    for permutation in permutations(related):
        state.spend()
        yield permutation


def _path(
    state: _State, permutation: tuple[str, ...], issuer: IdentifierIssuer, chosen: str
) -> tuple[str, IdentifierIssuer] | None:
    """Steps 5.4.4-5.4.5 of §4.9.3: the path of one permutation, or None once it cannot win."""
    issuer = issuer.copy()
    path = ""
    recursion: list[str] = []
    for related in permutation:
        canonical = state.canonical.issued.get(related)
        if canonical is not None:
            path += "_:" + canonical
        else:
            if related not in issuer.issued:
                recursion.append(related)
            path += "_:" + issuer.issue(related)
        if chosen and len(path) >= len(chosen) and path > chosen:
            return None
    for related in recursion:
        result_hash, result_issuer = _n_degree(state, related, issuer)
        path += "_:" + issuer.issue(related) + "<" + result_hash + ">"
        issuer = result_issuer
        if chosen and len(path) >= len(chosen) and path > chosen:
            return None
    return path, issuer
