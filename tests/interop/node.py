"""Drive the JavaScript reference implementation (``interop/js/harness.mjs``) from Python.

One Node process serves a whole test session over JSON Lines: each request is one line on its
stdin, each response one line on its stdout, in order. The harness never uses the network: it
knows the contexts bundled with Meritpass and ``did:key``; everything else (did:web DID documents,
status list credentials) travels with the request in ``documents``. See ``interop/js/README.md``.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NoReturn, Self

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS_DIR = ROOT / "interop" / "js"
HARNESS = JS_DIR / "harness.mjs"
DEFAULT_TIMEOUT = 30.0

Json = dict[str, Any]
Suite = Literal["eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"]
Kind = Literal["credential", "presentation", "document"]
Purpose = Literal["assertionMethod", "authentication"]


class HarnessError(RuntimeError):
    """The harness answered ``ok: false``, or stopped answering."""


class NodeHarness:
    """A running ``harness.mjs`` process; start it with :meth:`start`."""

    def __init__(self, process: subprocess.Popen[str], *, timeout: float) -> None:
        self._process = process
        self._timeout = timeout
        self._ids = itertools.count(1)
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=40)
        self._lock = threading.Lock()
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    @classmethod
    def start(cls, *, node: str = "node", timeout: float = DEFAULT_TIMEOUT) -> Self:
        """Start Node on the harness and check that it answers."""
        process = subprocess.Popen(
            [node, str(HARNESS)],
            cwd=JS_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        harness = cls(process, timeout=timeout)
        harness.ping()
        return harness

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close stdin so the harness exits; kill it if it does not."""
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for reader in self._readers:
            reader.join(timeout=5)
        for stream in (self._process.stdout, self._process.stderr):
            if stream is not None:
                stream.close()

    # The operations.

    def ping(self) -> Json:
        """Return the Node version, the reference packages' versions and the context count."""
        return self.request({"op": "ping"})

    def network_attempts(self) -> int:
        """Return how many network accesses the harness has refused since it started."""
        return int(self.request({"op": "stats"})["networkAttempts"])

    def generate_key(self, seed: bytes | None = None) -> Json:
        """Return a fresh Ed25519 key: its multibase keys, did:key controller and method id."""
        request: Json = {"op": "generate_key"}
        if seed is not None:
            request["seed"] = seed.hex()
        return dict(self.request(request)["key"])

    def sign(
        self,
        document: Json,
        *,
        suite: Suite,
        key: Json,
        verification_method: str | None = None,
        controller: str | None = None,
        created: str | None = None,
        purpose: Purpose | None = None,
        challenge: str | None = None,
        domain: str | None = None,
        kind: Kind | None = None,
        documents: dict[str, Json] | None = None,
    ) -> Json:
        """Sign ``document`` with the reference implementation and return the signed copy.

        ``key`` holds ``publicKeyMultibase`` and ``secretKeyMultibase`` (Multikey). Without a
        controller the key's did:key is used. Credentials go through ``vc.issue``, presentations
        through ``vc.signPresentation``, anything else (or ``kind="document"``) through
        jsonld-signatures ``sign``; the default purpose is ``assertionMethod``, or
        ``authentication`` for a presentation.
        """
        request = _drop_none(
            op="sign",
            document=document,
            suite=suite,
            key=key,
            verificationMethod=verification_method,
            controller=controller,
            created=created,
            proofPurpose=purpose,
            challenge=challenge,
            domain=domain,
            kind=kind,
            documents=documents,
        )
        return dict(self.request(request)["document"])

    def verify(
        self,
        document: Json,
        *,
        kind: Kind | None = None,
        challenge: str | None = None,
        domain: str | None = None,
        documents: dict[str, Json] | None = None,
        now: str | None = None,
        purpose: Purpose | None = None,
        status: Literal["check", "skip"] = "check",
    ) -> tuple[bool, list[str]]:
        """Verify ``document`` with the reference implementation: ``(verified, errors)``.

        ``kind="credential"`` and ``"presentation"`` use ``@digitalbazaar/vc``, which also checks
        the shape, the validity period against ``now``, that the issuer (or holder) controls the
        verification method, the challenge and domain, and the Bitstring Status List when
        ``status="check"`` (the list credential must be in ``documents``). ``kind="document"``
        checks only the proofs and their purpose, as jsonld-signatures ``verify`` does.
        """
        request = _drop_none(
            op="verify",
            document=document,
            kind=kind,
            challenge=challenge,
            domain=domain,
            documents=documents,
            now=now,
            proofPurpose=purpose,
            status=status,
        )
        response = self.request(request)
        return bool(response["verified"]), [str(error) for error in response["errors"]]

    def canonize(self, document: Json, *, documents: dict[str, Json] | None = None) -> str:
        """Return the RDFC-1.0 canonical N-Quads of ``document`` (jsonld.js, safe mode)."""
        request = _drop_none(op="canonize", document=document, documents=documents)
        return str(self.request(request)["nquads"])

    # The wire.

    def request(self, request: Json, *, timeout: float | None = None) -> Json:
        """Send one request and return its response; raise HarnessError when it is not ok."""
        request = {**request, "id": next(self._ids)}
        response = self.exchange(json.dumps(request), timeout=timeout)
        if response.get("id") != request["id"]:
            self._fail(f"response {response.get('id')!r} does not answer request {request['id']}")
        if response.get("ok") is not True:
            raise HarnessError(str(response.get("error")))
        return response

    def exchange(self, line: str, *, timeout: float | None = None) -> Json:
        """Send one raw line and return the parsed response, whatever it says."""
        with self._lock:
            if self._process.poll() is not None or self._process.stdin is None:
                self._fail("the harness is not running")
            try:
                self._process.stdin.write(line + "\n")
                self._process.stdin.flush()
            except BrokenPipeError:
                self._fail("the harness closed its input")
            return self._read(timeout if timeout is not None else self._timeout)

    def _read(self, timeout: float) -> Json:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            # A late answer would be taken for the next request's: the stream is lost.
            self._process.kill()
            self._process.wait()
            self._fail(f"no response within {timeout} s")
        if line is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=2)
            self._readers[1].join(timeout=2)  # its last words explain the exit
            self._fail("the harness exited")
        try:
            response = json.loads(line)
        except json.JSONDecodeError:
            self._fail(f"not a JSON response: {line[:200]!r}")
        if not isinstance(response, dict):
            self._fail(f"not a JSON object: {line[:200]!r}")
        return response

    def _fail(self, reason: str) -> NoReturn:
        stderr = "".join(self._stderr).strip()
        raise HarnessError(f"{reason}; stderr: {stderr or '(empty)'}")

    def _read_stdout(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _read_stderr(self) -> None:
        assert self._process.stderr is not None
        for line in self._process.stderr:
            self._stderr.append(line)


def _drop_none(**fields: Any) -> Json:
    return {name: value for name, value in fields.items() if value is not None}


def missing_requirement() -> str | None:
    """Say why the harness cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (JS_DIR / "node_modules").is_dir():
        return "interop/js/node_modules is missing (run `make interop-deps`)"
    return None


def start_or_skip() -> NodeHarness:
    """Start the harness, or skip the calling test when Node or its packages are missing."""
    reason = missing_requirement()
    if reason is not None:
        pytest.skip(reason)
    return NodeHarness.start()
