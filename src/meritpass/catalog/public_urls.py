"""Machine-readable URLs of the catalog app, without a language prefix.

They are the ids of the achievements and approval credentials the catalog builds, so a verifier
that follows an id gets the document.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from meritpass.catalog.views import public

app_name = "catalog_public"

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "specifications/<uuid:uuid>/versions/<int:number>",
        public.achievement_document,
        name="achievement",
    ),
    path(
        "specifications/<uuid:uuid>/versions/<int:number>/approval",
        public.approval_document,
        name="approval",
    ),
]
