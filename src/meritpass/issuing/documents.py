"""The PDF certificate of an award: A4, in one language, with a QR code to its public page.

WeasyPrint renders the template with the system's DejaVu fonts (Swedish letters included) and
fetches nothing: the QR code is inline SVG and the style sheet is part of the template.
"""

from __future__ import annotations

from typing import Any, NoReturn

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from meritpass.issuing import display
from meritpass.issuing.models import Award


def render_certificate(award: Award, *, language: str | None = None) -> bytes:
    """Return the PDF certificate of ``award``, in its own language unless told otherwise."""
    language = language or award.language
    url = display.public_url(award, language)
    with translation.override(language):
        html = render_to_string(
            "issuing/certificate.html",
            {"summary": display.summarise(award, language), "url": url, "qr_code": qr_code(url)},
        )
    # WeasyPrint takes most of a second to import: only the certificate pays for it.
    import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415

    document = weasyprint.HTML(string=html, url_fetcher=_fetch_nothing)
    pdf: bytes = document.write_pdf()
    return pdf


def qr_code(url: str) -> SafeString:
    """Return ``url`` as a QR code in inline SVG, sized by the style sheet."""
    code = segno.make(url, error="m")
    # segno writes the SVG itself from the URL's bytes, so the markup is safe to embed.
    return mark_safe(code.svg_inline(omitsize=True, border=4, title=url))  # noqa: S308


def certificate_filename(award: Award) -> str:
    """Return the file name under which the certificate of ``award`` is offered."""
    return f"meritpass-{award.uuid}.pdf"


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    # The certificate needs no outside resource; refusing all keeps a hostile value from
    # making the server fetch an address.
    raise ValueError(f"The certificate loads no resources ({url[:40]}).")
