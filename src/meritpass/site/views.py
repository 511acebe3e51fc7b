"""Site-wide pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meritpass.site import demo


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Show the start page."""
    accounts = demo.accounts_by_role() if settings.MERITPASS_DEMO and demo.is_loaded() else ()
    return render(
        request,
        "site/start.html",
        {"demo_accounts": accounts, "demo_password": demo.DEMO_PASSWORD},
    )


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Report that the application answers and its database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})
