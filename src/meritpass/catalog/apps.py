"""The catalog app."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "meritpass.catalog"
    label = "catalog"
    verbose_name = _("Specifications")
    default_auto_field = "django.db.models.BigAutoField"
