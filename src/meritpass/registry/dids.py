"""The did:web identifiers this platform gives organisations, and the way back."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings

from meritpass.accounts.models import Organisation
from meritpass.core.did.web import url_to_did_web
from meritpass.core.errors import DidError
from meritpass.registry.models import OrganisationKey

__all__ = ["did_document_url", "did_prefix", "organisation_did", "organisation_for_did"]

#: Used when the public URL's host cannot appear in a did:web (an IP address or ``localhost``).
DEVELOPMENT_HOST = "meritpass.localhost"


def organisation_did(organisation: Organisation) -> str:
    """Return ``did:web:<host>:orgs:<slug>``, whose document this site serves."""
    return f"{did_prefix()}{organisation.slug}"


def did_document_url(organisation: Organisation) -> str:
    """Return the URL of the organisation's DID document on this site."""
    return f"{settings.MERITPASS_PUBLIC_URL}/orgs/{organisation.slug}/did.json"


def organisation_for_did(did: str) -> Organisation | None:
    """Return the organisation of this platform that ``did`` names, if any."""
    prefix = did_prefix()
    if not did.startswith(prefix):
        return None
    return Organisation.objects.filter(slug=did[len(prefix) :]).first()


def did_prefix() -> str:
    """Return the part of every organisation DID before the slug."""
    return _prefix(settings.MERITPASS_PUBLIC_URL)


@cache
def _prefix(public_url: str) -> str:
    netloc = urlsplit(public_url).netloc
    try:
        return url_to_did_web(f"https://{netloc}/orgs/x/did.json")[:-1]
    except DidError:
        port = urlsplit(public_url).port
        host = DEVELOPMENT_HOST if port is None else f"{DEVELOPMENT_HOST}:{port}"
        return url_to_did_web(f"https://{host}/orgs/x/did.json")[:-1]


def did_document(organisation: Organisation) -> dict[str, object]:
    """Return the organisation's DID document: every key it ever had, current and retired.

    Retired keys stay listed for assertion so that what they signed still verifies; a key
    whose private part leaked would instead need revoking (not yet supported).
    """
    did = organisation_did(organisation)
    keys = OrganisationKey.objects.filter(organisation=organisation).order_by("created_at")
    methods = [
        {
            "id": f"{did}#{key.key_id}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in keys
    ]
    references = [method["id"] for method in methods]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": references,
        "authentication": references,
    }
