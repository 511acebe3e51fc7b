"""People, their organisations and roles, invitations, second factors and API tokens."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    """Create users identified by their email address."""

    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        """Create an ordinary user."""
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        """Create an operator with access to the Django admin."""
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in with an email address and a password.

    Personal data: name, email address, password hash, language, sign-in times.
    Retention: until the person deletes the account or an operator removes it; audit events keep
    only the user's numeric id afterwards.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="sv"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Organisation(models.Model):
    """An education provider, industry body, employer or authority.

    Personal data: none (organisation names, addresses and a contact address of the organisation).
    Retention: for as long as credentials it issued, approved or accredited may be verified.
    """

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("Education provider")
        INDUSTRY_BODY = "industry_body", _("Industry body")
        EMPLOYER = "employer", _("Employer")
        AUTHORITY = "authority", _("Authority")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    country_code = models.CharField(_("country"), max_length=2, default="SE")
    region = models.CharField(_("region"), max_length=100, blank=True)
    homepage = models.URLField(_("web site"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_sv"]

    def __str__(self) -> str:
        return self.name_sv

    def name(self, language: str) -> str:
        """Return the name in ``language`` (Swedish or English)."""
        return self.name_en if language == "en" and self.name_en else self.name_sv


class Role(models.TextChoices):
    """What a member may do for an organisation."""

    ADMIN = "admin", _("Administrator")
    AUTHOR = "author", _("Author")
    ISSUER = "issuer", _("Issuer")
    REVIEWER = "reviewer", _("Reviewer")
    HR = "hr", _("HR")
    RECRUITER = "recruiter", _("Recruiter")


class Membership(models.Model):
    """One role that one person holds in one organisation.

    Personal data: which person works for which organisation in which role.
    Retention: until the role is removed or the account deleted.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.organisation} ({self.role})"


class Invitation(models.Model):
    """An emailed invitation to join an organisation in some roles.

    Personal data: the invitee's email address and who invited them.
    Retention: deleted 30 days after it was accepted or expired.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    roles = models.JSONField(_("roles"), default=list)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class TotpDevice(models.Model):
    """A person's authenticator app (RFC 6238 TOTP), the second factor for sensitive roles.

    Personal data: the shared secret (encrypted with the key-encryption key) and when it was used.
    Retention: until the person removes it or the account is deleted.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret_encrypted = models.BinaryField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authenticator")
        verbose_name_plural = _("authenticators")

    def __str__(self) -> str:
        return f"TOTP {self.user}"


class ApiToken(models.Model):
    """A bearer token with which a learning-management system acts for an organisation.

    Personal data: which person created the token.
    Retention: until revoked; revoked tokens are deleted after a year.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
