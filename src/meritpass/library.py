"""The library API: sign, verify and present with sensible defaults (re-exported by ``meritpass``).

This is an edge, not the core: where the caller gives no time it reads the clock, and it can fetch
did:web documents and status lists over HTTPS when asked to (``online=True``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from meritpass.core.credentials.presentation import presentation
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.documents import JsonObject, check_document, parse_document
from meritpass.core.errors import ResolutionError
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.purposes import ASSERTION_METHOD, AUTHENTICATION
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.report import Report
from meritpass.core.verification.verify import Input
from meritpass.core.verification.verify import verify_credential as _verify_credential
from meritpass.core.verification.verify import verify_presentation as _verify_presentation
from meritpass.net import fetch_https

SUITES = {"rdfc": "eddsa-rdfc-2022", "jcs": "eddsa-jcs-2022"}


def generate_key(seed: bytes | None = None) -> Ed25519Multikey:
    """Return a new Ed25519 key (from a 32-byte ``seed`` when given, for reproducible keys)."""
    return Ed25519Multikey.generate(seed)


def sign(
    document: Input,
    *,
    key: Ed25519Multikey,
    verification_method: str | None = None,
    suite: str = "eddsa-rdfc-2022",
    created: datetime | None = None,
    purpose: str = ASSERTION_METHOD,
    challenge: str | None = None,
    domain: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> JsonObject:
    """Return ``document`` with a new Data Integrity proof made with ``key``.

    ``suite`` is ``eddsa-rdfc-2022`` (default), ``eddsa-jcs-2022``, or the short names ``rdfc``,
    ``jcs``; the verification method defaults to the key's did:key.
    """
    return data_integrity.sign(
        _object(document, limits),
        key=key,
        verification_method=verification_method or verification_method_id(key),
        suite=SUITES.get(suite, suite),
        created=created or _now(),
        proof_purpose=purpose,
        challenge=challenge,
        domain=domain,
        limits=limits,
    )


def present(
    credentials: Sequence[Input],
    *,
    key: Ed25519Multikey,
    holder: str | None = None,
    challenge: str | None = None,
    domain: str | None = None,
    suite: str = "eddsa-rdfc-2022",
    created: datetime | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> JsonObject:
    """Return a presentation of ``credentials`` signed for ``authentication`` by the holder's key.

    The holder defaults to the key's did:key; give the verifier's ``challenge`` and ``domain`` so
    the presentation cannot be replayed elsewhere.
    """
    unsigned = presentation(
        [_object(credential, limits) for credential in credentials],
        holder=holder or did_key(key),
    )
    return sign(
        unsigned,
        key=key,
        suite=suite,
        created=created,
        purpose=AUTHENTICATION,
        challenge=challenge,
        domain=domain,
        limits=limits,
    )


def verification_policy(
    *,
    now: datetime | None = None,
    did_documents: Iterable[JsonObject] = (),
    status_lists: Iterable[JsonObject] = (),
    online: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    trust_anchors: Iterable[str] = (),
) -> VerificationPolicy:
    """Return a policy: did:key always, the given DID documents and status list credentials,
    and did:web and status lists fetched over HTTPS only when ``online``.

    ``trust_anchors`` are the authority DIDs whose accreditations and recognitions the trust and
    approval checks accept; without them those checks are skipped.
    """
    fetch = fetch_https if online else None
    known_lists: Mapping[str, JsonObject] = {
        str(item.get("id")): item for item in status_lists if isinstance(item.get("id"), str)
    }

    def fetch_status_list(url: str) -> bytes | str | JsonObject:
        found = known_lists.get(url)
        if found is not None:
            return found
        if fetch is None:
            raise ResolutionError("resolution.failed", what=url, reason="offline")
        return fetch(url)

    return VerificationPolicy(
        now=now or _now(),
        resolver=StandardResolver(fetch=fetch, documents=did_documents, limits=limits),
        fetch_status_list=fetch_status_list,
        limits=limits,
        trust_anchors=frozenset(trust_anchors),
    )


def verify_credential(document: Input, *, policy: VerificationPolicy | None = None) -> Report:
    """Verify a credential and return the report (offline unless ``policy`` says otherwise)."""
    return _verify_credential(document, policy=policy or verification_policy())


def verify_presentation(
    document: Input,
    *,
    challenge: str | None = None,
    domain: str | None = None,
    policy: VerificationPolicy | None = None,
) -> Report:
    """Verify a presentation, its holder binding and challenge, and every credential in it."""
    return _verify_presentation(
        document, policy=policy or verification_policy(), challenge=challenge, domain=domain
    )


def _object(document: Input, limits: Limits) -> JsonObject:
    if isinstance(document, bytes | str):
        return parse_document(document, limits=limits)
    return check_document(document, limits=limits)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
