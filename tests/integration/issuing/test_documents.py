"""The PDF certificate: read back as a person and a phone camera would read it."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from meritpass.issuing.documents import render_certificate
from meritpass.issuing.models import Award
from tests.integration.issuing import public_awards
from tests.integration.issuing.public_awards import LEARNER, TITLE, path

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def qr_codes_in(pdf: bytes, tmp_path: Path) -> list[str]:
    """Return what a QR reader finds on the first page, printed at 150 dpi."""
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    [image] = tmp_path.glob("page*.png")
    found = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], check=False, capture_output=True, text=True
    )
    return found.stdout.split()


def test_the_qr_code_leads_to_the_public_page_in_the_awards_language(tmp_path: Path) -> None:
    award = public_awards.award(language="sv")
    page = settings.MERITPASS_PUBLIC_URL + path("credential", "sv", uuid=award.uuid)
    assert qr_codes_in(render_certificate(award), tmp_path) == [page]


def test_the_certificate_shows_the_learner_and_title_with_swedish_letters(tmp_path: Path) -> None:
    award = public_awards.award(language="sv")
    text = " ".join(text_of(render_certificate(award), tmp_path).split())
    for shown in [
        LEARNER,
        TITLE["sv"],
        "yrkesakademin på svenska",
        "12 juni 2026",
        "EQF-nivå 4",
        "7,5",
        "Svetsar kälsvetsar i stålplåt.",
        f"urn:uuid:{award.uuid}",
    ]:
        assert shown in text, shown
    assert settings.MERITPASS_PUBLIC_URL + path("credential", "sv", uuid=award.uuid) in text
    assert "REVOKED" not in text


def test_a_revoked_certificate_says_so(tmp_path: Path) -> None:
    award = public_awards.award(language="en")
    public_awards.change_state(
        award, "revoke", "Issued in error", at=datetime(2026, 9, 1, tzinfo=UTC)
    )
    award = Award.objects.get(pk=award.pk)
    text = text_of(render_certificate(award), tmp_path)
    assert "REVOKED" in text
    assert "Issued in error" in text
    assert TITLE["en"] in text


def test_the_certificate_is_served_as_pdf_in_the_pages_language(
    client: Client, tmp_path: Path
) -> None:
    award = public_awards.award(language="sv")
    response = client.get(path("certificate", "en", uuid=award.uuid))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="meritpass-{award.uuid}.pdf"'
    assert TITLE["en"] in " ".join(text_of(response.content, tmp_path).split())
    assert qr_codes_in(response.content, tmp_path) == [
        settings.MERITPASS_PUBLIC_URL + path("credential", "en", uuid=award.uuid)
    ]
