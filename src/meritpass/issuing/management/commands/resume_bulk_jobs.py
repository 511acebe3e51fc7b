"""``manage.py resume_bulk_jobs``: queue again every bulk job that stopped without finishing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from meritpass.issuing.jobs import resume_stalled


class Command(BaseCommand):
    help = (
        "Queue again every bulk issuing job that stopped: issuing with no heartbeat for two "
        "minutes, or queued without a live task. Rows already issued are never issued again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = resume_stalled()
        self.stdout.write(f"{len(resumed)} bulk job(s) resumed")
