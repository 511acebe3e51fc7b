"""What anyone may see of an award without signing in: its page, certificate, file and claim page.

An award is reached by its random UUID, or by the claim token only its learner received; the
pages are kept out of search engines and out of caches, so a revocation shows at once.
"""

from __future__ import annotations

from typing import Final
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_safe

from meritpass.issuing import display, documents
from meritpass.issuing.models import Award
from meritpass.issuing.services import claim_token_hash
from meritpass.site.languages import page_language

#: A claim token is a short random string; anything longer is not one of ours.
MAX_TOKEN_LENGTH: Final = 100
CREDENTIAL_MEDIA_TYPE: Final = "application/ld+json"


@require_safe
def credential_page(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Show the public page of an award, with its state as it is now."""
    award = _awards().filter(uuid=uuid).first()
    if award is None:
        return _private(render(request, "issuing/credential_not_found.html", status=404))
    context = {"summary": display.summarise(award, page_language())}
    return _private(render(request, "issuing/credential_page.html", context))


@require_safe
def certificate_pdf(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Return the PDF certificate of an award in the page's language."""
    award = _awards().filter(uuid=uuid).first()
    if award is None:
        return _private(render(request, "issuing/credential_not_found.html", status=404))
    pdf = documents.render_certificate(award, language=page_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{documents.certificate_filename(award)}"'
    return _private(response)


@require_safe
def credential_json(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Return the signed credential of an award byte for byte as it was issued."""
    award = Award.objects.filter(uuid=uuid).only("uuid", "credential").first()
    if award is None:
        return _private(render(request, "issuing/credential_not_found.html", status=404))
    response = HttpResponse(award.credential.encode("utf-8"), content_type=CREDENTIAL_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{credential_filename(award)}"'
    return _private(response)


@require_GET
def claim(request: HttpRequest, token: str) -> HttpResponse:
    """Show the learner their new credential with its downloads, and note that it was claimed."""
    award = _award_for_token(token)
    if award is None:
        response = render(request, "issuing/claim_invalid.html", status=404)
    else:
        if award.claimed_at is None:
            award.claimed_at = timezone.now()
            # Only the first visit counts; a concurrent one must not move the time.
            Award.objects.filter(pk=award.pk, claimed_at__isnull=True).update(
                claimed_at=award.claimed_at
            )
        context = {"summary": display.summarise(award, page_language())}
        response = render(request, "issuing/claim.html", context)
    # The address carries the token: never pass it on, never keep the page.
    response["Referrer-Policy"] = "no-referrer"
    return _private(response)


def credential_filename(award: Award) -> str:
    """Return the file name under which the signed credential of ``award`` is offered."""
    return f"meritpass-{award.uuid}.json"


def _award_for_token(token: str) -> Award | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return _awards().filter(claim_token_hash=claim_token_hash(token)).first()


def _awards() -> QuerySet[Award]:
    return Award.objects.select_related("issuer", "version", "version__approval__industry_body")


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
