"""Digests of JSON values: SHA-256 over the JCS form (RFC 8785), as a multibase multihash.

The form is what VC Data Model 2.0 ``digestMultibase`` carries (VC Data Integrity 1.0 §2.6): the
multihash header of SHA-256 (``0x12 0x20``) and the digest, base64url-encoded without padding
behind the multibase prefix ``u``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Final

import rfc8785

from meritpass.core.documents import JsonValue
from meritpass.core.keys import multibase

#: Multihash header of a SHA-256 digest: code 0x12, length 32.
SHA256_MULTIHASH: Final = b"\x12\x20"


def jcs_digest(value: Mapping[str, JsonValue]) -> str:
    """Return ``u`` + base64url(0x12 0x20 ‖ SHA-256(JCS(value))); raise ValueError if not JSON."""
    try:
        canonical = rfc8785.dumps(dict(value))
    except (rfc8785.CanonicalizationError, TypeError, RecursionError) as error:
        raise ValueError("the value cannot be written as canonical JSON") from error
    digest = hashlib.sha256(canonical).digest()
    return multibase.encode(SHA256_MULTIHASH + digest, base=multibase.BASE64URL)
