"""The JSON API (django-ninja): the OpenAPI document at /api/openapi.json, docs at /api/docs."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

from meritpass.issuing.api import router as issuing_router
from meritpass.site import problems
from meritpass.taxonomy.api import router as taxonomy_router

api = NinjaAPI(
    title="Meritpass API",
    version="1",
    description="Micro-credentials: skills and levels, issuing, passports and verification.",
    urls_namespace="api",
)
problems.install(api)


class Health(Schema):
    status: str


@api.get("/health", response=Health, tags=["service"], summary="Check that the API answers")
def health(request: HttpRequest) -> Health:
    """Return ``ok`` when the API answers."""
    return Health(status="ok")


api.add_router("/taxonomy", taxonomy_router)
api.add_router("/v1", issuing_router)
