"""Pages of the catalog app (under the language prefix).

The paths are translated (``/sv/katalog/``, ``/en/catalogue/``), so the language switch keeps the
reader on the same page. ``catalog:detail`` takes the specification's ``uuid`` and, optionally,
the version ``number`` (without it: the version published now).
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import pgettext_lazy

from meritpass.catalog.views import authoring, public, review

app_name = "catalog"

_public: list[URLPattern | URLResolver] = [
    path(pgettext_lazy("URL", "catalogue/"), public.catalogue, name="list"),
    path(pgettext_lazy("URL", "catalogue/<uuid:uuid>/"), public.detail, name="detail"),
    path(
        pgettext_lazy("URL", "catalogue/<uuid:uuid>/versions/<int:number>/"),
        public.detail,
        name="detail",
    ),
    path(
        pgettext_lazy("URL", "catalogue/<uuid:uuid>/versions/<int:number>/achievement.json"),
        public.achievement_json,
        name="achievement_json",
    ),
    path(
        pgettext_lazy("URL", "catalogue/<uuid:uuid>/versions/<int:number>/approval.json"),
        public.approval_json,
        name="approval_json",
    ),
]

_authoring: list[URLPattern | URLResolver] = [
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/"),
        authoring.specifications,
        name="specifications",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/new/"),
        authoring.create,
        name="create",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/<uuid:uuid>/"),
        authoring.specification,
        name="specification",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/<uuid:uuid>/edit/"),
        authoring.edit,
        name="edit",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/<uuid:uuid>/submit/"),
        authoring.submit,
        name="submit",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/<uuid:uuid>/new-version/"),
        authoring.new_version,
        name="new_version",
    ),
    path(
        pgettext_lazy(
            "URL", "organisations/<slug:org>/specifications/<uuid:uuid>/versions/<int:number>/"
        ),
        authoring.version,
        name="version",
    ),
    path(
        pgettext_lazy(
            "URL",
            "organisations/<slug:org>/specifications/<uuid:uuid>/versions/<int:number>/comment/",
        ),
        authoring.comment,
        name="comment",
    ),
    path(
        pgettext_lazy(
            "URL",
            "organisations/<slug:org>/specifications/<uuid:uuid>/versions/<int:number>/publish/",
        ),
        authoring.publish,
        name="publish",
    ),
    path(
        pgettext_lazy(
            "URL",
            "organisations/<slug:org>/specifications/<uuid:uuid>/versions/<int:number>/retire/",
        ),
        authoring.retire,
        name="retire",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/specifications/<uuid:uuid>/delegations/"),
        authoring.delegations,
        name="delegations",
    ),
    path(
        pgettext_lazy(
            "URL",
            "organisations/<slug:org>/specifications/<uuid:uuid>/delegations/<int:delegation>/withdraw/",
        ),
        authoring.revoke_delegation,
        name="revoke_delegation",
    ),
]

_review: list[URLPattern | URLResolver] = [
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/reviews/"),
        review.review_queue,
        name="review_queue",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/reviews/<uuid:version>/"),
        review.review,
        name="review",
    ),
]

urlpatterns: list[URLPattern | URLResolver] = _public + _authoring + _review
