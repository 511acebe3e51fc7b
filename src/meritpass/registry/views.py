"""Pages of the registry: the authority's decisions, an organisation's keys, its public page.

Views are thin: they check who acts, parse the form, call a service and render.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from meritpass.accounts.models import Organisation, User
from meritpass.accounts.permissions import organisation_view
from meritpass.core.vocabularies import isced_f
from meritpass.registry import keys, services
from meritpass.registry.dids import did_document_url, organisation_did
from meritpass.registry.errors import RegistryError
from meritpass.registry.forms import AccreditationForm, RecognitionForm
from meritpass.registry.models import Accreditation, OrganisationKey, Recognition

_GET_POST = ["GET", "HEAD", "POST"]


@require_safe
@organisation_view("admin")
def authority(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the providers and industry bodies with this authority's decisions about them."""
    _require_authority(org)
    now = timezone.now()
    accreditations = _by_organisation(services.active_accreditations(org, now), "provider_id")
    recognitions = _by_organisation(services.active_recognitions(org, now), "industry_body_id")
    context = {
        "org": org,
        "providers": _rows(Organisation.Kind.PROVIDER, accreditations),
        "industry_bodies": _rows(Organisation.Kind.INDUSTRY_BODY, recognitions),
        "publication": services.latest_trust_list(org),
        "trust_list_url": services.trust_list_url(org),
    }
    return render(request, "registry/authority.html", context)


@require_http_methods(_GET_POST)
@organisation_view("admin")
def accredit(request: HttpRequest, org: Organisation, provider: str) -> HttpResponse:
    """Accredit a provider for a scope and period."""
    _require_authority(org)
    subject = get_object_or_404(Organisation, slug=provider, kind=Organisation.Kind.PROVIDER)
    form = AccreditationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        valid_from, valid_until = form.period()
        try:
            services.accredit(
                org,
                subject,
                eqf_levels=form.cleaned_data["eqf_levels"],
                fields=form.cleaned_data["fields_of_education"],
                valid_from=valid_from,
                valid_until=valid_until,
                decision=form.cleaned_data["decision"],
                actor=_user(request),
                now=timezone.now(),
            )
        except RegistryError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("%(name)s is accredited.") % {"name": _name(subject)})
            return redirect("registry:authority", org=org.slug)
    context = {"org": org, "subject": subject, "form": form}
    return render(request, "registry/accredit.html", context, status=_status(form))


@require_http_methods(_GET_POST)
@organisation_view("admin")
def recognise(request: HttpRequest, org: Organisation, body: str) -> HttpResponse:
    """Recognise an industry body for sectors and a period."""
    _require_authority(org)
    subject = get_object_or_404(Organisation, slug=body, kind=Organisation.Kind.INDUSTRY_BODY)
    form = RecognitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        valid_from, valid_until = form.period()
        try:
            services.recognise(
                org,
                subject,
                sectors=form.cleaned_data["sectors"],
                valid_from=valid_from,
                valid_until=valid_until,
                actor=_user(request),
                now=timezone.now(),
            )
        except RegistryError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("%(name)s is recognised.") % {"name": _name(subject)})
            return redirect("registry:authority", org=org.slug)
    context = {"org": org, "subject": subject, "form": form}
    return render(request, "registry/recognise.html", context, status=_status(form))


@require_http_methods(_GET_POST)
@organisation_view("admin")
def withdraw_accreditation(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Ask to confirm, then withdraw an accreditation."""
    _require_authority(org)
    decision = get_object_or_404(Accreditation, uuid=uuid, authority=org, withdrawn_at=None)
    if request.method == "POST":
        services.withdraw_accreditation(org, decision, actor=_user(request), now=timezone.now())
        messages.success(request, _("The accreditation is withdrawn."))
        return redirect("registry:authority", org=org.slug)
    question = _("Withdraw the accreditation of %(name)s?") % {"name": _name(decision.provider)}
    return _confirm(request, org, question, decision=decision)


@require_http_methods(_GET_POST)
@organisation_view("admin")
def withdraw_recognition(request: HttpRequest, org: Organisation, uuid: UUID) -> HttpResponse:
    """Ask to confirm, then withdraw a recognition."""
    _require_authority(org)
    decision = get_object_or_404(Recognition, uuid=uuid, authority=org, withdrawn_at=None)
    if request.method == "POST":
        services.withdraw_recognition(org, decision, actor=_user(request), now=timezone.now())
        messages.success(request, _("The recognition is withdrawn."))
        return redirect("registry:authority", org=org.slug)
    question = _("Withdraw the recognition of %(name)s?") % {"name": _name(decision.industry_body)}
    return _confirm(request, org, question, decision=decision)


@require_POST
@organisation_view("admin")
def publish_trust_list(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Publish a new edition of the trust list now."""
    _require_authority(org)
    publication = services.publish_trust_list(org, actor=_user(request), now=timezone.now())
    message = _("Edition %(number)s of the trust list is published.")
    messages.success(request, message % {"number": publication.number})
    return redirect("registry:trust_list", org=org.slug)


@require_safe
def trust_list(request: HttpRequest, org: str) -> HttpResponse:
    """Show the newest signed trust list of an authority as a page."""
    authority = get_object_or_404(Organisation, slug=org, kind=Organisation.Kind.AUTHORITY)
    publication = services.latest_trust_list(authority)
    context = {
        "org": authority,
        "publication": publication,
        "lists": _trust_list_entries(publication.credential) if publication else None,
        "trust_list_url": services.trust_list_url(authority),
    }
    return render(request, "registry/trust_list.html", context, status=200 if publication else 404)


@require_safe
@organisation_view("admin")
def key_list(request: HttpRequest, org: Organisation) -> HttpResponse:
    """List the organisation's signing keys, current and retired (public parts only)."""
    rows = OrganisationKey.objects.filter(organisation=org).order_by("-created_at")
    context = {
        "org": org,
        "keys": [{"row": row, "method": keys.verification_method(row)} for row in rows],
        "did": organisation_did(org),
        "did_document_url": did_document_url(org),
    }
    return render(request, "registry/keys.html", context)


@require_http_methods(_GET_POST)
@organisation_view("admin", two_factor=True)
def rotate_key(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Ask to confirm, then retire the current key and create a new one."""
    if request.method == "POST":
        key = keys.rotate_key(org, actor=_user(request))
        messages.success(request, _("New signing key %(key)s created.") % {"key": key.key_id})
        return redirect("registry:keys", org=org.slug)
    question = _("Create a new signing key and retire the current one?")
    return _confirm(request, org, question, rotation=True)


@require_safe
def organisation_public(request: HttpRequest, org: str) -> HttpResponse:
    """Show who an organisation is and what it is trusted for: for verifiers and learners."""
    organisation = get_object_or_404(Organisation, slug=org)
    now = timezone.now()
    context = {
        "org": organisation,
        "did": organisation_did(organisation),
        "did_document_url": did_document_url(organisation),
        "accreditation": services.current_accreditation(organisation, at=now),
        "recognition": services.current_recognition(organisation, at=now),
        "trust_list_url": (
            services.trust_list_url(organisation)
            if organisation.kind == Organisation.Kind.AUTHORITY
            else None
        ),
    }
    return render(request, "registry/organisation.html", context)


def _trust_list_entries(credential: str) -> dict[str, list[dict[str, object]]]:
    """Return the entries of a signed trust list, for display."""
    subject = json.loads(credential).get("credentialSubject", {})
    return {
        "providers": [_entry(item) for item in subject.get("accreditedProvider", [])],
        "industry_bodies": [_entry(item) for item in subject.get("recognisedIndustryBody", [])],
    }


def _entry(item: dict[str, Any]) -> dict[str, object]:
    return {
        "name": item.get("name"),
        "did": item.get("id"),
        "period_start": _date(item.get("periodStart")),
        "period_end": _date(item.get("periodEnd")),
        "eqf_levels": [uri.rsplit("/", 1)[-1] for uri in item.get("eqfLevel", [])],
        "fields": [_isced_code(uri) for uri in item.get("fieldOfEducation", [])],
        "sectors": [_isced_code(uri) for uri in item.get("sector", [])],
    }


def _isced_code(value: str) -> str:
    return value.removeprefix(isced_f.URI_PREFIX)


def _date(value: object) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _require_authority(org: Organisation) -> None:
    if org.kind != Organisation.Kind.AUTHORITY:
        raise PermissionDenied


def _confirm(
    request: HttpRequest, org: Organisation, question: str, **context: object
) -> HttpResponse:
    return render(request, "registry/confirm.html", {"org": org, "question": question, **context})


def _by_organisation(
    decisions: Iterable[Accreditation] | Iterable[Recognition], attribute: str
) -> dict[int, list[Accreditation | Recognition]]:
    grouped: dict[int, list[Accreditation | Recognition]] = defaultdict(list)
    for decision in decisions:
        grouped[getattr(decision, attribute)].append(decision)
    return grouped


def _rows(
    kind: str, decisions: dict[int, list[Accreditation | Recognition]]
) -> list[dict[str, object]]:
    return [
        {"organisation": organisation, "decisions": decisions.get(organisation.pk, [])}
        for organisation in Organisation.objects.filter(kind=kind).order_by("name_sv")
    ]


def _name(organisation: Organisation) -> str:
    return organisation.name(get_language() or "sv")


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # organisation_view lets only signed-in users through
    return request.user


def _status(form: AccreditationForm | RecognitionForm) -> int:
    return 400 if form.is_bound and form.errors else 200
