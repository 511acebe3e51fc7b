"""The one normalization of label text that import and search share."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SEPARATORS: Final = re.compile(r"[\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Return ``text`` case-folded in NFC, with punctuation and hyphens as single spaces.

    Letters such as å, ä, ö and é are kept: in Swedish they are letters of their own.
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    return _SEPARATORS.sub(" ", folded).strip()
