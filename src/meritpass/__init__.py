"""Meritpass: European micro-credentials as W3C Verifiable Credentials.

The library API: generate keys, sign credentials, make and verify presentations, verify
credentials. Everything here works offline unless a policy made with ``online=True`` is used.
"""

from meritpass.core.errors import MeritpassError
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import Limits
from meritpass.core.verification.policy import VerificationPolicy
from meritpass.core.verification.report import Check, Report
from meritpass.library import (
    generate_key,
    present,
    sign,
    verification_policy,
    verify_credential,
    verify_presentation,
)

__all__ = [
    "Check",
    "Ed25519Multikey",
    "Limits",
    "MeritpassError",
    "Report",
    "VerificationPolicy",
    "generate_key",
    "present",
    "sign",
    "verification_policy",
    "verify_credential",
    "verify_presentation",
]
