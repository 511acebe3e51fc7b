"""Verifiable presentations (VC Data Model 2.0 §4.13): a holder wraps chosen credentials.

The presentation is then secured with a Data Integrity proof for ``authentication``, bound to the
verifier's ``challenge`` and ``domain`` (see :func:`meritpass.core.proofs.data_integrity.sign`).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Final

from meritpass.core.documents import JsonObject
from meritpass.core.errors import InputError

VC_V2_CONTEXT: Final = "https://www.w3.org/ns/credentials/v2"
VC_V1_CONTEXT: Final = "https://www.w3.org/2018/credentials/v1"
PRESENTATION_TYPE: Final = "VerifiablePresentation"


def presentation(
    credentials: Sequence[JsonObject], *, holder: str, presentation_id: str | None = None
) -> JsonObject:
    """Return an unsigned presentation of ``credentials`` (embedded as received) by ``holder``.

    Credentials are copied unchanged; a signed credential must never be re-serialised through a
    model, or its proof would no longer match.
    """
    if not credentials:
        raise InputError("presentation.no_credentials")
    document: JsonObject = {
        "@context": [_context_for(credentials)],
        "type": [PRESENTATION_TYPE],
        "holder": holder,
        "verifiableCredential": [copy.deepcopy(credential) for credential in credentials],
    }
    if presentation_id is not None:
        document = {"@context": document["@context"], "id": presentation_id, **document}
    return document


def _context_for(credentials: Sequence[JsonObject]) -> str:
    """Use VC 1.1 only when every credential is VC 1.1: its protected terms clash with 2.0's."""
    contexts = [credential.get("@context") for credential in credentials]
    firsts = [value[0] if isinstance(value, list) and value else value for value in contexts]
    return VC_V1_CONTEXT if all(first == VC_V1_CONTEXT for first in firsts) else VC_V2_CONTEXT
