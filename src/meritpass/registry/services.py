"""The authority's decisions: accredit providers, recognise industry bodies, publish the trust list.

Each decision is a credential signed by the authority, stored byte for byte, recorded in the audit
log and followed by a new edition of the authority's trust list, all in one transaction: either
everything is stored or nothing is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Final, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse

from meritpass import audit
from meritpass.accounts.models import Organisation, User
from meritpass.audit.models import AuditEvent
from meritpass.core.credentials import endorsements
from meritpass.core.credentials.ob3 import Profile
from meritpass.core.documents import JsonObject
from meritpass.core.messages import Message
from meritpass.core.vocabularies import isced_f
from meritpass.core.vocabularies.eqf import LEVELS
from meritpass.registry import signing
from meritpass.registry.dids import organisation_did
from meritpass.registry.errors import RegistryError
from meritpass.registry.models import Accreditation, Recognition, TrustListPublication
from meritpass.registry.signing import Signer, signer_for

__all__ = [
    "accredit",
    "active_accreditations",
    "active_recognitions",
    "current_accreditation",
    "current_recognition",
    "latest_trust_list",
    "organisation_profile",
    "publish_trust_list",
    "recognise",
    "trust_list_url",
    "withdraw_accreditation",
    "withdraw_recognition",
]

_Decision = TypeVar("_Decision", Accreditation, Recognition)

#: The audit action of a withdrawn recognition (not yet among ``AuditEvent.Action``'s choices).
RECOGNITION_WITHDRAWN: Final = AuditEvent.Action.RECOGNITION_WITHDRAWN
DECISION_MAX_LENGTH: Final = 200


@transaction.atomic
def accredit(
    authority: Organisation,
    provider: Organisation,
    *,
    eqf_levels: Iterable[object],
    fields: Iterable[object],
    valid_from: datetime,
    valid_until: datetime | None,
    decision: str,
    actor: User | None,
    now: datetime,
) -> Accreditation:
    """Accredit ``provider`` for a scope and period with a credential signed by ``authority``."""
    _require_kind(authority, Organisation.Kind.AUTHORITY, "registry.not_authority")
    _require_kind(provider, Organisation.Kind.PROVIDER, "registry.not_provider")
    accreditation = Accreditation(
        authority=authority,
        provider=provider,
        eqf_levels=_eqf_levels(eqf_levels),
        fields_of_education=_fields(fields, "fields", "registry.field_invalid"),
        valid_from=valid_from,
        valid_until=_end(valid_from, valid_until),
        decision=_decision(decision),
        created_by=actor,
    )
    signer = signer_for(authority)
    unsigned = endorsements.accreditation_credential(
        id=accreditation.uuid.urn,
        authority=signer.profile(_language()),
        provider=organisation_profile(provider),
        eqf_levels=accreditation.eqf_levels,
        fields=accreditation.fields_of_education,
        valid_from=valid_from,
        valid_until=accreditation.valid_until,
        decision=accreditation.decision,
        language=_language(),
    )
    accreditation.credential = _serialise(signer.sign(unsigned, now=now))
    accreditation.save()
    _record(actor, authority, AuditEvent.Action.ACCREDITED, accreditation, provider)
    _publish(authority, signer, actor=actor, now=now)
    return accreditation


@transaction.atomic
def recognise(
    authority: Organisation,
    industry_body: Organisation,
    *,
    sectors: Iterable[object],
    valid_from: datetime,
    valid_until: datetime | None,
    actor: User | None,
    now: datetime,
) -> Recognition:
    """Recognise ``industry_body`` for sectors (ISCED-F fields) with a signed credential."""
    _require_kind(authority, Organisation.Kind.AUTHORITY, "registry.not_authority")
    _require_kind(industry_body, Organisation.Kind.INDUSTRY_BODY, "registry.not_industry_body")
    recognition = Recognition(
        authority=authority,
        industry_body=industry_body,
        sectors=_fields(sectors, "sectors", "registry.sector_invalid"),
        valid_from=valid_from,
        valid_until=_optional_end(valid_from, valid_until),
        created_by=actor,
    )
    signer = signer_for(authority)
    unsigned = endorsements.recognition_credential(
        id=recognition.uuid.urn,
        authority=signer.profile(_language()),
        industry_body=organisation_profile(industry_body),
        sectors=_sector_uris(recognition.sectors),
        valid_from=valid_from,
        valid_until=recognition.valid_until,
        language=_language(),
    )
    recognition.credential = _serialise(signer.sign(unsigned, now=now))
    recognition.save()
    _record(actor, authority, AuditEvent.Action.RECOGNISED, recognition, industry_body)
    _publish(authority, signer, actor=actor, now=now)
    return recognition


@transaction.atomic
def withdraw_accreditation(
    authority: Organisation, accreditation: Accreditation, *, actor: User | None, now: datetime
) -> Accreditation:
    """Withdraw ``accreditation`` from now on and publish a trust list without it."""
    _require_own_decision(authority, accreditation)
    accreditation.withdrawn_at = now
    accreditation.save(update_fields=["withdrawn_at"])
    action = AuditEvent.Action.ACCREDITATION_WITHDRAWN
    _record(actor, authority, action, accreditation, accreditation.provider)
    _publish(authority, signer_for(authority), actor=actor, now=now)
    return accreditation


@transaction.atomic
def withdraw_recognition(
    authority: Organisation, recognition: Recognition, *, actor: User | None, now: datetime
) -> Recognition:
    """Withdraw ``recognition`` from now on and publish a trust list without it."""
    _require_own_decision(authority, recognition)
    recognition.withdrawn_at = now
    recognition.save(update_fields=["withdrawn_at"])
    _record(actor, authority, RECOGNITION_WITHDRAWN, recognition, recognition.industry_body)
    _publish(authority, signer_for(authority), actor=actor, now=now)
    return recognition


@transaction.atomic
def publish_trust_list(
    authority: Organisation, *, actor: User | None, now: datetime
) -> TrustListPublication:
    """Sign and store a new edition of ``authority``'s trust list of current decisions."""
    _require_kind(authority, Organisation.Kind.AUTHORITY, "registry.not_authority")
    return _publish(authority, signer_for(authority), actor=actor, now=now)


def current_accreditation(provider: Organisation, *, at: datetime) -> Accreditation | None:
    """Return the provider's accreditation in force at ``at`` (the newest, if several are)."""
    found = _in_force(Accreditation.objects.filter(provider=provider), at)
    return found.filter(valid_until__gt=at).order_by("-valid_from", "-created_at").first()


def current_recognition(industry_body: Organisation, *, at: datetime) -> Recognition | None:
    """Return the industry body's recognition in force at ``at`` (the newest, if several are)."""
    found = _in_force(Recognition.objects.filter(industry_body=industry_body), at)
    open_ended = Q(valid_until__isnull=True) | Q(valid_until__gt=at)
    return found.filter(open_ended).order_by("-valid_from", "-created_at").first()


def latest_trust_list(authority: Organisation) -> TrustListPublication | None:
    """Return the newest edition of ``authority``'s trust list, if it has published one."""
    return TrustListPublication.objects.filter(authority=authority).order_by("-number").first()


def trust_list_url(authority: Organisation) -> str:
    """Return the stable URL at which ``authority``'s newest trust list is served."""
    path = reverse("registry_public:trust_list", kwargs={"slug": authority.slug})
    return f"{settings.MERITPASS_PUBLIC_URL}{path}"


def organisation_profile(organisation: Organisation, language: str | None = None) -> Profile:
    """Return ``organisation`` as an Open Badges profile (the subject of a decision)."""
    return signing.organisation_profile(organisation, language or _language())


def _publish(
    authority: Organisation, signer: Signer, *, actor: User | None, now: datetime
) -> TrustListPublication:
    # Lock the authority so that two publications never take the same edition number.
    Organisation.objects.select_for_update().filter(pk=authority.pk).first()
    editions = TrustListPublication.objects.filter(authority=authority)
    number = (editions.aggregate(last=Max("number"))["last"] or 0) + 1
    accreditations = active_accreditations(authority, now)
    recognitions = active_recognitions(authority, now)
    unsigned = endorsements.trust_list_credential(
        id=trust_list_url(authority),
        authority=signer.profile(_language()),
        providers=[_accreditation_entry(item) for item in accreditations],
        industry_bodies=[_recognition_entry(item) for item in recognitions],
        valid_from=now,
        valid_until=None,
        language=_language(),
    )
    publication = TrustListPublication.objects.create(
        authority=authority, number=number, credential=_serialise(signer.sign(unsigned, now=now))
    )
    audit.record(
        actor=actor,
        organisation=authority,
        action=AuditEvent.Action.TRUST_LIST_PUBLISHED,
        target=publication,
        details={"number": number},
    )
    return publication


def active_accreditations(authority: Organisation, now: datetime) -> list[Accreditation]:
    """Return ``authority``'s accreditations neither withdrawn nor expired, future ones included."""
    found = Accreditation.objects.filter(authority=authority, withdrawn_at=None)
    return list(found.filter(valid_until__gt=now).select_related("provider").order_by("valid_from"))


def active_recognitions(authority: Organisation, now: datetime) -> list[Recognition]:
    """Return ``authority``'s recognitions neither withdrawn nor expired, future ones included."""
    found = Recognition.objects.filter(authority=authority, withdrawn_at=None)
    open_ended = Q(valid_until__isnull=True) | Q(valid_until__gt=now)
    return list(found.filter(open_ended).select_related("industry_body").order_by("valid_from"))


def _in_force(decisions: QuerySet[_Decision], at: datetime) -> QuerySet[_Decision]:
    not_withdrawn = Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=at)
    return decisions.filter(not_withdrawn, valid_from__lte=at)


def _accreditation_entry(accreditation: Accreditation) -> endorsements.TrustListEntry:
    return endorsements.TrustListEntry(
        id=organisation_did(accreditation.provider),
        name=accreditation.provider.name(_language()),
        credential=accreditation.uuid.urn,
        valid_from=accreditation.valid_from,
        valid_until=accreditation.valid_until,
        eqf_levels=accreditation.eqf_levels,
        fields=accreditation.fields_of_education,
    )


def _recognition_entry(recognition: Recognition) -> endorsements.TrustListEntry:
    return endorsements.TrustListEntry(
        id=organisation_did(recognition.industry_body),
        name=recognition.industry_body.name(_language()),
        credential=recognition.uuid.urn,
        valid_from=recognition.valid_from,
        valid_until=recognition.valid_until,
        sectors=_sector_uris(recognition.sectors),
    )


def _sector_uris(codes: Sequence[str]) -> list[str]:
    """Return the Europass URIs of ISCED-F codes: sectors must read without our tables."""
    return [isced_f.field(code).uri for code in codes]


def _require_kind(organisation: Organisation, kind: str, code: str) -> None:
    if organisation.kind != kind:
        name = Message(en=organisation.name("en"), sv=organisation.name("sv"))
        raise RegistryError(code, name=name)


def _require_own_decision(authority: Organisation, decision: Accreditation | Recognition) -> None:
    _require_kind(authority, Organisation.Kind.AUTHORITY, "registry.not_authority")
    if decision.authority_id != authority.pk:
        raise RegistryError("registry.other_authority")
    if decision.withdrawn_at is not None:
        raise RegistryError("registry.already_withdrawn")


def _eqf_levels(values: Iterable[object]) -> list[int]:
    levels: set[int] = set()
    for value in values:
        level = _integer(value)
        if level is None or level not in LEVELS:
            raise RegistryError("registry.eqf_level_invalid", field="eqf_levels", value=value)
        levels.add(level)
    if not levels:
        raise RegistryError("registry.eqf_levels_missing", field="eqf_levels")
    return sorted(levels)


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _fields(values: Iterable[object], name: str, invalid: str) -> list[str]:
    codes: set[str] = set()
    for value in values:
        if not isced_f.is_field(value):
            raise RegistryError(invalid, field=name, value=value)
        codes.add(str(value))
    if not codes:
        raise RegistryError(f"registry.{name}_missing", field=name)
    return _without_covered(sorted(codes))


def _without_covered(codes: Sequence[str]) -> list[str]:
    """Drop codes that a broader chosen field already covers (``07`` covers ``0715``)."""
    return [code for code in codes if not any(c != code and code.startswith(c) for c in codes)]


def _end(valid_from: datetime, valid_until: datetime | None) -> datetime:
    if valid_until is None:
        raise RegistryError("registry.valid_until_missing", field="valid_until")
    if valid_until <= valid_from:
        raise RegistryError("registry.period_invalid", field="valid_until")
    return valid_until


def _optional_end(valid_from: datetime, valid_until: datetime | None) -> datetime | None:
    return None if valid_until is None else _end(valid_from, valid_until)


def _decision(text: str) -> str:
    decision = " ".join(text.split())
    if not decision:
        raise RegistryError("registry.decision_missing", field="decision")
    if len(decision) > DECISION_MAX_LENGTH:
        raise RegistryError(
            "registry.decision_too_long", field="decision", limit=DECISION_MAX_LENGTH
        )
    return decision


def _record(
    actor: User | None,
    authority: Organisation,
    action: str,
    target: Accreditation | Recognition,
    subject: Organisation,
) -> None:
    audit.record(
        actor=actor,
        organisation=authority,
        action=action,
        target=target,
        details={"organisation": subject.slug, "did": organisation_did(subject)},
    )


def _serialise(document: JsonObject) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _language() -> str:
    """Return the language of texts inside decisions: the platform's default language."""
    return str(settings.LANGUAGE_CODE)
