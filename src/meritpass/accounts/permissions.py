"""Who may act for which organisation, and the second factor that sensitive roles need.

Views use ``organisation_view``; services call ``check_role`` so that no path, page or API,
lets anybody act for an organisation they do not belong to.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode

from meritpass.accounts.models import Membership, Organisation, Role, TotpDevice, User

__all__ = [
    "SENSITIVE_ROLES",
    "TwoFactorRequired",
    "check_role",
    "has_role",
    "needs_two_factor",
    "organisation_view",
    "require_role",
    "roles_of",
    "two_factor_verified",
]

#: Roles that issue, approve or accredit: they need a verified second factor in the session.
#: Pages that hand out issuing power another way (API tokens, key rotation) ask for it too.
SENSITIVE_ROLES = frozenset({Role.ISSUER, Role.REVIEWER})
SESSION_KEY = "otp_verified_at"

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponse)


class TwoFactorRequired(PermissionDenied):
    """The action needs a second factor that this session has not given yet."""


def roles_of(user: User | Any, organisation: Organisation) -> set[str]:
    """Return the roles ``user`` holds in ``organisation`` (none for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Membership.objects.filter(user=user, organisation=organisation).values_list(
            "role", flat=True
        )
    )


def has_role(user: User | Any, organisation: Organisation, *roles: str) -> bool:
    """Tell whether ``user`` holds one of ``roles`` (any role when none are given)."""
    held = roles_of(user, organisation)
    return bool(held & set(roles)) if roles else bool(held)


def check_role(user: User | Any, organisation: Organisation, *roles: str) -> None:
    """Raise ``PermissionDenied`` unless ``user`` holds one of ``roles`` in ``organisation``."""
    if not has_role(user, organisation, *roles):
        raise PermissionDenied


def needs_two_factor(organisation: Organisation, roles: tuple[str, ...]) -> bool:
    """Tell whether acting in ``roles`` for ``organisation`` needs a second factor."""
    if organisation.kind == Organisation.Kind.AUTHORITY:
        return True  # an authority's members accredit and recognise
    return bool(SENSITIVE_ROLES & set(roles))


def two_factor_verified(request: HttpRequest) -> bool:
    """Tell whether this session has passed the TOTP step."""
    return bool(request.session.get(SESSION_KEY))


def require_role(
    request: HttpRequest, organisation: Organisation, *roles: str, two_factor: bool = False
) -> None:
    """Raise unless the signed-in user may act in ``roles`` for ``organisation`` right now.

    ``two_factor`` asks for the second factor whatever the roles.
    """
    check_role(request.user, organisation, *roles)
    needed = two_factor or needs_two_factor(organisation, roles)
    if needed and not two_factor_verified(request):
        raise TwoFactorRequired


def organisation_view(
    *roles: str, two_factor: bool = False
) -> Callable[
    [Callable[Concatenate[HttpRequest, P], R]], Callable[Concatenate[HttpRequest, P], HttpResponse]
]:
    """Load ``org`` (a slug URL argument) and let the view run only for members in ``roles``.

    Anonymous users go to the login page; members without a second factor, where the roles need
    one, go to set it up or enter a code, then come back.
    """

    def decorate(
        view: Callable[Concatenate[HttpRequest, P], R],
    ) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            kwargs["org"] = get_object_or_404(Organisation, slug=kwargs["org"])
            try:
                require_role(request, kwargs["org"], *roles, two_factor=two_factor)  # type: ignore[arg-type]
            except TwoFactorRequired:
                return _second_factor(request)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def _second_factor(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    confirmed = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
    target = "accounts:totp_verify" if confirmed else "accounts:totp_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
