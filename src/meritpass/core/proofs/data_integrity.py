"""Add and verify Data Integrity proofs (https://www.w3.org/TR/vc-data-integrity/ §4).

:func:`sign` returns a new document with one more proof (§4.2 Add Proof, §4.3 Add Proof Set/Chain).
:func:`verify` checks every proof of a document as received (§4.4, §4.5) and returns one result
per proof; it never raises on hostile input, because every failure, from a malformed proof to a
resolver or canonicalizer error, becomes a failed result with a code. The clock, the resolver, the
context loader and the accepted suites are arguments.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Final

from meritpass.core.did import key as did_key
from meritpass.core.did.resolver import (
    RELATIONSHIPS,
    DidResolver,
    VerificationMethod,
    dereference_verification_method,
)
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import InputError, MeritpassError, ProofError
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader
from meritpass.core.keys import multibase
from meritpass.core.keys.excerpt import excerpt
from meritpass.core.keys.multikey import SIGNATURE_SIZE, Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.proofs.chains import check_chains, matching_proofs, previous_proof_ids
from meritpass.core.proofs.datetimes import format_datetime_stamp, parse_datetime_stamp
from meritpass.core.proofs.purposes import ASSERTION_METHOD, challenge_matches, domain_matches
from meritpass.core.proofs.result import VERIFIED, ProofResult, ProofSetResult
from meritpass.core.proofs.suites import ed25519_signature_2020, eddsa_jcs_2022, eddsa_rdfc_2022
from meritpass.core.proofs.suites.base import DATA_INTEGRITY_PROOF, Cryptosuite

SUITES: Final[Mapping[str, Cryptosuite]] = MappingProxyType(
    {
        suite.name: suite
        for suite in (eddsa_rdfc_2022.SUITE, eddsa_jcs_2022.SUITE, ed25519_signature_2020.SUITE)
    }
)
ALL_SUITES: Final = frozenset(SUITES)
DEFAULT_CLOCK_SKEW: Final = timedelta(minutes=5)
#: More proofs than this are refused unread: each one may cost a resolution and a canonicalization.
MAX_PROOFS: Final = 16
#: A 64-byte signature is at most 88 base58 characters; longer values are refused undecoded.
_MAX_PROOF_VALUE: Final = 1 + 88


def sign(
    document: JsonObject,
    *,
    key: Ed25519Multikey,
    verification_method: str,
    suite: str = eddsa_rdfc_2022.NAME,
    created: datetime | None = None,
    expires: datetime | None = None,
    proof_purpose: str = ASSERTION_METHOD,
    challenge: str | None = None,
    domain: str | None = None,
    previous_proof: str | Sequence[str] | None = None,
    proof_id: str | None = None,
    loader: DocumentLoader = bundled_loader,
    limits: Limits = DEFAULT_LIMITS,
) -> JsonObject:
    """Return a copy of ``document`` with a new proof; an existing proof makes it a proof set.

    With ``previous_proof`` the new proof also signs the existing proofs with those ids (a proof
    chain, §4.3 step 6).
    """
    cryptosuite = _signing_suite(suite, proof_purpose)
    _check_did_key_matches(key, verification_method)
    existing = _existing_proofs(document)
    previous = [previous_proof] if isinstance(previous_proof, str) else list(previous_proof or [])
    chained: JsonValue = previous_proof if isinstance(previous_proof, str) else list(previous)
    options: JsonObject = _drop_none(
        {
            "type": cryptosuite.proof_type,
            "id": proof_id,
            "cryptosuite": cryptosuite.cryptosuite,
            "created": _stamp(created, "created"),
            "expires": _stamp(expires, "expires"),
            "verificationMethod": verification_method,
            "proofPurpose": proof_purpose,
            "challenge": challenge,
            "domain": domain,
            "previousProof": chained if previous else None,
        }
    )
    unsecured = _without_proof(document)
    if previous:
        unsecured["proof"] = list(matching_proofs(existing, previous))
    proof = cryptosuite.prepare_proof(unsecured, options)
    forms = cryptosuite.signing_forms(unsecured, proof, loader, limits)
    proof["proofValue"] = multibase.encode(key.sign(forms.hash_data))
    secured = copy.deepcopy(_without_proof(document))
    secured["proof"] = [*copy.deepcopy(existing), proof] if existing else proof
    return secured


def verify(
    document: JsonObject,
    *,
    resolver: DidResolver,
    now: datetime,
    loader: DocumentLoader = bundled_loader,
    limits: Limits = DEFAULT_LIMITS,
    allowed_suites: Collection[str] = ALL_SUITES,
    expected_purpose: str = ASSERTION_METHOD,
    expected_controller: str | None = None,
    challenge: str | None = None,
    domain: str | None = None,
    clock_skew: timedelta = DEFAULT_CLOCK_SKEW,
) -> ProofSetResult:
    """Verify every proof of ``document`` and return one result per proof.

    ``expected_controller`` (the issuer of a credential, the holder of a presentation) must control
    each proof's verification method when given; ``challenge`` and ``domain`` must match when
    given. ``now`` must be timezone-aware: a proof created after ``now + clock_skew`` or expired
    before ``now`` fails.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ProofError("proof.naive_datetime", property="now")
    policy = _Policy(
        resolver=resolver,
        now=now,
        loader=loader,
        limits=limits,
        allowed_suites=frozenset(allowed_suites),
        expected_purpose=expected_purpose,
        expected_controller=expected_controller,
        challenge=challenge,
        domain=domain,
        clock_skew=clock_skew,
    )
    value = document.get("proof")
    proofs: list[JsonValue] = value if isinstance(value, list) else [] if value is None else [value]
    if not proofs:
        return ProofSetResult((ProofResult(verified=False, code="proof.missing"),))
    if len(proofs) > MAX_PROOFS:
        too_many = {"count": len(proofs), "limit": MAX_PROOFS}
        return ProofSetResult((ProofResult(False, "proof.too_many", MappingProxyType(too_many)),))
    unsecured = _without_proof(document)
    results = [_verify_one(index, proofs, unsecured, policy) for index in range(len(proofs))]
    return ProofSetResult(check_chains(proofs, results))


@dataclass(frozen=True, slots=True)
class _Policy:
    resolver: DidResolver
    now: datetime
    loader: DocumentLoader
    limits: Limits
    allowed_suites: frozenset[str]
    expected_purpose: str
    expected_controller: str | None
    challenge: str | None
    domain: str | None
    clock_skew: timedelta


class _CheckError(Exception):
    """A failed check; raised and caught in this module only, and reported as a result."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _verify_one(
    index: int, proofs: Sequence[JsonValue], unsecured: JsonObject, policy: _Policy
) -> ProofResult:
    described = _describe(index, proofs[index])
    try:
        method = _check(proofs[index], proofs, unsecured, policy)
    except (_CheckError, MeritpassError) as failure:
        return _failed(described, failure.code, failure.params)
    except Exception as error:  # a verifier never crashes; third-party parsers fail their own way
        cause = _meritpass_cause(error)
        if cause is not None:
            return _failed(described, cause.code, cause.params)
        return _failed(described, "proof.cannot_verify", {"reason": type(error).__name__})
    return replace(
        described,
        verified=True,
        code=VERIFIED,
        params=MappingProxyType({"verification_method": excerpt(method.id)}),
        controller=method.controller,
    )


def _check(
    proof: JsonValue, proofs: Sequence[JsonValue], unsecured: JsonObject, policy: _Policy
) -> VerificationMethod:
    if not isinstance(proof, dict):
        raise _CheckError("proof.malformed")
    suite = _verification_suite(proof, policy)
    vm_id = _required_text(proof, "verificationMethod")
    purpose = _required_text(proof, "proofPurpose")
    signature = _signature(proof)
    _check_binding(proof, purpose, policy)
    _check_times(proof, policy)
    previous = previous_proof_ids(proof)
    document = unsecured
    if previous:
        matching = matching_proofs(proofs, previous)
        if any(item is proof for item in matching):
            raise _CheckError("proof.previous_proof_cycle", id=excerpt(proof.get("id")))
        document = {**unsecured, "proof": list(matching)}
    _check_controller(vm_id.partition("#")[0], policy)
    method = dereference_verification_method(vm_id, resolver=policy.resolver, purpose=purpose)
    _check_method(method, policy)
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    forms = suite.verification_forms(document, options, policy.loader, policy.limits)
    if not method.public_key.verify(signature, forms.hash_data):
        raise _CheckError("proof.invalid_signature")
    return method


def _verification_suite(proof: JsonObject, policy: _Policy) -> Cryptosuite:
    proof_type = _required_text(proof, "type")
    name = proof_type
    if proof_type == DATA_INTEGRITY_PROOF:
        name = _required_text(proof, "cryptosuite")
    suite = SUITES.get(name)
    if suite is None or suite.proof_type != proof_type:
        raise _CheckError("proof.unknown_suite", suite=excerpt(name))
    if name not in policy.allowed_suites:
        raise _CheckError("proof.suite_not_allowed", suite=name)
    return suite


def _signature(proof: JsonObject) -> bytes:
    value = _required_text(proof, "proofValue")
    try:
        signature = multibase.decode_base58btc(value) if len(value) <= _MAX_PROOF_VALUE else b""
    except InputError:
        signature = b""
    if len(signature) != SIGNATURE_SIZE:
        raise _CheckError("proof.malformed_value")
    return signature


def _check_binding(proof: JsonObject, purpose: str, policy: _Policy) -> None:
    if purpose != policy.expected_purpose:
        raise _CheckError("proof.wrong_purpose", expected=policy.expected_purpose, found=purpose)
    if policy.domain is not None and not domain_matches(proof.get("domain"), policy.domain):
        raise _CheckError("proof.wrong_domain", expected=policy.domain)
    if policy.challenge is not None and not challenge_matches(
        proof.get("challenge"), policy.challenge
    ):
        raise _CheckError("proof.wrong_challenge")


def _check_times(proof: JsonObject, policy: _Policy) -> None:
    if "created" in proof:
        created = parse_datetime_stamp(proof["created"], name="created")
        if created > policy.now + policy.clock_skew:
            raise _CheckError("proof.created_in_future", created=excerpt(proof["created"]))
    if "expires" in proof:
        expires = parse_datetime_stamp(proof["expires"], name="expires")
        if policy.now > expires:
            raise _CheckError("proof.expired", expires=excerpt(proof["expires"]))


def _check_controller(controller: str, policy: _Policy) -> None:
    """Refuse another controller: a method's controller is the document that lists it."""
    expected = policy.expected_controller
    if expected is not None and controller != expected:
        raise _CheckError("proof.controller_mismatch", expected=expected, found=controller)


def _check_method(method: VerificationMethod, policy: _Policy) -> None:
    _check_controller(method.controller, policy)
    if method.revoked and parse_datetime_stamp(method.revoked, name="revoked") <= policy.now:
        raise _CheckError("proof.key_revoked", id=method.id, revoked=method.revoked)
    if method.expires and parse_datetime_stamp(method.expires, name="expires") <= policy.now:
        raise _CheckError("proof.key_expired", id=method.id, expires=method.expires)


def _required_text(proof: JsonObject, name: str) -> str:
    value = proof.get(name)
    if not isinstance(value, str) or not value:
        raise _CheckError("proof.missing_property", property=name)
    return value


def _describe(index: int, proof: JsonValue) -> ProofResult:
    fields = proof if isinstance(proof, dict) else {}
    kind = fields.get("type")
    suite = fields.get("cryptosuite") if kind == DATA_INTEGRITY_PROOF else kind
    return ProofResult(
        verified=False,
        code="proof.cannot_verify",
        index=index,
        suite=_text(suite),
        proof_id=_text(fields.get("id")),
        verification_method=_text(fields.get("verificationMethod")),
        purpose=_text(fields.get("proofPurpose")),
        created=_text(fields.get("created")),
    )


def _failed(described: ProofResult, code: str, params: Mapping[str, object]) -> ProofResult:
    safe = {name: excerpt(v) if isinstance(v, str) else v for name, v in params.items()}
    return replace(described, verified=False, code=code, params=MappingProxyType(safe))


def _meritpass_cause(error: BaseException) -> MeritpassError | None:
    """Find our own error behind a third-party one (pyld wraps the loader's errors)."""
    cause: BaseException | None = error
    for _ in range(16):
        if cause is None or isinstance(cause, MeritpassError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def _signing_suite(name: str, purpose: str) -> Cryptosuite:
    suite = SUITES.get(name)
    if suite is None:
        raise ProofError("proof.unknown_suite", suite=excerpt(name))
    if purpose not in RELATIONSHIPS:
        raise ProofError("did.unknown_purpose", purpose=excerpt(purpose))
    return suite


def _check_did_key_matches(key: Ed25519Multikey, verification_method: str) -> None:
    """A did:key method names its key: refuse to sign in its name with another key."""
    did = verification_method.split("#", 1)[0]
    if did.startswith(did_key.PREFIX) and did_key.key_from_did_key(did) != key.public_only():
        raise ProofError("proof.key_mismatch", verification_method=excerpt(verification_method))


def _existing_proofs(document: JsonObject) -> list[JsonValue]:
    value = document.get("proof")
    if value is None:
        return []
    proofs: list[JsonValue] = value if isinstance(value, list) else [value]
    if not all(isinstance(proof, dict) for proof in proofs):
        raise ProofError("proof.malformed")
    return proofs


def _without_proof(document: JsonObject) -> JsonObject:
    return {name: value for name, value in document.items() if name != "proof"}


def _drop_none(values: dict[str, JsonValue]) -> JsonObject:
    return {name: value for name, value in values.items() if value is not None}


def _stamp(moment: datetime | None, name: str) -> str | None:
    return None if moment is None else format_datetime_stamp(moment, name=name)


def _text(value: JsonValue | None) -> str | None:
    return excerpt(value) if isinstance(value, str) else None
