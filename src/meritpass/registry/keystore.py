"""Encrypt secrets at rest (private keys, TOTP secrets) with the key-encryption key.

The key-encryption key (KEK) comes from ``MERITPASS_KEY_ENCRYPTION_KEY`` (32 bytes, base64url)
or, when that is unset, from a file created once with mode 0600 (``MERITPASS_KEK_FILE``). Losing
it makes every stored private key unusable, so back it up apart from the database.
"""

from __future__ import annotations

import base64
import binascii
import os
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from nacl.exceptions import CryptoError
from nacl.secret import SecretBox
from nacl.utils import random

__all__ = ["DecryptionError", "decrypt", "encrypt", "reset_cache"]

_ENVIRONMENT = "MERITPASS_KEY_ENCRYPTION_KEY"


class DecryptionError(Exception):
    """A stored secret cannot be decrypted: the KEK changed or the data were altered."""


def encrypt(plaintext: bytes) -> bytes:
    """Return ``plaintext`` encrypted and authenticated with the KEK (nonce included)."""
    return bytes(_box().encrypt(plaintext))


def decrypt(ciphertext: bytes | memoryview) -> bytes:
    """Return the plaintext of ``ciphertext``; raise ``DecryptionError`` if it does not open."""
    try:
        return bytes(_box().decrypt(bytes(ciphertext)))
    except CryptoError:
        raise DecryptionError(
            "a stored secret does not open with this key-encryption key"
        ) from None


def reset_cache() -> None:
    """Forget the loaded KEK (tests that change the configuration call this)."""
    _box.cache_clear()


@cache
def _box() -> SecretBox:
    return SecretBox(_key_encryption_key())


def _key_encryption_key() -> bytes:
    configured = os.environ.get(_ENVIRONMENT)
    if configured:
        try:
            key = base64.urlsafe_b64decode(configured + "=" * (-len(configured) % 4))
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != SecretBox.KEY_SIZE:
            raise ImproperlyConfigured(f"{_ENVIRONMENT} must be 32 bytes in base64url")
        return key
    return _key_from_file(Path(settings.MERITPASS_KEK_FILE))


def _key_from_file(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first
            pass
        else:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(random(SecretBox.KEY_SIZE))
    key = path.read_bytes()
    if len(key) != SecretBox.KEY_SIZE:
        raise ImproperlyConfigured(f"{path} must hold exactly 32 bytes")
    return key
