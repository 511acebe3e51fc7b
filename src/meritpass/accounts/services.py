"""Create organisations, give and take roles, invite people, and manage API tokens.

Every write runs in one transaction together with its audit event. Bad input raises
``AccountsError`` naming the field; nothing is left half-written.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.text import capfirst

from meritpass.accounts import emails
from meritpass.accounts.errors import AccountsError
from meritpass.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, User
from meritpass.audit import record
from meritpass.audit.models import AuditEvent
from meritpass.core.messages import LANGUAGES, Message

INVITATION_VALIDITY: Final = timedelta(days=7)
TOKEN_PREFIX: Final = "mp"  # noqa: S105 - the visible start of every token, not a secret

_EMPLOYER_ROLES: Final = (Role.ADMIN, Role.HR, Role.RECRUITER)
_AUTHORITY_ROLES: Final = (Role.ADMIN, Role.REVIEWER)
_SUPPLIER_ROLES: Final = (Role.ADMIN, Role.AUTHOR, Role.ISSUER, Role.REVIEWER)


def offered_roles(kind: str) -> tuple[Role, ...]:
    """Return the roles an organisation of ``kind`` can give its members."""
    if kind == Organisation.Kind.EMPLOYER:
        return _EMPLOYER_ROLES
    if kind == Organisation.Kind.AUTHORITY:
        return _AUTHORITY_ROLES
    return _SUPPLIER_ROLES


def digest(secret: str) -> str:
    """Return the SHA-256 (hex) under which a token or invitation secret is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


# Organisations ------------------------------------------------------------------------------


def create_organisation(
    *,
    kind: str,
    slug: str,
    names: Mapping[str, str],
    country: str = "SE",
    region: str = "",
    homepage: str = "",
    contact_email: str = "",
    admins: Iterable[User] = (),
) -> Organisation:
    """Create an organisation, optionally with its first administrators."""
    organisation = Organisation(
        kind=kind,
        slug=slug,
        name_sv=names.get("sv", "").strip(),
        name_en=(names.get("en") or names.get("sv") or "").strip(),
        country_code=country.upper(),
        region=region,
        homepage=homepage,
        contact_email=contact_email,
    )
    _validate(organisation)
    with transaction.atomic():
        organisation.save()
        for admin in admins:
            add_role(organisation, admin, Role.ADMIN, actor=None)
    return organisation


def _validate(instance: Model, *, exclude: Iterable[str] = ()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        field, reason = _first_error(error)
        label = getattr(instance._meta.get_field(field), "verbose_name", field) if field else ""
        raise AccountsError(
            "accounts.invalid_field", field=field, label=capfirst(label), reason=reason
        ) from None


def _first_error(error: ValidationError) -> tuple[str, Message]:
    """Return the first invalid field and its reason in both languages."""
    texts: dict[str, str] = {}
    field = ""
    for language in LANGUAGES:
        with translation.override(language):
            field, reasons = next(iter(error.message_dict.items()))
            texts[language] = " ".join(reasons)
    return ("" if field == "__all__" else field), Message(en=texts["en"], sv=texts["sv"])


# Roles --------------------------------------------------------------------------------------


def add_role(
    organisation: Organisation, user: User, role: str, *, actor: User | None
) -> Membership:
    """Give ``user`` the ``role`` in ``organisation`` (no change if they already hold it)."""
    _check_roles(organisation, [role])
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=organisation, role=role
        )
        if created:
            record(
                actor=actor,
                organisation=organisation,
                action=AuditEvent.Action.MEMBER_JOINED,
                target=membership,
                details={"user": user.pk, "role": role},
            )
    return membership


def remove_role(organisation: Organisation, membership_id: int, *, actor: User) -> None:
    """Take one role away, refusing to remove the organisation's last administrator."""
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(pk=membership_id, organisation=organisation)
            .first()
        )
        if membership is None:
            raise AccountsError("accounts.not_a_member")
        if membership.role == Role.ADMIN:
            admins = list(
                Membership.objects.select_for_update()
                .filter(organisation=organisation, role=Role.ADMIN)
                .values_list("pk", flat=True)
            )
            if len(admins) <= 1:
                raise AccountsError("accounts.last_admin")
        record(
            actor=actor,
            organisation=organisation,
            action=AuditEvent.Action.MEMBER_REMOVED,
            target=membership,
            details={"user": membership.user_id, "role": membership.role},
        )
        membership.delete()


def _check_roles(organisation: Organisation, roles: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(roles))
    if not chosen:
        raise AccountsError("accounts.no_roles", field="roles")
    offered = offered_roles(organisation.kind)
    for role in chosen:
        if role not in offered:
            raise AccountsError("accounts.role_not_offered", field="roles", role=role)
    return chosen


# Invitations --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewInvitation:
    """An invitation just created, with the secret that only its email carries."""

    invitation: Invitation
    token: str


def invite(
    organisation: Organisation,
    *,
    email: str,
    roles: Iterable[str],
    actor: User,
    language: str,
    now: datetime | None = None,
) -> NewInvitation:
    """Invite ``email`` to ``roles`` by an email in ``language``; earlier open invitations expire.

    The email is sent inside the transaction, so a failed send leaves no invitation behind.
    """
    moment = now or timezone.now()
    address = User.objects.normalize_email(email.strip()).lower()
    chosen = _check_roles(organisation, roles)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=address,
        roles=chosen,
        token_hash=digest(token),
        invited_by=actor,
        expires_at=moment + INVITATION_VALIDITY,
    )
    _validate(invitation, exclude=["token_hash", "invited_by"])
    with transaction.atomic():
        Invitation.objects.filter(
            organisation=organisation,
            email=address,
            accepted_at__isnull=True,
            expires_at__gt=moment,
        ).update(expires_at=moment)
        invitation.save()
        record(
            actor=actor,
            organisation=organisation,
            action=AuditEvent.Action.MEMBER_INVITED,
            target=invitation,
            details={"roles": chosen},
        )
        emails.send_invitation(invitation, token, language=language)
    return NewInvitation(invitation=invitation, token=token)


def open_invitation(token: str, *, now: datetime | None = None) -> Invitation:
    """Return the invitation ``token`` names, if it can still be accepted; raise otherwise."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=digest(token)).first()
    )
    return _usable(invitation, now or timezone.now())


def _usable(invitation: Invitation | None, now: datetime) -> Invitation:
    if invitation is None:
        raise AccountsError("accounts.invitation_unknown")
    if invitation.accepted_at is not None:
        raise AccountsError("accounts.invitation_used")
    if invitation.expires_at <= now:
        raise AccountsError("accounts.invitation_expired")
    return invitation


def accept_invitation(token: str, user: User, *, now: datetime | None = None) -> list[Membership]:
    """Give ``user`` the invited roles; the invitation must be theirs, unused and unexpired."""
    moment = now or timezone.now()
    with transaction.atomic():
        invitation = _usable(
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .filter(token_hash=digest(token))
            .first(),
            moment,
        )
        if invitation.email.lower() != user.email.lower():
            raise AccountsError("accounts.invitation_wrong_email")
        invitation.accepted_at = moment
        invitation.save(update_fields=["accepted_at"])
        return [
            add_role(invitation.organisation, user, role, actor=user) for role in invitation.roles
        ]


def sign_up_and_accept(
    token: str,
    *,
    first_name: str,
    last_name: str,
    password: str,
    language: str,
    now: datetime | None = None,
) -> User:
    """Create the account an invitation was sent to and accept it, in one transaction.

    The password must already have passed the validators (the sign-up form runs them).
    """
    with transaction.atomic():
        invitation = open_invitation(token, now=now)
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise AccountsError("accounts.email_taken", field="email")
        user = User(
            email=invitation.email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            language=language,
        )
        user.set_password(password)
        _validate(user, exclude=["password", "username"])
        try:
            user.save()
        except IntegrityError:  # someone signed up with this address a moment ago
            raise AccountsError("accounts.email_taken", field="email") from None
        accept_invitation(token, user, now=now)
    return user


# API tokens ---------------------------------------------------------------------------------


def create_api_token(
    organisation: Organisation, name: str, *, actor: User | None
) -> tuple[ApiToken, str]:
    """Create a token for ``organisation``; return it with the secret, which is shown only once."""
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(
        organisation=organisation,
        name=name.strip(),
        prefix=prefix,
        token_hash=digest(secret),
        created_by=actor,
    )
    if not token.name:
        raise AccountsError(
            "accounts.invalid_field",
            field="name",
            label=capfirst(ApiToken._meta.get_field("name").verbose_name),
            reason=ApiToken._meta.get_field("name").error_messages["blank"],
        )
    with transaction.atomic():
        token.save()
        record(
            actor=actor,
            organisation=organisation,
            action=AuditEvent.Action.TOKEN_CREATED,
            target=token,
            details={"name": token.name, "prefix": prefix},
        )
    return token, secret


def revoke_api_token(organisation: Organisation, token_id: int, *, actor: User | None) -> ApiToken:
    """Revoke one of ``organisation``'s tokens; it stops working at once."""
    with transaction.atomic():
        token = (
            ApiToken.objects.select_for_update()
            .filter(pk=token_id, organisation=organisation)
            .first()
        )
        if token is None:
            raise AccountsError("accounts.token_unknown")
        if token.revoked_at is not None:
            raise AccountsError("accounts.token_revoked")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(
            actor=actor,
            organisation=organisation,
            action=AuditEvent.Action.TOKEN_REVOKED,
            target=token,
            details={"name": token.name, "prefix": token.prefix},
        )
    return token
