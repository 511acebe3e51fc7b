"""The site's URLs: language-prefixed pages, the admin and the language switch."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from meritpass.site import views
from meritpass.site.api import api

# The admin signs in through our login, so operators pass the two-factor step too.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
    path("", include("meritpass.registry.public_urls")),
    path("", include("meritpass.issuing.public_urls")),
    path("", include("meritpass.catalog.public_urls")),
]
urlpatterns += i18n_patterns(
    path("", views.start, name="start"),
    path("admin/", admin.site.urls),
    path("", include("meritpass.taxonomy.urls")),
    path("", include("meritpass.accounts.urls")),
    path("", include("meritpass.registry.urls")),
    path("", include("meritpass.catalog.urls")),
    path("", include("meritpass.issuing.urls")),
)
