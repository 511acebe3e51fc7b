"""The taxonomy app."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "meritpass.taxonomy"
    label = "taxonomy"
    verbose_name = _("Skills and levels")
    default_auto_field = "django.db.models.BigAutoField"
