"""RFC 9457 problem details for the API, in the language the client asked for.

Every error leaves the API as ``application/problem+json``: ``type`` (a stable URN), ``title``,
``status``, ``detail``, and for invalid requests the list of ``errors``, each naming where in the
request the problem is and what is wrong, in Swedish or English (``Accept-Language``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from meritpass.core.errors import MeritpassError
from meritpass.core.messages import render

CONTENT_TYPE: Final = "application/problem+json"
_QUOTED: Final = re.compile(r"'([^']*)'")
PREFIX: Final = "urn:meritpass:problem:"

#: Texts for the pydantic error types a client can cause, with their ``ctx`` placeholders.
_FIELD_ERRORS: Final[Mapping[str, Any]] = {
    "missing": gettext_lazy("This value is required."),
    "less_than_equal": gettext_lazy("This value may be at most %(le)s."),
    "less_than": gettext_lazy("This value must be less than %(lt)s."),
    "greater_than_equal": gettext_lazy("This value must be at least %(ge)s."),
    "greater_than": gettext_lazy("This value must be greater than %(gt)s."),
    "literal_error": gettext_lazy("This value must be one of: %(expected)s."),
    "enum": gettext_lazy("This value must be one of: %(expected)s."),
    "string_too_long": gettext_lazy("This text may be at most %(max_length)s characters long."),
    "string_too_short": gettext_lazy("This text must be at least %(min_length)s characters long."),
    "int_parsing": gettext_lazy("This value must be a whole number."),
    "int_type": gettext_lazy("This value must be a whole number."),
    "float_parsing": gettext_lazy("This value must be a number."),
    "bool_parsing": gettext_lazy("This value must be true or false."),
    "string_type": gettext_lazy("This value must be a text."),
    "uuid_parsing": gettext_lazy("This value must be a UUID."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
    "dict_type": gettext_lazy("This value must be a JSON object."),
    "list_type": gettext_lazy("This value must be a list."),
}


def problem(*, status: int, kind: str, title: str, detail: str, **extra: object) -> HttpResponse:
    """Return a problem-details response."""
    body = {"type": PREFIX + kind, "title": title, "status": status, "detail": detail, **extra}
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )


def install(api: NinjaAPI) -> None:
    """Make every error of ``api`` a problem-details response."""
    # ninja annotates handlers as taking ``Exc | type[Exc]``; they are always called with instances.
    api.add_exception_handler(ValidationError, cast("Any", _invalid_request))
    api.add_exception_handler(HttpError, cast("Any", _http_error))
    api.add_exception_handler(MeritpassError, cast("Any", _meritpass_error))
    api.add_exception_handler(Http404, cast("Any", _not_found))
    api.add_exception_handler(AuthenticationError, cast("Any", _unauthenticated))


def field_errors(errors: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Return each pydantic error as a location and a message in the active language."""
    return [
        {"location": ".".join(str(part) for part in error.get("loc", ())), "message": _text(error)}
        for error in errors
    ]


def _text(error: Mapping[str, Any]) -> str:
    template = _FIELD_ERRORS.get(str(error.get("type")))
    if template is None:
        return str(error.get("msg") or _("This value is not valid."))
    context = {key: _plain(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(error.get("msg") or _("This value is not valid."))


def _plain(value: object) -> str:
    """Turn pydantic's English lists (``'a', 'b' or 'c'``) into ``a, b, c``."""
    quoted = _QUOTED.findall(str(value))
    return ", ".join(quoted) if quoted else str(value)


def _invalid_request(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = field_errors(error.errors)
    return problem(
        status=422,
        kind="invalid-request",
        title=_("The request is not valid"),
        detail="; ".join(f"{item['location']}: {item['message']}" for item in errors),
        errors=errors,
    )


def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    status = error.status_code
    kinds = {404: ("not-found", _("Not found")), 429: ("too-many-requests", _("Too many requests"))}
    kind, title = kinds.get(status, ("http-error", _("The request cannot be handled")))
    return problem(status=status, kind=kind, title=title, detail=str(error))


def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem(
        status=404,
        kind="not-found",
        title=_("Not found"),
        detail=_("Nothing with this identifier exists here, or it belongs to someone else."),
    )


def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    response = problem(
        status=401,
        kind="unauthenticated",
        title=_("Authentication required"),
        detail=_("Send a valid API token: Authorization: Bearer mp_…"),
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


def _meritpass_error(request: HttpRequest, error: MeritpassError) -> HttpResponse:
    language = getattr(request, "LANGUAGE_CODE", "en")
    return problem(
        status=400,
        kind=error.code,
        title=_("The input cannot be used"),
        detail=render(error.code, language, error.params),
        code=error.code,
    )
