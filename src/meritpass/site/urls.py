"""The site's URLs: language-prefixed pages, the admin and the language switch."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from meritpass.site import views
from meritpass.site.api import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
]
urlpatterns += i18n_patterns(
    path("", views.start, name="start"),
    path("admin/", admin.site.urls),
    path("", include("meritpass.taxonomy.urls")),
)
