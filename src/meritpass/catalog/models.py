"""Micro-credential specifications, their versions, review, approval and delegation."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meritpass.accounts.models import Organisation
from meritpass.taxonomy.models import Concept


class Specification(models.Model):
    """A micro-credential as a product of its owner, across all its versions.

    Personal data: the author who created it.
    Retention: for the platform's life; awards refer to its versions.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="specifications")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("specification")
        verbose_name_plural = _("specifications")

    def __str__(self) -> str:
        return str(self.uuid)


class SpecificationVersion(models.Model):
    """One version of a specification: its Annex I content and where it is in its lifecycle.

    Once submitted, ``content`` never changes; a change makes a new version. ``digest`` is the
    multibase SHA-256 of the JCS of ``content``.

    Personal data: who created, submitted and decided it.
    Retention: for the platform's life; awards pin a version.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    specification = models.ForeignKey(
        Specification, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    content = models.JSONField(default=dict)
    digest = models.CharField(max_length=64, blank=True)
    achievement = models.JSONField(null=True, blank=True)
    reviewing_body = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    title_sv = models.CharField(max_length=200, blank=True)
    title_en = models.CharField(max_length=200, blank=True)
    eqf_level = models.PositiveSmallIntegerField(null=True, blank=True)
    field_of_education = models.CharField(max_length=4, blank=True)
    skills = models.ManyToManyField(Concept, blank=True, related_name="specification_versions")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("specification version")
        verbose_name_plural = _("specification versions")
        ordering = ["specification", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["specification", "number"], name="specification_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["specification"],
                condition=Q(status="draft"),
                name="specification_one_draft",
            ),
        ]
        indexes = [models.Index(fields=["status", "eqf_level"])]

    def __str__(self) -> str:
        return f"{self.title_sv or self.title_en or self.specification.uuid} v{self.number}"

    def title(self, language: str) -> str:
        """Return the title in ``language``, falling back to the other language."""
        preferred = self.title_en if language == "en" else self.title_sv
        return preferred or self.title_sv or self.title_en


class ReviewComment(models.Model):
    """A reviewer's or author's comment on a version, or the reason for a decision.

    Personal data: the commenting person and the text they wrote.
    Retention: for the platform's life, as the record of the review.
    """

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        APPROVAL = "approval", _("Approval")
        REJECTION = "rejection", _("Rejection")

    version = models.ForeignKey(
        SpecificationVersion, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d}"


class Approval(models.Model):
    """An industry body's signed approval of one exact specification version.

    Personal data: the reviewer who approved.
    Retention: for the platform's life; credentials embed the signed approval.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.OneToOneField(
        SpecificationVersion, on_delete=models.PROTECT, related_name="approval"
    )
    industry_body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    credential = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")

    def __str__(self) -> str:
        return f"{self.industry_body} ✓ {self.version}"


class Delegation(models.Model):
    """The right, given by a specification's owner, for another provider to issue it.

    Personal data: who granted and who withdrew it.
    Retention: for the platform's life, as the record of who could issue what when.
    """

    specification = models.ForeignKey(
        Specification, on_delete=models.CASCADE, related_name="delegations"
    )
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="delegations")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(
                fields=["specification", "provider"],
                condition=Q(revoked_at__isnull=True),
                name="delegation_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider} ← {self.specification}"
