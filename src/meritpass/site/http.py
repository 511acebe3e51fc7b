"""Serve public, machine-read documents (status lists, DID documents, trust lists) to verifiers.

Each answer carries an ``ETag`` (and ``Last-Modified`` when the time of the last change is
known), so a verifier that polls gets ``304 Not Modified`` until the document changes, and
``Access-Control-Allow-Origin: *`` so a verifier running in a browser on another site can read it.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

__all__ = ["public_document"]


def public_document(
    request: HttpRequest,
    body: bytes,
    *,
    content_type: str,
    cache_control: str,
    modified: datetime | None = None,
) -> HttpResponse:
    """Return ``body`` byte for byte, or 304 when the client's copy is current."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    seconds = int(modified.timestamp()) if modified is not None else None
    response: HttpResponse
    if _not_modified(request, etag, seconds):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    if seconds is not None:
        response["Last-Modified"] = http_date(seconds)
    response["Cache-Control"] = cache_control
    response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _not_modified(request: HttpRequest, etag: str, modified: int | None) -> bool:
    """Apply RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    tags = request.headers.get("If-None-Match")
    if tags is not None:
        # Compared weakly (RFC 9110 §13.1.2): a proxy may have marked the tag W/.
        wanted = {tag.removeprefix("W/") for tag in parse_etags(tags)}
        return etag in wanted or "*" in wanted
    if modified is None:
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since
