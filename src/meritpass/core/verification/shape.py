"""The format and validity-period checks of a report (VC Data Model 2.0 §4; 1.1 for old ones)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from meritpass.core.datetimes import parse_datetime_stamp
from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import MeritpassError
from meritpass.core.jsonld.loader import DocumentLoader
from meritpass.core.jsonld.to_rdf import to_rdf
from meritpass.core.limits import Limits
from meritpass.core.verification.report import Check, CheckName, failed, passed

VC_V2: Final = "https://www.w3.org/ns/credentials/v2"
VC_V1: Final = "https://www.w3.org/2018/credentials/v1"
_VERSIONS: Final = {VC_V2: "2.0", VC_V1: "1.1"}
_DATES: Final = {"2.0": ("validFrom", "validUntil"), "1.1": ("issuanceDate", "expirationDate")}


class ShapeError(Exception):
    """A format problem; raised and caught within this package only."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Shape:
    """What the format check learned: the data model version and the issuer or holder id."""

    check: Check
    version: str | None
    party: str | None


def credential_shape(document: JsonObject, *, loader: DocumentLoader, limits: Limits) -> Shape:
    """Check that ``document`` is a verifiable credential, its JSON-LD included."""
    version: str | None = None
    issuer: str | None = None
    try:
        version = _version(document)
        _require_type(document, "VerifiableCredential")
        issuer = _party(document, "issuer", required=True)
        _require_subject(document)
        _check_dates(document, version)
        _check_json_ld(document, loader=loader, limits=limits)
    except ShapeError as error:
        return Shape(failed(CheckName.FORMAT, error.code, **error.params), version, issuer)
    check = passed(CheckName.FORMAT, "format.credential", version=version)
    return Shape(check, version, issuer)


def presentation_shape(document: JsonObject, *, loader: DocumentLoader, limits: Limits) -> Shape:
    """Check that ``document`` is a verifiable presentation of embedded credentials."""
    version: str | None = None
    holder: str | None = None
    try:
        version = _version(document)
        _require_type(document, "VerifiablePresentation")
        holder = _party(document, "holder", required=False)
        embedded_credentials(document)
        _check_json_ld(document, loader=loader, limits=limits)
    except ShapeError as error:
        return Shape(failed(CheckName.FORMAT, error.code, **error.params), version, holder)
    check = passed(CheckName.FORMAT, "format.presentation", version=version)
    return Shape(check, version, holder)


def embedded_credentials(document: JsonObject) -> list[JsonObject]:
    """Return the credentials a presentation embeds; each must be a JSON object."""
    value = document.get("verifiableCredential", [])
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) for item in items):
        raise ShapeError("format.credential_not_embedded")
    return [item for item in items if isinstance(item, dict)]


def validity(document: JsonObject, version: str | None, *, now: datetime, skew: timedelta) -> Check:
    """Check the credential's validity period against ``now``."""
    start_name, end_name = _DATES.get(version or "2.0", _DATES["2.0"])
    try:
        start = _optional_date(document, start_name)
        end = _optional_date(document, end_name)
    except ShapeError as error:
        return failed(CheckName.VALIDITY, error.code, **error.params)
    if start is not None and start > now + skew:
        return failed(CheckName.VALIDITY, "validity.not_yet_valid", valid_from=document[start_name])
    if end is not None and end < now:
        return failed(CheckName.VALIDITY, "validity.expired", valid_until=document[end_name])
    if end is None:
        return passed(CheckName.VALIDITY, "validity.open_ended")
    return passed(CheckName.VALIDITY, "validity.current", valid_until=document[end_name])


def _version(document: JsonObject) -> str:
    contexts = document.get("@context")
    first = contexts[0] if isinstance(contexts, list) and contexts else contexts
    version = _VERSIONS.get(first) if isinstance(first, str) else None
    if version is None:
        raise ShapeError("format.base_context")
    return version


def _require_type(document: JsonObject, name: str) -> None:
    value = document.get("type")
    types = value if isinstance(value, list) else [value]
    if name not in types:
        raise ShapeError("format.missing_type", type=name)


def _party(document: JsonObject, name: str, *, required: bool) -> str | None:
    value = document.get(name)
    if value is None and not required:
        return None
    identifier = value.get("id") if isinstance(value, dict) else value
    if not isinstance(identifier, str) or ":" not in identifier:
        raise ShapeError("format.party", property=name)
    return identifier


def _require_subject(document: JsonObject) -> None:
    value: JsonValue = document.get("credentialSubject")
    subjects = value if isinstance(value, list) else [value]
    if not subjects or not all(isinstance(subject, dict) and subject for subject in subjects):
        raise ShapeError("format.subject")


def _check_dates(document: JsonObject, version: str) -> None:
    start_name, end_name = _DATES[version]
    if version == "1.1" and start_name not in document:
        raise ShapeError("format.missing_property", property=start_name)
    _optional_date(document, start_name)
    _optional_date(document, end_name)


def _optional_date(document: JsonObject, name: str) -> datetime | None:
    if name not in document:
        return None
    moment = parse_datetime_stamp(document[name])
    if moment is None:
        raise ShapeError("format.date", property=name)
    return moment


def _check_json_ld(document: JsonObject, *, loader: DocumentLoader, limits: Limits) -> None:
    """Expand in safe mode, so undefined terms and relative IRIs are found even without RDFC."""
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    try:
        to_rdf(unsecured, loader=loader, safe=True, limits=limits)
    except MeritpassError as error:
        raise ShapeError(error.code, **error.params) from None
