"""Pages of the registry app (under the language prefix).

The paths are translated (``/sv/register/<org>/``, ``/en/registry/<org>/``), so the language switch
keeps the reader on the same page.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import pgettext_lazy

from meritpass.registry import views

app_name = "registry"

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        pgettext_lazy("URL", "registry/<slug:org>/"),
        views.organisation_public,
        name="organisation_public",
    ),
    path(pgettext_lazy("URL", "registry/<slug:org>/decisions/"), views.authority, name="authority"),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/accredit/<slug:provider>/"),
        views.accredit,
        name="accredit",
    ),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/recognise/<slug:body>/"),
        views.recognise,
        name="recognise",
    ),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/accreditations/<uuid:uuid>/withdraw/"),
        views.withdraw_accreditation,
        name="withdraw_accreditation",
    ),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/recognitions/<uuid:uuid>/withdraw/"),
        views.withdraw_recognition,
        name="withdraw_recognition",
    ),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/trust-list/"), views.trust_list, name="trust_list"
    ),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/trust-list/publish/"),
        views.publish_trust_list,
        name="publish_trust_list",
    ),
    path(pgettext_lazy("URL", "registry/<slug:org>/keys/"), views.key_list, name="keys"),
    path(
        pgettext_lazy("URL", "registry/<slug:org>/keys/rotate/"),
        views.rotate_key,
        name="rotate_key",
    ),
]
