"""The site app holds the base templates, static files and translations."""

from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "meritpass.site"
    label = "meritpass_site"
    verbose_name = "Meritpass"
