"""``manage.py prune_bulk_jobs``: delete old bulk jobs' learner rows, as retention promises."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from meritpass.issuing.jobs import prune


class Command(BaseCommand):
    help = (
        "Delete the uploaded rows of bulk jobs that finished 90 days ago, and uploads that were "
        "never confirmed after 7 days. The awards themselves stay. Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows, jobs = prune()
        self.stdout.write(f"{rows} row(s) and {jobs} unconfirmed job(s) deleted")
