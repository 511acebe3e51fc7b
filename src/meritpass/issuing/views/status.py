"""The public, signed status lists: ``GET /status/<uuid>``, for every verifier.

A list changes the moment a credential is revoked, suspended or reinstated, so caches must ask
again every time (``max-age=0, must-revalidate``); the ETag and Last-Modified make that question
cheap, answered with 304 Not Modified while the list is unchanged.
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from meritpass.issuing.models import StatusList
from meritpass.site.http import public_document

CONTENT_TYPE = "application/json"
CACHE_CONTROL = "public, max-age=0, must-revalidate"


@require_safe
def status_list(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Return the signed status list credential byte for byte, with validators for caches."""
    found = StatusList.objects.filter(uuid=uuid).values("credential", "updated_at").first()
    if found is None or not found["credential"]:
        raise Http404
    return public_document(
        request,
        found["credential"].encode("utf-8"),
        content_type=CONTENT_TYPE,
        cache_control=CACHE_CONTROL,
        modified=found["updated_at"],
    )
