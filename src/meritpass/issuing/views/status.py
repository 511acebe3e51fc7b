"""The public, signed status lists: ``GET /status/<uuid>``, for every verifier.

A list changes the moment a credential is revoked, suspended or reinstated, so caches must ask
again every time (``max-age=0, must-revalidate``); the ETag and Last-Modified make that question
cheap, answered with 304 Not Modified while the list is unchanged.
"""

from __future__ import annotations

import hashlib
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from meritpass.issuing.models import StatusList

CONTENT_TYPE = "application/json"
CACHE_CONTROL = "public, max-age=0, must-revalidate"


@require_safe
def status_list(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Return the signed status list credential byte for byte, with validators for caches."""
    found = StatusList.objects.filter(uuid=uuid).values("credential", "updated_at").first()
    if found is None or not found["credential"]:
        raise Http404
    body = found["credential"].encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    modified = int(found["updated_at"].timestamp())
    if _not_modified(request, etag, modified):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = CACHE_CONTROL
    response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _not_modified(request: HttpRequest, etag: str, modified: int) -> bool:
    """Apply RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    tags = request.headers.get("If-None-Match")
    if tags is not None:
        return etag in {tag.strip().removeprefix("W/") for tag in tags.split(",")}
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since
