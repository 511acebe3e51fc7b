"""Machine-readable URLs of the issuing app, without a language prefix: the status lists."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from meritpass.issuing import public_views
from meritpass.issuing.views import status

app_name = "issuing_public"

urlpatterns: list[URLPattern | URLResolver] = [
    path("status/<uuid:uuid>", status.status_list, name="status_list"),
    path("credentials/<uuid:uuid>.json", public_views.credential_json, name="credential_json"),
]
