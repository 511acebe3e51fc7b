"""Median sign and verify time per proof suite on the typical credential, beside raw PyNaCl.

Run: ``.venv/bin/python bench/proofs.py`` (``--json`` prints the figures as JSON). Warm medians:
contexts and the issuer's key are cached, as in a running verifier. Verification is the full
:func:`data_integrity.verify`: proof checks, dereferencing the issuer's did:web key from a known
DID document, the controller check, canonicalization, hashing and Ed25519.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs import data_integrity

ROOT = Path(__file__).parents[1]
CREDENTIAL: dict[str, Any] = json.loads(
    (ROOT / "tests/data/credentials/ob3-microcredential.json").read_text("utf-8")
)
ISSUER = CREDENTIAL["issuer"]["id"]
VERIFICATION_METHOD = f"{ISSUER}#key-1"
LEGACY_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
KEY = Ed25519Multikey.generate(bytes(range(32)))
CREATED = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)
RESOLVER = StandardResolver(
    documents=[
        {
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": ISSUER,
            "verificationMethod": [KEY.to_verification_method(ISSUER, id=VERIFICATION_METHOD)],
            "assertionMethod": [VERIFICATION_METHOD],
        }
    ]
)
RUNS = {"eddsa-rdfc-2022": 300, "eddsa-jcs-2022": 3000, "Ed25519Signature2020": 300}


def median_ms(function: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``function`` in milliseconds, after a warm-up."""
    for _ in range(max(10, runs // 20)):
        function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def document_for(suite: str) -> dict[str, Any]:
    if suite != "Ed25519Signature2020":
        return CREDENTIAL
    return CREDENTIAL | {"@context": [*CREDENTIAL["@context"], LEGACY_CONTEXT]}


def measure_suite(suite: str) -> dict[str, Any]:
    document = document_for(suite)

    def sign() -> dict[str, Any]:
        return data_integrity.sign(
            document, key=KEY, verification_method=VERIFICATION_METHOD, suite=suite, created=CREATED
        )

    secured = sign()

    def verify() -> bool:
        result = data_integrity.verify(
            secured, resolver=RESOLVER, now=NOW, expected_controller=ISSUER
        )
        return result.verified

    if not verify():
        raise SystemExit(f"{suite}: the signed credential does not verify")
    runs = RUNS[suite]
    return {"name": suite, "sign_ms": median_ms(sign, runs), "verify_ms": median_ms(verify, runs)}


def measure_pynacl() -> dict[str, Any]:
    signing = SigningKey(bytes(range(32)))
    verifying = signing.verify_key
    message = bytes(64)
    signature = signing.sign(message).signature
    return {
        "name": "PyNaCl Ed25519 (64 bytes)",
        "sign_ms": median_ms(lambda: signing.sign(message), 20000),
        "verify_ms": median_ms(lambda: verifying.verify(message, signature), 20000),
    }


def run() -> list[dict[str, Any]]:
    """Return one row per suite and one for raw PyNaCl."""
    return [*(measure_suite(suite) for suite in RUNS), measure_pynacl()]


def main() -> None:
    rows = run()
    if "--json" in sys.argv[1:]:
        print(json.dumps(rows, indent=2))
        return
    size = len(json.dumps(CREDENTIAL).encode())
    print(f"proofs on tests/data/credentials/ob3-microcredential.json ({size} bytes), medians")
    print(f"{'suite':<28}{'sign':>12}{'verify':>12}")
    for row in rows:
        print(f"{row['name']:<28}{row['sign_ms']:>10.3f}ms{row['verify_ms']:>10.3f}ms")


if __name__ == "__main__":
    main()
