"""The registry app."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "meritpass.registry"
    label = "registry"
    verbose_name = _("Trust registry")
    default_auto_field = "django.db.models.BigAutoField"
