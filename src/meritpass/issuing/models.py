"""Awards (issued credentials), their status lists and bulk issuing jobs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import SpecificationVersion

#: Bits per status list: the Bitstring Status List minimum (16 KB), for group privacy.
STATUS_LIST_LENGTH = 131_072


class StatusList(models.Model):
    """A Bitstring Status List of one organisation for one purpose (revocation or suspension).

    ``allocated`` marks every index ever handed out (never reused); the bits of the list itself
    are derived from the awards' states and signed into ``credential`` at each change.

    Personal data: none.
    Retention: for the platform's life, since credentials point at it.
    """

    class Purpose(models.TextChoices):
        REVOCATION = "revocation", _("Revocation")
        SUSPENSION = "suspension", _("Suspension")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="status_lists"
    )
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    length = models.PositiveIntegerField(default=STATUS_LIST_LENGTH)
    allocated = models.BinaryField()
    allocated_count = models.PositiveIntegerField(default=0)
    credential = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self) -> str:
        return f"{self.organisation.slug} {self.purpose} {self.uuid}"


class Award(models.Model):
    """One micro-credential issued to one learner against one specification version.

    ``credential`` holds the signed Open Badges 3.0 document byte for byte as issued.

    Personal data: the learner's name, email address, optional DID, grade and the credential
    (which carries the name and a salted hash of the email).
    Retention: for as long as the issuer must be able to revoke it and answer for it: the
    learner may ask for the email address to be erased after claiming; the record is kept ten
    years after issuing.
    """

    class State(models.TextChoices):
        ACTIVE = "active", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="awards")
    version = models.ForeignKey(
        SpecificationVersion, on_delete=models.PROTECT, related_name="awards"
    )
    learner_name = models.CharField(_("learner's name"), max_length=200)
    learner_email = models.EmailField(_("learner's email"))
    learner_did = models.CharField(_("learner's DID"), max_length=200, blank=True)
    awarded_on = models.DateField(_("date of issuing"))
    grade = models.CharField(_("grade"), max_length=100, blank=True)
    language = models.CharField(max_length=2, default="sv")
    idempotency_key = models.CharField(max_length=100)
    credential = models.TextField()
    revocation_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    revocation_index = models.PositiveIntegerField()
    suspension_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    suspension_index = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    state_reason = models.TextField(blank=True)
    claim_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    job = models.ForeignKey(
        "BulkJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="awards"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "idempotency_key"], name="award_unique_idempotency_key"
            ),
            models.UniqueConstraint(
                fields=["revocation_list", "revocation_index"], name="award_unique_revocation"
            ),
            models.UniqueConstraint(
                fields=["suspension_list", "suspension_index"], name="award_unique_suspension"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_name} - {self.version}"


class StatusChange(models.Model):
    """A revocation, suspension or reinstatement of an award, with its reason.

    Personal data: the person who made the change and the reason they wrote.
    Retention: as long as the award.
    """

    class Action(models.TextChoices):
        REVOKE = "revoke", _("Revoke")
        SUSPEND = "suspend", _("Suspend")
        REINSTATE = "reinstate", _("Reinstate")

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="status_changes")
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d}"


class BulkJob(models.Model):
    """A CSV upload (or API batch) of awards, validated first, then issued in the background.

    Personal data: the uploader and, in its rows, learners' names, emails and grades.
    Retention: rows are deleted 90 days after the job finished; the awards remain.
    """

    class State(models.TextChoices):
        INVALID = "invalid", _("Has errors")
        READY = "ready", _("Ready to issue")
        QUEUED = "queued", _("Queued")
        ISSUING = "issuing", _("Issuing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="bulk_jobs"
    )
    version = models.ForeignKey(SpecificationVersion, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.READY)
    total = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)
    #: The id of the background task that issues the rows, to tell a lost task from a live one.
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issuing job")
        verbose_name_plural = _("bulk issuing jobs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename or self.uuid} ({self.state})"


class BulkRow(models.Model):
    """One validated row of a bulk job, issued at most once through its idempotency key.

    Personal data: the learner's name, email, DID and grade from the upload.
    Retention: deleted 90 days after the job finished.
    """

    job = models.ForeignKey(BulkJob, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    idempotency_key = models.CharField(max_length=100)
    award = models.ForeignKey(Award, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("bulk row")
        verbose_name_plural = _("bulk rows")
        ordering = ["job", "number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="bulk_row_unique_number")
        ]
        indexes = [models.Index(fields=["job", "award"])]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.number}"
