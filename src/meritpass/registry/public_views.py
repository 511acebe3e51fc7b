"""Machine-readable documents for verifiers: DID documents, trust lists, our JSON-LD context.

They are public, carry no personal data and no private key, and are served with an ``ETag`` so a
verifier that polls them gets ``304 Not Modified`` until they change. ``Access-Control-Allow-Origin:
*`` lets a verifier running in a browser on another site read them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Final

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from meritpass.accounts.models import Organisation
from meritpass.registry.dids import did_document
from meritpass.registry.services import latest_trust_list
from meritpass.site.http import public_document

DID_CONTENT_TYPE: Final = "application/did+json"
CREDENTIAL_CONTENT_TYPE: Final = "application/vc+ld+json"
CONTEXT_CONTENT_TYPE: Final = "application/ld+json"
CONTEXT_FILE: Final = "meritpass.eu_ns_v1.json"

# A rotated key shows up within five minutes; DID documents change rarely, so caches may keep them.
_DID_CACHE: Final = "public, max-age=300"
# A trust list must be current after each decision: caches must revalidate (cheap, with the ETag).
_TRUST_LIST_CACHE: Final = "no-cache"
_CONTEXT_CACHE: Final = "public, max-age=86400"


@require_safe
def did(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the organisation's DID document (did:web), listing its current and retired keys."""
    organisation = get_object_or_404(Organisation, slug=slug)
    # Retired keys stay listed, also under assertionMethod and authentication, and carry no
    # ``revoked`` date: a verifier refuses a proof by a key revoked before its ``now``, so marking
    # a rotated key revoked would break every credential it signed. Rotation is not compromise.
    body = json.dumps(did_document(organisation), indent=2, ensure_ascii=False).encode("utf-8")
    return public_document(request, body, content_type=DID_CONTENT_TYPE, cache_control=_DID_CACHE)


@require_safe
def trust_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the authority's newest signed trust list, byte for byte as it was signed."""
    authority = get_object_or_404(Organisation, slug=slug, kind=Organisation.Kind.AUTHORITY)
    publication = latest_trust_list(authority)
    if publication is None:
        raise Http404
    body = publication.credential.encode("utf-8")
    return public_document(
        request, body, content_type=CREDENTIAL_CONTENT_TYPE, cache_control=_TRUST_LIST_CACHE
    )


@require_safe
def context(request: HttpRequest) -> HttpResponse:
    """Serve our JSON-LD extension context (``https://meritpass.eu/ns/v1``)."""
    return public_document(
        request, _context_bytes(), content_type=CONTEXT_CONTENT_TYPE, cache_control=_CONTEXT_CACHE
    )


@cache
def _context_bytes() -> bytes:
    return resources.files("meritpass.core.jsonld").joinpath("contexts", CONTEXT_FILE).read_bytes()
