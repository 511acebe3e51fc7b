"""Time-based one-time passwords (RFC 6238: 30-second steps, 6 digits, SHA-1) for the second factor.

A code is accepted for the current step and one step either side (clock drift), and never twice:
the device remembers the last step it accepted. Wrong codes are counted per person in the cache;
after ``MAX_FAILURES`` within ``FAILURE_WINDOW`` seconds, codes are refused until the window ends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import pyotp
import segno
from django.core.cache import cache
from django.db import transaction

from meritpass.accounts.models import TotpDevice, User
from meritpass.audit import record
from meritpass.audit.models import AuditEvent
from meritpass.registry import keystore

ISSUER: Final = "Meritpass"
STEP_SECONDS: Final = 30
VALID_WINDOW: Final = 1
MAX_FAILURES: Final = 5
FAILURE_WINDOW: Final = 300


def device_of(user: User) -> TotpDevice | None:
    """Return the user's authenticator, confirmed or not, if any."""
    return TotpDevice.objects.filter(user=user).first()


def has_confirmed_device(user: User) -> bool:
    """Tell whether the user has a confirmed authenticator."""
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def pending_device(user: User) -> TotpDevice:
    """Return the user's unconfirmed authenticator, creating one with a fresh secret if needed."""
    device, _ = TotpDevice.objects.get_or_create(
        user=user, defaults={"secret_encrypted": keystore.encrypt(pyotp.random_base32().encode())}
    )
    return device


def secret_of(device: TotpDevice) -> str:
    """Return the device's base32 secret (decrypted in memory only)."""
    return keystore.decrypt(device.secret_encrypted).decode()


def provisioning_uri(device: TotpDevice) -> str:
    """Return the ``otpauth://`` URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret_of(device)).provisioning_uri(
        name=device.user.email, issuer_name=ISSUER
    )


def qr_svg(uri: str, *, title: str) -> str:
    """Return ``uri`` as an inline SVG QR code (no script, no style attribute)."""
    return str(segno.make(uri, error="m").svg_inline(scale=5, border=4, title=title))


def current_code(device: TotpDevice, *, now: datetime) -> str:
    """Return the code of the current step (shown only to demo accounts)."""
    return pyotp.TOTP(secret_of(device)).at(now)


def locked_out(user: User) -> bool:
    """Tell whether the user has entered too many wrong codes lately."""
    return int(cache.get(_failures_key(user), 0)) >= MAX_FAILURES


def verify(device: TotpDevice, code: str, *, now: datetime) -> bool:
    """Accept ``code`` once if it is valid now; count a failure otherwise.

    The step is claimed with a conditional update, so two requests racing with the same code
    cannot both succeed.
    """
    step = _matching_step(secret_of(device), code.strip().replace(" ", ""), now=now)
    if step is not None and step > device.last_used_step:
        claimed = TotpDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(
            last_used_step=step
        )
        if claimed:
            device.last_used_step = step
            cache.delete(_failures_key(device.user))
            return True
    _count_failure(device.user)
    return False


def confirm(device: TotpDevice, code: str, *, now: datetime) -> bool:
    """Confirm a new authenticator with a first valid code, recording it in the audit log."""
    with transaction.atomic():
        if not verify(device, code, now=now):
            return False
        device.confirmed_at = now
        device.save(update_fields=["confirmed_at"])
        record(
            actor=device.user,
            organisation=None,
            action=AuditEvent.Action.TOTP_ENABLED,
            target=device,
        )
    return True


def _matching_step(secret: str, code: str, *, now: datetime) -> int | None:
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


def _failures_key(user: User) -> str:
    return f"accounts:totp-failures:{user.pk}"


def _count_failure(user: User) -> None:
    key = _failures_key(user)
    cache.add(key, 0, timeout=FAILURE_WINDOW)  # the window starts at the first failure
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=FAILURE_WINDOW)
