"""``meritpass esco import``: load the ESCO classification into the database.

Django is set up only when the command runs, so the other commands never need it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, Final

from meritpass.cli.output import SUCCESS, UNUSABLE, CommandError
from meritpass.core.messages import Message

_PATH_OR_BUNDLED: Final = Message(
    en="give the folder of an ESCO CSV package, or --bundled (not both)",
    sv="ange mappen med ett ESCO-CSV-paket, eller --bundled (inte båda)",
)
_DATABASE: Final = Message(
    en="the database cannot be used: {reason}", sv="databasen kan inte användas: {reason}"
)


def register(commands: Any) -> None:
    """Add ``esco import`` to the command line."""
    parser = commands.add_parser("esco", help="the ESCO skills and occupations classification")
    esco_commands = parser.add_subparsers(required=True, metavar="COMMAND")
    command = esco_commands.add_parser(
        "import",
        help="import an ESCO CSV package and the Swedish labels (all or nothing, repeatable)",
    )
    command.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the package folder (skills_en.csv, …), or a folder holding en/ and sv/",
    )
    command.add_argument(
        "--swedish", type=Path, metavar="DIR", help="folder of the Swedish mapping tables"
    )
    command.add_argument("--bundled", action="store_true", help="import the data shipped inside")
    command.add_argument("--esco-version", help="the ESCO version, when the folder does not say")
    command.add_argument(
        "--if-changed",
        action="store_true",
        help="do nothing when this version was already imported from the same files",
    )
    command.set_defaults(run=_import)


def _import(arguments: argparse.Namespace) -> int:
    if (arguments.path is None) != arguments.bundled:
        raise CommandError(_PATH_OR_BUNDLED)
    _setup_django()
    from django.db import DatabaseError  # noqa: PLC0415 - Django only for this command
    from django.utils import translation  # noqa: PLC0415

    from meritpass.taxonomy import importer  # noqa: PLC0415

    with translation.override(arguments.lang):
        try:
            source = (
                importer.bundled()
                if arguments.bundled
                else importer.locate(
                    arguments.path, swedish=arguments.swedish, version=arguments.esco_version
                )
            )
            summary = importer.import_esco(
                source, if_changed=arguments.if_changed, progress=importer.for_stream(sys.stderr)
            )
        except importer.EscoImportError as error:
            for line in error.lines():
                print(f"meritpass: {line}", file=sys.stderr)
            return UNUSABLE
        except DatabaseError as error:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise CommandError(_DATABASE, reason=reason) from None
        for line in summary.lines():
            print(line)
    return SUCCESS


def _setup_django() -> None:
    import django  # noqa: PLC0415 - only this command needs Django
    from django.apps import apps  # noqa: PLC0415

    if not apps.ready:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meritpass.site.settings")
        django.setup()
