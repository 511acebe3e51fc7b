"""The site's URLs with the issuing router mounted at ``/api/v1`` of a test API.

The lead mounts ``meritpass.issuing.api.router`` on the site API; until then (and without
depending on it) these tests reach the router through an API of their own, placed before the
site's, which answers everything else.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from ninja import NinjaAPI

from meritpass.issuing.api import router
from meritpass.site import problems
from meritpass.site.urls import urlpatterns as site

api = NinjaAPI(title="Issuing API (tests)", urls_namespace="issuing_test_api")
problems.install(api)
api.add_router("/v1", router, url_name_prefix="issuing_test")

urlpatterns: list[URLPattern | URLResolver] = [path("api/", api.urls), *site]
