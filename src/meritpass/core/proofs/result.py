"""The outcome of verifying the proofs of one document: one result per proof."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from meritpass.core.messages import render

VERIFIED: Final = "proof.verified"


@dataclass(frozen=True, slots=True)
class ProofResult:
    """Whether one proof holds, with a stable code and the parameters of its message.

    The descriptive fields are copied (shortened) from the proof as received, so a report can say
    which proof failed even when the proof is malformed; ``controller`` is set once the
    verification method was dereferenced.
    """

    verified: bool
    code: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    index: int = 0
    suite: str | None = None
    proof_id: str | None = None
    verification_method: str | None = None
    purpose: str | None = None
    created: str | None = None
    controller: str | None = None

    def message(self, language: str = "en") -> str:
        """Return the message in ``language`` (``"sv"`` or ``"en"``)."""
        return render(self.code, language, self.params)


@dataclass(frozen=True, slots=True)
class ProofSetResult:
    """The results for every proof of a document, in document order.

    ``verified`` is true only when there is at least one proof and every proof holds.
    """

    results: tuple[ProofResult, ...]

    @property
    def verified(self) -> bool:
        """Whether the document has proofs and all of them hold."""
        return bool(self.results) and all(result.verified for result in self.results)

    def __iter__(self) -> Iterator[ProofResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)
