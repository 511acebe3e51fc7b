"""``manage.py load_demo``: load the demo organisations, accounts and credentials once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from meritpass.site import demo


class Command(BaseCommand):
    help = "Load the demo (accounts for every role, specifications, issued credentials) once."

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo.skills_available():
            raise CommandError(_("Import ESCO first: manage.py import_esco --bundled"))
        # The demo learners' claim emails would flood the console: keep them in memory.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            loaded = demo.load()
        if loaded:
            self.stdout.write(
                _("Demo loaded. Every demo account's password is %(password)s.")
                % {"password": demo.DEMO_PASSWORD}
            )
        else:
            self.stdout.write(_("The demo is already loaded."))
