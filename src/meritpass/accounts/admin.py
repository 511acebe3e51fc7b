"""The Django admin for operators: people, organisations with their members, invitations, tokens.

Secrets never appear here: API tokens show only their prefix, authenticators only their dates.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from meritpass.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    Organisation,
    TotpDevice,
    User,
)


class EmailUserCreationForm(AdminUserCreationForm[User]):
    """Create a user from an email address and a password."""

    class Meta:
        model = User
        fields = ("email",)


class EmailUserChangeForm(UserChangeForm[User]):
    """Change a user identified by email."""

    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    """People, found by email and name."""

    form = EmailUserChangeForm
    add_form = EmailUserCreationForm
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "language", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    """Organisations with their members' roles."""

    list_display = ("name_sv", "name_en", "slug", "kind", "country_code")
    list_filter = ("kind", "country_code")
    search_fields = ("name_sv", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_sv",)}
    inlines = (MembershipInline,)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    """Invitations; new ones are sent from an organisation's page, not here."""

    list_display = ("email", "organisation", "created_at", "expires_at", "accepted_at")
    list_filter = ("organisation",)
    search_fields = ("email",)
    readonly_fields = (
        "organisation",
        "email",
        "roles",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    )
    exclude = ("token_hash",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """API tokens: shown by prefix; created on the organisation's page, revoked there or here."""

    list_display = ("name", "organisation", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("organisation",)
    search_fields = ("name", "prefix")
    readonly_fields = (
        "organisation",
        "name",
        "prefix",
        "token_hash",
        "created_by",
        "created_at",
        "last_used_at",
    )

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(TotpDevice)
class TotpDeviceAdmin(admin.ModelAdmin[TotpDevice]):
    """Authenticators: an operator may delete one so its owner can set up a new one."""

    list_display = ("user", "confirmed_at", "created_at")
    search_fields = ("user__email",)
    fields = ("user", "confirmed_at", "created_at")
    readonly_fields = ("user", "confirmed_at", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
