"""Signing keys, recognition of industry bodies, accreditation of providers and the trust list."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meritpass.accounts.models import Organisation


class OrganisationKey(models.Model):
    """An Ed25519 key pair of an organisation, listed in its did:web document.

    The private key is encrypted with the key-encryption key and only decrypted in memory to sign.
    A rotated key is retired, not deleted: it stays in the DID document so that what it signed
    still verifies.

    Personal data: none.
    Retention: for as long as anything it signed may be verified (kept for the platform's life).
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="keys")
    key_id = models.CharField(max_length=40)
    public_key_multibase = models.CharField(max_length=60, unique=True)
    private_key_encrypted = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["organisation", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key_id"], name="organisation_key_unique_id"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(retired_at__isnull=True),
                name="organisation_key_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.slug}#{self.key_id}"


class Recognition(models.Model):
    """The authority's recognition of an industry body, as a signed credential.

    Personal data: the authority staff member who recorded it.
    Retention: kept for the platform's life; withdrawn recognitions stay for verification history.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    authority = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    industry_body = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="recognitions"
    )
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    credential = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.industry_body} ({self.valid_from:%Y-%m-%d})"


class Accreditation(models.Model):
    """The authority's accreditation of a provider for a scope and period, as a signed credential.

    Personal data: the authority staff member who recorded it.
    Retention: kept for the platform's life; withdrawn accreditations stay for verification history.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    authority = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="accreditations"
    )
    eqf_levels = models.JSONField(_("EQF levels"), default=list)
    fields_of_education = models.JSONField(_("fields of education"), default=list)
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"))
    decision = models.CharField(_("decision reference"), max_length=200)
    credential = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.provider} ({self.valid_from:%Y-%m-%d} to {self.valid_until:%Y-%m-%d})"


class TrustListPublication(models.Model):
    """One signed edition of an authority's trust list; the newest is served at a stable URL.

    Personal data: none.
    Retention: every edition is kept, so a verifier can see what was trusted when.
    """

    authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="trust_lists"
    )
    number = models.PositiveIntegerField()
    credential = models.TextField()
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("trust list")
        verbose_name_plural = _("trust lists")
        ordering = ["authority", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "number"], name="trust_list_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.authority} #{self.number}"
