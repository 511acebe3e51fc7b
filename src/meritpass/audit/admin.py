"""The audit log in the Django admin: read only, for operators."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from meritpass.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Every recorded action; nobody edits or deletes the log here."""

    list_display = (
        "at",
        "action",
        "organisation",
        "actor",
        "via_token",
        "target_type",
        "target_id",
    )
    list_filter = ("action", "organisation", "at")
    search_fields = ("target_id", "via_token", "actor__email")
    date_hierarchy = "at"
    list_select_related = ("organisation", "actor")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
