"""Pages of the issuing app (under the language prefix).

The paths are translated (``/sv/organisationer/<org>/meriter/``, ``/en/organisations/<org>/
credentials/``). The public pages of an award (``credential``, ``certificate``, ``claim``) are
here too, so that a learner reads them in their language.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import pgettext_lazy

from meritpass.issuing import public_views
from meritpass.issuing.views import awards, bulk

app_name = "issuing"

_awards: list[URLPattern | URLResolver] = [
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/"), awards.awards, name="awards"
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/new/"),
        awards.choose_version,
        name="award_new",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/new/<uuid:version>/"),
        awards.award_new,
        name="award_new",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/<uuid:award>/"),
        awards.award,
        name="award",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/<uuid:award>/status/"),
        awards.change_status,
        name="award_status",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/credentials/<uuid:award>/claim-link/"),
        awards.resend_claim,
        name="award_resend_claim",
    ),
]

_bulk: list[URLPattern | URLResolver] = [
    path(pgettext_lazy("URL", "organisations/<slug:org>/bulk/"), bulk.choose, name="bulk_new"),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/bulk/<uuid:version>/"),
        bulk.upload,
        name="bulk_new",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/bulk/<uuid:version>/template.csv"),
        bulk.template,
        name="bulk_template",
    ),
    path(pgettext_lazy("URL", "organisations/<slug:org>/jobs/<uuid:job>/"), bulk.job, name="job"),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/jobs/<uuid:job>/progress/"),
        bulk.progress,
        name="job_progress",
    ),
    path(
        pgettext_lazy("URL", "organisations/<slug:org>/jobs/<uuid:job>/start/"),
        bulk.start,
        name="job_start",
    ),
]

_public: list[URLPattern | URLResolver] = [
    path(
        pgettext_lazy("URL", "credential/<uuid:uuid>/"),
        public_views.credential_page,
        name="credential",
    ),
    path(
        pgettext_lazy("URL", "credential/<uuid:uuid>/certificate.pdf"),
        public_views.certificate_pdf,
        name="certificate",
    ),
    path(pgettext_lazy("URL", "claim/<str:token>/"), public_views.claim, name="claim"),
]

urlpatterns: list[URLPattern | URLResolver] = _awards + _bulk + _public
