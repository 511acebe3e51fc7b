"""Shared test set-up.

Integration tests run on SQLite by default and on PostgreSQL when ``DATABASE_URL`` names one
(``make test`` runs both). When ``CI=true``, a skipped PostgreSQL, browser or interoperability test
is reported as a failure: those parts must run in CI, never quietly drop out.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

STANDARDS = Path(__file__).parent / "data" / "standards"
MUST_RUN_IN_CI = ("postgres", "browser", "interop")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture(autouse=True)
def site_language() -> Iterator[None]:
    """Start every test in the site's default language (Swedish) and leave none active after.

    A request through the test client activates its page's language and Django leaves it active
    in the thread, so without this a test would see the language of whichever test ran before.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def standards() -> Path:
    """The published test suites and vectors (tests/data/standards)."""
    return STANDARDS


def pytest_sessionstart(session: pytest.Session) -> None:
    if not on_postgres():
        return
    import psycopg  # noqa: PLC0415 - only the PostgreSQL pass needs the driver

    url = os.environ["DATABASE_URL"]
    try:
        psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
    except psycopg.OperationalError as error:
        if in_ci():
            raise pytest.UsageError(f"CI=true and PostgreSQL is unreachable: {error}") from None
        pytest.exit(f"PostgreSQL is unreachable, its pass is skipped: {error}", returncode=0)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the PostgreSQL-only tests to the PostgreSQL pass, and run full-ESCO readers last.

    Once imported, the full ESCO classification stays committed for the rest of the session (per
    xdist worker); running the tests that read it last keeps it out of tests that expect an empty
    taxonomy.
    """
    if not on_postgres():
        postgres_only = [item for item in items if item.get_closest_marker("postgres")]
        if postgres_only:
            config.hook.pytest_deselected(items=postgres_only)
            items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    readers = [item for item in items if "esco_full" in getattr(item, "fixturenames", ())]
    if readers:
        others = [item for item in items if "esco_full" not in getattr(item, "fixturenames", ())]
        items[:] = others + readers


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    required = [name for name in MUST_RUN_IN_CI if item.get_closest_marker(name)]
    if report.skipped and required and in_ci():
        report.outcome = "failed"
        report.longrepr = f"CI=true: a {required[0]} test may not be skipped ({report.longrepr})"
