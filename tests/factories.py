"""Small builders for signed credentials, presentations and status lists used across tests."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.documents import JsonObject
from meritpass.core.errors import ResolutionError
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs.data_integrity import sign
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.status.credential import status_list_credential, status_list_entry
from meritpass.core.verification.policy import VerificationPolicy

TYPICAL = Path(__file__).parent / "data" / "credentials" / "ob3-microcredential.json"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SIGNED_AT = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
STATUS_URL = "https://meritpass.example/status/1"


def key(seed: int) -> Ed25519Multikey:
    """Return a reproducible key."""
    return Ed25519Multikey.generate(bytes([seed]) * 32)


def typical_credential() -> JsonObject:
    """Return the unsigned typical Open Badges 3.0 micro-credential (3 KB)."""
    document: JsonObject = json.loads(TYPICAL.read_text("utf-8"))
    return document


@dataclass
class Issuer:
    """An issuer with a did:key and, optionally, a revocation list."""

    signing_key: Ed25519Multikey = field(default_factory=lambda: key(1))
    revoked: set[int] = field(default_factory=set)

    @property
    def did(self) -> str:
        return did_key(self.signing_key)

    def credential(self, *, status_index: int | None = 94567, **changes: Any) -> JsonObject:
        document = typical_credential()
        issuer = document["issuer"]
        assert isinstance(issuer, dict)
        issuer["id"] = self.did
        document.pop("credentialStatus")
        if status_index is not None:
            document["credentialStatus"] = status_list_entry(
                status_list_credential=STATUS_URL,
                status_list_index=status_index,
                status_purpose="revocation",
            )
        document.update(changes)
        return document

    def sign(self, document: JsonObject, suite: str = "eddsa-rdfc-2022") -> JsonObject:
        return sign(
            document,
            key=self.signing_key,
            verification_method=verification_method_id(self.signing_key),
            suite=suite,
            created=SIGNED_AT,
        )

    def status_list(self, *, purpose: str = "revocation") -> JsonObject:
        bits = BitstringStatusList()
        for index in self.revoked:
            bits.set_status(index, 1)
        unsigned = status_list_credential(
            credential_id=STATUS_URL, issuer=self.did, status_purpose=purpose, status_list=bits
        )
        return self.sign(unsigned)


def policy(
    *, lists: dict[str, JsonObject] | None = None, now: datetime = NOW
) -> VerificationPolicy:
    """Return an offline policy serving the given status list credentials by URL."""
    served = dict(lists or {})

    def fetch(url: str) -> JsonObject:
        if url not in served:
            raise ResolutionError("resolution.failed", what=url, reason="not served")
        return copy.deepcopy(served[url])

    return VerificationPolicy(now=now, resolver=StandardResolver(), fetch_status_list=fetch)
