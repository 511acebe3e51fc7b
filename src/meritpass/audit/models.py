"""The audit log: who did what, when, to which record."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One recorded action: an issuance, revocation, approval, accreditation or key change.

    Personal data: the acting user (a reference; its email is shown only while the account
    exists) and, in ``details``, no learner data beyond the award's id.
    Retention: ten years after the event, the accountability period for credentials.
    """

    class Action(models.TextChoices):
        ISSUED = "issued", _("Credential issued")
        REVOKED = "revoked", _("Credential revoked")
        SUSPENDED = "suspended", _("Credential suspended")
        REINSTATED = "reinstated", _("Credential reinstated")
        BULK_STARTED = "bulk_started", _("Bulk issuing started")
        SPEC_CREATED = "spec_created", _("Specification version created")
        SPEC_COMMENTED = "spec_commented", _("Specification commented")
        SPEC_SUBMITTED = "spec_submitted", _("Specification submitted")
        SPEC_APPROVED = "spec_approved", _("Specification approved")
        SPEC_REJECTED = "spec_rejected", _("Specification rejected")
        SPEC_PUBLISHED = "spec_published", _("Specification published")
        SPEC_RETIRED = "spec_retired", _("Specification retired")
        DELEGATED = "delegated", _("Issuing rights delegated")
        DELEGATION_REVOKED = "delegation_revoked", _("Issuing rights withdrawn")
        ACCREDITED = "accredited", _("Provider accredited")
        ACCREDITATION_WITHDRAWN = "accreditation_withdrawn", _("Accreditation withdrawn")
        RECOGNISED = "recognised", _("Industry body recognised")
        RECOGNITION_WITHDRAWN = "recognition_withdrawn", _("Recognition withdrawn")
        TRUST_LIST_PUBLISHED = "trust_list_published", _("Trust list published")
        KEY_CREATED = "key_created", _("Signing key created")
        KEY_ROTATED = "key_rotated", _("Signing key rotated")
        MEMBER_INVITED = "member_invited", _("Member invited")
        MEMBER_JOINED = "member_joined", _("Member joined")
        MEMBER_REMOVED = "member_removed", _("Member removed")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        TOTP_ENABLED = "totp_enabled", _("Two-factor authentication enabled")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via_token = models.CharField(_("API token"), max_length=12, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    target_type = models.CharField(_("target type"), max_length=40)
    target_id = models.CharField(_("target"), max_length=64)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["organisation", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type} {self.target_id}"
