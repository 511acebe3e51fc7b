"""The measurements behind ``make bench``."""

from __future__ import annotations

import copy
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph
from nacl.signing import SigningKey
from pyld import jsonld as pyld
from pyld.context_resolver import ContextResolver

from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.did.resolver import StandardResolver
from meritpass.core.jsonld.loader import bundled_loader
from meritpass.core.jsonld.rdfc import canonicalize_document
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.proofs import data_integrity
from meritpass.core.status.bitstring_status_list import BitstringStatusList
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.verify import verify_credential

ROOT = Path(__file__).resolve().parents[1]
CREDENTIAL_PATH = ROOT / "tests" / "data" / "credentials" / "ob3-microcredential.json"
KEY = Ed25519Multikey.generate(bytes(range(32)))
CREATED = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LEGACY_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
Row = dict[str, Any]


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def credential() -> dict[str, Any]:
    """The typical credential, issued by the benchmark key's did:key, without a status entry."""
    document: dict[str, Any] = json.loads(CREDENTIAL_PATH.read_text("utf-8"))
    document["issuer"]["id"] = did_key(KEY)
    document.pop("credentialStatus")
    return document


def credential_facts() -> dict[str, Any]:
    text = CREDENTIAL_PATH.read_bytes()
    return {"path": str(CREDENTIAL_PATH.relative_to(ROOT)), "bytes": len(text)}


def timed(function: Callable[[], object], runs: int) -> dict[str, float]:
    """Return the median and p95 wall time of ``function`` in milliseconds, after a warm-up."""
    for _ in range(max(20, runs // 10)):
        function()
    gc.collect()
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        function()
        samples.append((time.perf_counter_ns() - started) / 1e6)
    samples.sort()
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": samples[int(0.95 * (len(samples) - 1))],
        "runs": runs,
    }


def all_rows(*, quick: bool) -> list[Row]:
    """Measure everything Python-side; ``quick`` uses few runs (for the smoke test)."""
    scale = 0.05 if quick else 1.0
    rows = [*raw_ed25519(scale), *canonicalization(scale)]
    for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"):
        rows.extend(proof_suite(suite, scale))
    rows.append(full_report(scale))
    rows.extend(status_list(scale))
    return rows


def raw_ed25519(scale: float) -> list[Row]:
    signing = SigningKey(bytes(range(32)))
    message = bytes(64)
    signature = signing.sign(message).signature
    runs = int(20000 * scale) or 10
    return [
        {
            "id": "ed25519.sign",
            "what": "raw Ed25519 sign (PyNaCl)",
            **timed(lambda: signing.sign(message), runs),
        },
        {
            "id": "ed25519.verify",
            "what": "raw Ed25519 verify (PyNaCl)",
            **timed(lambda: signing.verify_key.verify(message, signature), runs),
        },
    ]


def canonicalization(scale: float) -> list[Row]:
    document = credential()
    runs = int(400 * scale) or 10
    return [
        {
            "id": "rdfc.plain_pyld",
            "what": "RDFC-1.0 of the credential, plain PyLD expansion + pyoxigraph",
            **timed(lambda: plain_pyld_canonical(document), max(10, runs // 4)),
        },
        {
            "id": "rdfc.meritpass",
            "what": "RDFC-1.0 of the credential, Meritpass",
            **timed(lambda: canonicalize_document(document), runs),
        },
    ]


def plain_pyld_canonical(document: dict[str, Any]) -> str:
    """The baseline DESIGN §7 names: PyLD's JSON-LD → RDF, then pyoxigraph's RDFC-1.0."""

    def load(url: str, _options: object = None) -> dict[str, Any]:
        remote = bundled_loader(url)
        return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(remote.document)}

    options = {
        "format": "application/n-quads",
        "documentLoader": load,
        "contextResolver": ContextResolver({}, load),
    }
    nquads = pyld.to_rdf(document, options)
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return "".join(f"{quad} .\n" for quad in sorted(dataset, key=str))


def proof_suite(suite: str, scale: float) -> list[Row]:
    document = credential()
    if suite == "Ed25519Signature2020":
        document["@context"] = [*document["@context"], LEGACY_CONTEXT]
    resolver = StandardResolver()

    def sign() -> dict[str, Any]:
        return data_integrity.sign(
            document,
            key=KEY,
            verification_method=verification_method_id(KEY),
            suite=suite,
            created=CREATED,
        )

    secured = sign()

    def verify() -> bool:
        return data_integrity.verify(
            secured, resolver=resolver, now=NOW, expected_controller=did_key(KEY)
        ).verified

    if not verify():
        raise SystemExit(f"bench: {suite} does not verify its own signature")
    runs = int((3000 if "jcs" in suite else 600) * scale) or 10
    return [
        {
            "id": f"{suite}.sign",
            "what": f"{suite} sign (Data Integrity add proof)",
            **timed(sign, runs),
        },
        {
            "id": f"{suite}.verify",
            "what": f"{suite} verify (proof, did:key, controller)",
            **timed(verify, runs),
        },
    ]


def full_report(scale: float) -> Row:
    resolver = StandardResolver()
    secured = data_integrity.sign(
        credential(), key=KEY, verification_method=verification_method_id(KEY), created=CREATED
    )
    policy = VerificationPolicy(now=NOW, resolver=resolver)

    def verify() -> bool:
        return verify_credential(secured, policy=policy).verified

    if not verify():
        raise SystemExit("bench: the full report does not verify")
    return {
        "id": "report.eddsa-rdfc-2022",
        "what": "full report, eddsa-rdfc-2022 (format + JSON-LD, proof, issuer, validity)",
        **timed(verify, int(400 * scale) or 10),
    }


def status_list(scale: float) -> list[Row]:
    bits = BitstringStatusList()
    for index in random.Random(2026).sample(range(bits.length), bits.length // 100):
        bits.set_status(index, 1)
    encoded = bits.encode()
    runs = int(300 * scale) or 10
    return [
        {
            "id": "status.encode",
            "what": "status list encode, 131,072 entries, 1 % set at random",
            **timed(bits.encode, runs),
        },
        {
            "id": "status.decode",
            "what": "status list decode, 131,072 entries, 1 % set at random",
            **timed(lambda: BitstringStatusList.decode(encoded), runs),
        },
    ]


def javascript_reference(*, quick: bool) -> dict[str, Any] | None:
    """Run the JavaScript reference's benchmark, or return None when Node is not set up."""
    node = shutil.which("node")
    if node is None or not (ROOT / "interop" / "js" / "node_modules").is_dir():
        return None
    iterations, warmup = ("20", "5") if quick else ("600", "100")
    completed = subprocess.run(
        [node, "interop/js/bench.mjs", "--iterations", iterations, "--warmup", warmup],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    reference: dict[str, Any] = json.loads(completed.stdout)
    return reference
