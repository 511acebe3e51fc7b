"""DID resolution through a port, and safe dereferencing of verification methods.

:func:`dereference_verification_method` follows "Retrieve Verification Method"
(https://www.w3.org/TR/vc-data-integrity/#retrieve-verification-method, CID 1.0 §3.3): the
controller document must name itself as requested, must hold the method, must authorize it for the
proof purpose, and the method's controller must be that document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Final, Protocol

from meritpass.core.did import key as did_key
from meritpass.core.did.web import Fetcher, check_document_id, resolve_did_web
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import DidError, InputError, KeyFormatError, ResolutionError
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS, Limits

RELATIONSHIPS: Final = frozenset(
    {
        "authentication",
        "assertionMethod",
        "capabilityInvocation",
        "capabilityDelegation",
        "keyAgreement",
    }
)
SUPPORTED_TYPES: Final = frozenset({did_key.MULTIKEY, did_key.ED25519_VERIFICATION_KEY_2020})


class DidResolver(Protocol):
    """Return the DID (or controller) document for an identifier without a fragment.

    Raises :class:`ResolutionError` when it cannot be obtained and :class:`DidError` when the
    identifier is malformed or of an unsupported method.
    """

    def resolve(self, did: str) -> JsonObject: ...


@dataclass(frozen=True, slots=True)
class VerificationMethod:
    """A dereferenced Ed25519 verification method.

    ``expires`` and ``revoked`` are the method's own dateTimeStamps (CID 1.0 §2.2.1), unparsed; the
    verifier compares them with its ``now``.
    """

    id: str
    type: str
    controller: str
    public_key: Ed25519Multikey
    expires: str | None = None
    revoked: str | None = None


class StandardResolver:
    """Resolve did:key itself, did:web through ``fetch``, and a set of known documents first.

    Known documents (the platform's own DIDs, trust anchors, test fixtures) are indexed by their
    ``id``, which may also be an HTTPS controller document URL.
    """

    def __init__(
        self,
        *,
        fetch: Fetcher | None = None,
        documents: Iterable[JsonObject] = (),
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self._fetch = fetch
        self._limits = limits
        self._known: dict[str, JsonObject] = {}
        for document in documents:
            identifier = document.get("id")
            if not isinstance(identifier, str):
                raise DidError("did.document_without_id")
            self._known[identifier] = document

    def resolve(self, did: str) -> JsonObject:
        """Return the document for ``did``."""
        known = self._known.get(did)
        if known is not None:
            return known
        if did.startswith(did_key.PREFIX):
            return did_key.resolve_did_key(did)
        if did.startswith("did:web:") and self._fetch is not None:
            return resolve_did_web(did, fetch=self._fetch, limits=self._limits)
        if did.startswith("did:") and not did.startswith("did:web:"):
            raise DidError("did.unsupported_method", did=excerpt(did))
        raise ResolutionError("did.not_resolvable", did=excerpt(did))


def dereference_verification_method(
    vm_id: str, *, resolver: DidResolver, purpose: str
) -> VerificationMethod:
    """Return the Ed25519 verification method ``vm_id``, authorized for ``purpose``."""
    if purpose not in RELATIONSHIPS:
        raise DidError("did.unknown_purpose", purpose=excerpt(purpose))
    document_id, _, fragment = vm_id.partition("#")
    if not document_id or not fragment:
        raise DidError("did.vm_id_invalid", id=excerpt(vm_id))
    document = resolver.resolve(document_id)
    check_document_id(document, document_id)
    method = _find_method(document, document_id, vm_id)
    if not _is_authorized(document, document_id, vm_id, purpose):
        raise DidError("did.vm_not_authorized", id=excerpt(vm_id), purpose=purpose)
    return _to_verification_method(method, document_id, vm_id)


def _find_method(document: JsonObject, document_id: str, vm_id: str) -> JsonObject:
    found = [m for m in _embedded_methods(document) if _absolute(m.get("id"), document_id) == vm_id]
    if not found:
        raise ResolutionError("did.vm_not_found", id=excerpt(vm_id), did=excerpt(document_id))
    if any(method != found[0] for method in found[1:]):
        raise DidError("did.vm_ambiguous", id=excerpt(vm_id))
    return found[0]


def _embedded_methods(document: JsonObject) -> Iterator[JsonObject]:
    for name in ("verificationMethod", *sorted(RELATIONSHIPS)):
        for entry in _entries(document.get(name)):
            if isinstance(entry, dict):
                yield entry


def _is_authorized(document: JsonObject, document_id: str, vm_id: str, purpose: str) -> bool:
    for entry in _entries(document.get(purpose)):
        reference = entry.get("id") if isinstance(entry, dict) else entry
        if _absolute(reference, document_id) == vm_id:
            return True
    return False


def _entries(value: JsonValue | None) -> list[JsonValue]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _absolute(reference: JsonValue | None, document_id: str) -> str | None:
    if not isinstance(reference, str):
        return None
    return document_id + reference if reference.startswith("#") else reference


def _to_verification_method(method: JsonObject, document_id: str, vm_id: str) -> VerificationMethod:
    kind = method.get("type")
    if not isinstance(kind, str) or kind not in SUPPORTED_TYPES:
        raise DidError("did.vm_unsupported_type", id=excerpt(vm_id), type=excerpt(kind))
    controller = method.get("controller")
    if controller != document_id:
        raise DidError("did.vm_wrong_controller", id=excerpt(vm_id), controller=excerpt(controller))
    public = method.get("publicKeyMultibase")
    if not isinstance(public, str):
        raise KeyFormatError("key.missing", property="publicKeyMultibase")
    return VerificationMethod(
        id=vm_id,
        type=kind,
        controller=document_id,
        public_key=Ed25519Multikey.from_public_key_multibase(public),
        expires=_optional_text(method, "expires", vm_id),
        revoked=_optional_text(method, "revoked", vm_id),
    )


def _optional_text(method: Mapping[str, JsonValue], name: str, vm_id: str) -> str | None:
    value = method.get(name)
    if value is None or isinstance(value, str):
        return value
    raise InputError("did.vm_malformed", id=excerpt(vm_id), property=name)
