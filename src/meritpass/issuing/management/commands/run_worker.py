"""``manage.py run_worker``: the background worker, which also resumes stopped bulk jobs.

It takes the options of django-tasks' ``db_worker`` (``--batch``, ``--interval``, …). Before it
starts, and then every minute while it runs, it queues again every bulk job that stopped (a
worker that crashed or was killed mid-job), so a restart or a second worker picks the job up.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Final

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from meritpass.issuing.jobs import resume_stalled

logger = logging.getLogger(__name__)

#: Seconds between two checks for stopped jobs while the worker runs.
CHECK_EVERY: Final = 60.0


class Command(WorkerCommand):
    help = "Resume bulk issuing jobs that stopped, then run the database background worker."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = resume_stalled()
        if resumed:
            self.stdout.write(f"{len(resumed)} bulk job(s) resumed")
        stop = threading.Event()
        if not options.get("batch"):
            threading.Thread(target=_watch, args=(stop,), daemon=True, name="resume").start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()


def _watch(stop: threading.Event) -> None:
    """Resume stopped jobs every ``CHECK_EVERY`` seconds until ``stop`` is set."""
    while not stop.wait(CHECK_EVERY):
        try:
            close_old_connections()
            resume_stalled()
        except Exception:  # the watcher must outlive a database hiccup
            logger.exception("Checking for stopped bulk jobs failed")
    connection.close()
