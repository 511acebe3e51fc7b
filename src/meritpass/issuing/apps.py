"""The issuing app."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IssuingConfig(AppConfig):
    name = "meritpass.issuing"
    label = "issuing"
    verbose_name = _("Issuing")
    default_auto_field = "django.db.models.BigAutoField"
