"""``meritpass vc sign`` and ``meritpass vc verify``."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any, Final

from meritpass.cli.keys import load_key
from meritpass.cli.output import (
    NOT_VERIFIED,
    SUCCESS,
    UNUSABLE,
    parse_moment,
    read_bytes,
    read_document,
    write_json,
)
from meritpass.core.documents import parse_document
from meritpass.core.errors import MeritpassError
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.messages import Message
from meritpass.core.verification.report import CheckName, Outcome, Report
from meritpass.library import (
    SUITES,
    sign,
    verification_policy,
    verify_credential,
    verify_presentation,
)

_SYMBOLS: Final = {Outcome.PASSED: "✓", Outcome.FAILED: "✗", Outcome.SKIPPED: "-"}
_VERDICT: Final = {
    True: Message(en="VERIFIED", sv="VERIFIERAT"),
    False: Message(en="NOT VERIFIED", sv="INTE VERIFIERAT"),
}
_NOT_CONTROLLER: Final = Message(
    en="warning: the issuer {issuer} does not control this key ({controller}); "
    "verifiers will fail the issuer check",
    sv="varning: utfärdaren {issuer} kontrollerar inte denna nyckel ({controller}); "
    "granskare kommer att underkänna kontrollen av utfärdaren",
)


def register(commands: Any) -> None:
    signer = commands.add_parser("sign", help="add a Data Integrity proof to a credential")
    signer.add_argument("file", help="credential or presentation JSON (- for stdin)")
    signer.add_argument("--key", required=True, help="key file from `meritpass keys new`")
    signer.add_argument("--suite", choices=sorted(SUITES), default="rdfc")
    signer.add_argument("--verification-method", help="default: the key file's id")
    signer.add_argument("--purpose", choices=("assertionMethod", "authentication"))
    signer.add_argument("--challenge")
    signer.add_argument("--domain")
    signer.add_argument("--created", type=parse_moment, help="default: now")
    signer.add_argument("-o", "--out", help="write here instead of stdout")
    signer.set_defaults(run=_sign)

    verifier = commands.add_parser("verify", help="verify a credential or presentation")
    verifier.add_argument("file", help="credential or presentation JSON (- for stdin)")
    verifier.add_argument("--json", action="store_true", help="print the report as JSON")
    verifier.add_argument("--challenge", help="the challenge a presentation must answer")
    verifier.add_argument("--domain", help="the domain a presentation must be bound to")
    verifier.add_argument("--did-document", action="append", default=[], metavar="FILE")
    verifier.add_argument("--status-list", action="append", default=[], metavar="FILE")
    verifier.add_argument(
        "--online", action="store_true", help="fetch did:web documents and status lists over HTTPS"
    )
    verifier.add_argument("--now", type=parse_moment, help="verify as of this time")
    verifier.add_argument(
        "--trust-anchor",
        action="append",
        default=[],
        metavar="DID",
        help="an authority DID to trust for accreditations and industry recognitions",
    )
    verifier.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_LIMITS.max_bytes,
        help=f"refuse larger documents (default {DEFAULT_LIMITS.max_bytes})",
    )
    verifier.set_defaults(run=_verify)


def _sign(arguments: argparse.Namespace) -> int:
    document = read_document(arguments.file)
    key, method = load_key(arguments.key)
    method = arguments.verification_method or method
    is_presentation = "VerifiablePresentation" in _types(document)
    purpose = arguments.purpose or ("authentication" if is_presentation else "assertionMethod")
    _warn_if_not_controller(document, method, arguments.lang)
    signed = sign(
        document,
        key=key,
        verification_method=method,
        suite=arguments.suite,
        created=arguments.created,
        purpose=purpose,
        challenge=arguments.challenge,
        domain=arguments.domain,
    )
    write_json(signed, arguments.out)
    return SUCCESS


def _verify(arguments: argparse.Namespace) -> int:
    raw = read_bytes(arguments.file)
    limits = replace(DEFAULT_LIMITS, max_bytes=arguments.max_bytes)
    policy = verification_policy(
        now=arguments.now,
        did_documents=[read_document(path) for path in arguments.did_document],
        status_lists=[read_document(path) for path in arguments.status_list],
        online=arguments.online,
        limits=limits,
        trust_anchors=arguments.trust_anchor,
    )
    document = _parsed_or_raw(raw, limits)
    report = (
        verify_presentation(
            document, challenge=arguments.challenge, domain=arguments.domain, policy=policy
        )
        if isinstance(document, dict) and "VerifiablePresentation" in _types(document)
        else verify_credential(document, policy=policy)
    )
    if arguments.json:
        write_json(report.to_json(), None)
    unusable = _unusable(report, arguments.lang)
    if unusable is not None and not arguments.json:
        print(f"meritpass: {arguments.file}: {unusable}", file=sys.stderr)
    elif not arguments.json:
        _print_report(report, arguments.lang)
    if unusable is not None:
        return UNUSABLE
    return SUCCESS if report.verified else NOT_VERIFIED


def _unusable(report: Report, language: str) -> str | None:
    """Return why the input cannot be used at all (its format check failed), if it cannot."""
    for check in report.by_name(CheckName.FORMAT):
        if check.outcome is Outcome.FAILED:
            return check.message(language)
    return None


def _print_report(report: Report, language: str, indent: str = "") -> None:
    for check in report.checks:
        print(f"{indent}{_SYMBOLS[check.outcome]} {check.name.value}: {check.message(language)}")
    for number, inner in enumerate(report.credentials, start=1):
        print(f"{indent}  [{number}]")
        _print_report(inner, language, indent + "    ")
    if not indent:
        print(_VERDICT[report.verified].text(language))


def _parsed_or_raw(raw: bytes, limits: Limits) -> bytes | dict[str, Any]:
    """Parse once; unusable input goes to the verifier as it is, which reports why."""
    try:
        return parse_document(raw, limits=limits)
    except MeritpassError:
        return raw


def _types(document: dict[str, Any]) -> list[Any]:
    value = document.get("type")
    return value if isinstance(value, list) else [value]


def _warn_if_not_controller(document: dict[str, Any], method: str, language: str) -> None:
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    controller = method.split("#", 1)[0]
    if isinstance(issuer_id, str) and issuer_id != controller:
        print(
            _NOT_CONTROLLER.text(language).format(issuer=issuer_id, controller=controller),
            file=sys.stderr,
        )
