"""Organisations' Ed25519 signing keys: create on first use, rotate, decrypt only to sign."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from meritpass import audit
from meritpass.accounts.models import Organisation, User
from meritpass.audit.models import AuditEvent
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.registry import keystore
from meritpass.registry.dids import organisation_did
from meritpass.registry.models import OrganisationKey

__all__ = ["current_key", "private_key", "rotate_key", "verification_method"]


def current_key(organisation: Organisation) -> OrganisationKey:
    """Return the organisation's signing key, creating its first one if it has none."""
    key = OrganisationKey.objects.filter(organisation=organisation, retired_at=None).first()
    if key is not None:
        return key
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        key = OrganisationKey.objects.filter(organisation=organisation, retired_at=None).first()
        if key is None:
            key = _create(organisation, number=1)
            audit.record(
                actor=None,
                organisation=organisation,
                action=AuditEvent.Action.KEY_CREATED,
                target=key,
                details={"key": verification_method(key)},
            )
    return key


def rotate_key(organisation: Organisation, *, actor: User | None) -> OrganisationKey:
    """Retire the current key and make a new one; the old one stays in the DID document."""
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        keys = OrganisationKey.objects.filter(organisation=organisation)
        previous = keys.filter(retired_at=None).first()
        if previous is not None:
            previous.retired_at = timezone.now()
            previous.save(update_fields=["retired_at"])
        key = _create(organisation, number=keys.count() + 1)
        audit.record(
            actor=actor,
            organisation=organisation,
            action=AuditEvent.Action.KEY_ROTATED,
            target=key,
            details={
                "key": verification_method(key),
                "retired": verification_method(previous) if previous else None,
            },
        )
    return key


def private_key(key: OrganisationKey) -> Ed25519Multikey:
    """Return the key pair of ``key``, decrypted in memory; never store or log the result."""
    secret = keystore.decrypt(key.private_key_encrypted)
    return Ed25519Multikey.from_secret_key_multibase(secret.decode("ascii"))


def verification_method(key: OrganisationKey) -> str:
    """Return the verification method id ``<did>#<key id>``."""
    return f"{organisation_did(key.organisation)}#{key.key_id}"


def _create(organisation: Organisation, *, number: int) -> OrganisationKey:
    pair = Ed25519Multikey.generate()
    secret = pair.export_secret_key_multibase().encode("ascii")
    return OrganisationKey.objects.create(
        organisation=organisation,
        key_id=f"key-{number}",
        public_key_multibase=pair.public_key_multibase,
        private_key_encrypted=keystore.encrypt(secret),
    )
