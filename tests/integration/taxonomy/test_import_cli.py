"""``meritpass esco import`` and ``manage.py import_esco``: exit codes, error lines, progress."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from meritpass.cli import main
from meritpass.taxonomy.importer.progress import Bar, Silent, for_stream
from meritpass.taxonomy.models import Concept, EscoRelease
from tests.integration.taxonomy.esco_copies import copy_sample, set_field, start_line
from tests.taxonomy_fixtures import ESCO_SAMPLE, taxonomy_snapshot

pytestmark = pytest.mark.usefixtures("in_english")

WELDER = "http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.django_db
def test_import_prints_a_summary_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "en", "esco", "import", str(ESCO_SAMPLE))
    assert code == 0
    assert out.startswith("Imported ESCO 1.1.1: 59 skills, 4 occupations, 78 skill groups")
    assert "Took " in out
    assert err == ""  # not a terminal: no progress bar
    assert Concept.objects.filter(kind="skill").count() == 59


@pytest.mark.django_db
def test_if_changed_skips_the_same_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "esco", "import", str(ESCO_SAMPLE))[0] == 0
    before = taxonomy_snapshot()
    code, out, _ = run(capsys, "--lang", "en", "esco", "import", str(ESCO_SAMPLE), "--if-changed")
    assert (code, out) == (0, "ESCO 1.1.1 is already imported from these files.\n")
    assert taxonomy_snapshot() == before


@pytest.mark.django_db
def test_bad_input_exits_2_with_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    package = copy_sample(tmp_path / "package")
    set_field(package / "en" / "occupations_en.csv", WELDER, "status", "draft")
    code, out, err = run(capsys, "--lang", "en", "esco", "import", str(package))
    assert code == 2
    assert out == ""
    line = start_line(package / "en" / "occupations_en.csv", WELDER)
    assert err.splitlines() == [
        f"meritpass: occupations_en.csv:{line}: status “draft” is not one of “released”"
    ]
    assert not Concept.objects.exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ((), "meritpass: give the folder of an ESCO CSV package, or --bundled (not both)"),
        (("/nonexistent/esco",), "meritpass: /nonexistent/esco: not a folder"),
        (
            (str(ESCO_SAMPLE / "sv"),),
            f"meritpass: {ESCO_SAMPLE / 'sv'}: no ESCO CSV package here "
            "(no skills_en.csv, occupations_en.csv, …)",
        ),
    ],
)
@pytest.mark.django_db
def test_unusable_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, "--lang", "en", "esco", "import", *argv)
    assert (code, out, err) == (2, "", expected + "\n")


def test_errors_come_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "sv", "esco", "import", "/nonexistent/esco")
    assert code == 2
    assert err.startswith("meritpass: /nonexistent/esco: ")
    assert "not a folder" not in err


@pytest.mark.django_db
def test_a_folder_with_en_and_sv_and_an_explicit_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    package = copy_sample(tmp_path / "package")
    (package / "README.md").unlink()
    code, _, err = run(capsys, "--lang", "en", "esco", "import", str(package))
    assert code == 2
    assert "give it with --esco-version" in err
    argv = ("esco", "import", str(package / "en"), "--swedish", str(package / "sv"))
    assert run(capsys, *argv, "--esco-version", "1.1.1")[0] == 0
    assert EscoRelease.objects.get().swedish_labels == 60


@pytest.mark.django_db
def test_the_management_command(tmp_path: Path) -> None:
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_esco", str(ESCO_SAMPLE), stdout=out)
    assert out.getvalue().startswith("Imported ESCO 1.1.1")
    package = copy_sample(tmp_path / "package")
    set_field(package / "en" / "occupations_en.csv", WELDER, "status", "draft")
    with pytest.raises(CommandError) as caught, translation.override("en"):
        call_command("import_esco", str(package))
    assert caught.value.returncode == 2
    assert "status “draft” is not one of “released”" in str(caught.value)


def test_the_other_commands_do_not_load_django() -> None:
    script = "import sys, meritpass.cli; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    assert isinstance(for_stream(io.StringIO()), Silent)
    terminal = Terminal()
    bar = for_stream(terminal)
    assert isinstance(bar, Bar)
    bar.start("Writing", 4)
    bar.advance(2)
    bar.advance(2)
    bar.finish()
    drawn = terminal.getvalue()
    assert drawn.startswith("\rWriting")
    assert "[" + "." * 30 + "]   0%" in drawn
    assert drawn.endswith("[" + "#" * 30 + "] 100%\n")
