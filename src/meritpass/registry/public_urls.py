"""Machine-readable URLs of the registry app, without a language prefix.

A did:web ``did:web:<host>:orgs:<slug>`` resolves to ``/orgs/<slug>/did.json``; the trust list of
an authority stays at one URL across editions; ``/ns/v1`` is our JSON-LD context's own address.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from meritpass.registry import public_views

app_name = "registry_public"

urlpatterns: list[URLPattern | URLResolver] = [
    path("orgs/<slug:slug>/did.json", public_views.did, name="did"),
    path("trust/<slug:slug>.json", public_views.trust_list, name="trust_list"),
    path("ns/v1", public_views.context, name="context"),
]
