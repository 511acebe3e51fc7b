"""``manage.py import_esco``: the ESCO import, as ``meritpass esco import`` does it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from meritpass.taxonomy import importer


class Command(BaseCommand):
    help = "Import an ESCO CSV package and the Swedish labels, or the bundled data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="the package folder")
        parser.add_argument("--swedish", type=Path, metavar="DIR")
        parser.add_argument("--bundled", action="store_true")
        parser.add_argument("--esco-version")
        parser.add_argument("--if-changed", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["path"]
        if (path is None) != options["bundled"]:
            raise CommandError(_("Give the folder of an ESCO CSV package, or --bundled."))
        try:
            source = (
                importer.bundled()
                if path is None
                else importer.locate(
                    path, swedish=options["swedish"], version=options["esco_version"]
                )
            )
            summary = importer.import_esco(
                source, if_changed=options["if_changed"], progress=importer.for_stream(sys.stderr)
            )
        except importer.EscoImportError as error:
            raise CommandError("\n".join(error.lines()), returncode=2) from None
        for line in summary.lines():
            self.stdout.write(line)
