"""Errors of issuing, with their texts in Swedish and English.

``IssuingError`` is an ``InputError`` of the one exception tree; its texts live here rather than in
the core's catalogue because they concern the Django side only. ``field`` names the input the
error belongs to (``name``, ``email``, ``did``, ``date``, ``grade``, ``idempotency_key``,
``version``, ``reason``, ``file``), so a form shows the message next to the field, a CSV error
table in its column and the API in the problem's ``errors[].location``. ``InvalidAwardError``
gathers every field error of one learner, so a person sees all of them at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from meritpass.core.messages import Message
from meritpass.site.errors import ServiceError

__all__ = ["FIELD_LABELS", "MESSAGES", "InvalidAwardError", "IssuingError"]

#: The name of each input, as a form, a CSV column heading and the API call it.
FIELD_LABELS: Final[Mapping[str, Message]] = {
    "name": Message(en="Name", sv="Namn"),
    "email": Message(en="Email", sv="E-post"),
    "did": Message(en="DID", sv="DID"),
    "date": Message(en="Date", sv="Datum"),
    "grade": Message(en="Grade", sv="Betyg"),
    "idempotency_key": Message(en="Idempotency key", sv="Idempotensnyckel"),
    "version": Message(en="Specification", sv="Specifikation"),
    "reason": Message(en="Reason", sv="Orsak"),
    "file": Message(en="File", sv="Fil"),
    "rows": Message(en="Rows", sv="Rader"),
}

MESSAGES: Final[Mapping[str, Message]] = {
    "issuing.invalid_award": Message(
        en="The credential cannot be issued: {errors}",
        sv="Meriten kan inte utfärdas: {errors}",
    ),
    "issuing.name_missing": Message(
        en="Name: enter the learner's name.", sv="Namn: ange mottagarens namn."
    ),
    "issuing.too_long": Message(
        en="{label}: at most {limit} characters (this has {length}).",
        sv="{label}: högst {limit} tecken (det här har {length}).",
    ),
    "issuing.email_missing": Message(
        en="Email: enter the learner's email address.",
        sv="E-post: ange mottagarens e-postadress.",
    ),
    "issuing.email_invalid": Message(
        en="Email: “{value}” is not a valid email address.",
        sv="E-post: ”{value}” är ingen giltig e-postadress.",
    ),
    "issuing.did_invalid": Message(
        en="DID: “{value}” is not a valid did:key or did:web identifier ({reason}). Leave it "
        "empty if the learner has none.",
        sv="DID: ”{value}” är ingen giltig did:key- eller did:web-identifierare ({reason}). Lämna "
        "fältet tomt om mottagaren saknar en.",
    ),
    "issuing.did_method": Message(
        en="DID: only did:key and did:web identifiers can be used, not “{value}”.",
        sv="DID: bara did:key- och did:web-identifierare kan användas, inte ”{value}”.",
    ),
    "issuing.date_missing": Message(
        en="Date: enter the date of issuing.", sv="Datum: ange utfärdandedatum."
    ),
    "issuing.date_invalid": Message(
        en="Date: “{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-06-12.",
        sv="Datum: ”{value}” är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-06-12.",
    ),
    "issuing.date_future": Message(
        en="Date: {value} is in the future; a credential is issued for learning already done.",
        sv="Datum: {value} ligger i framtiden; en merit utfärdas för lärande som redan skett.",
    ),
    "issuing.date_before_publication": Message(
        en="Date: {value} is before this version of the specification was published ({first}).",
        sv="Datum: {value} är före det att den här versionen av specifikationen publicerades "
        "({first}).",
    ),
    "issuing.grade_not_graded": Message(
        en="Grade: this specification has no grading; leave the grade empty.",
        sv="Betyg: specifikationen har ingen betygsskala; lämna betyget tomt.",
    ),
    "issuing.grade_not_in_scale": Message(
        en="Grade: “{value}” is not a grade of this specification; use one of {allowed}.",
        sv="Betyg: ”{value}” är inget betyg i specifikationen; använd ett av {allowed}.",
    ),
    "issuing.key_invalid": Message(
        en="Idempotency key: use at most 100 letters, digits and the characters . _ : - "
        "(not “{value}”).",
        sv="Idempotensnyckel: använd högst 100 bokstäver, siffror och tecknen . _ : - "
        "(inte ”{value}”).",
    ),
    "issuing.cannot_issue": Message(
        en="Specification: {organisation} may not issue “{title}”; only its owner and providers "
        "it delegated issuing to may.",
        sv="Specifikation: {organisation} får inte utfärda ”{title}”; bara ägaren och de "
        "utbildningsanordnare som den har delegerat utfärdandet till får det.",
    ),
    "issuing.not_published": Message(
        en="Specification: version {number} of “{title}” is not published, so it cannot be "
        "awarded.",
        sv="Specifikation: version {number} av ”{title}” är inte publicerad och kan därför inte "
        "utfärdas.",
    ),
    "issuing.not_approved": Message(
        en="Specification: version {number} of “{title}” has no industry approval.",
        sv="Specifikation: version {number} av ”{title}” saknar branschgodkännande.",
    ),
    "issuing.not_accredited": Message(
        en="Date: {organisation} is not accredited on {value} for EQF level {level} in field of "
        "education {field_code}. Ask the authority to accredit it for that scope and period.",
        sv="Datum: {organisation} är inte ackrediterad den {value} för EQF-nivå {level} inom "
        "utbildningsområde {field_code}. Be tillsynsmyndigheten om ackreditering för det "
        "området och den perioden.",
    ),
    "issuing.reason_missing": Message(
        en="Reason: say why the credential's status changes.",
        sv="Orsak: skriv varför meritens status ändras.",
    ),
    "issuing.revoked_final": Message(
        en="This credential is revoked; a revocation is final.",
        sv="Meriten är återkallad; en återkallelse är slutgiltig.",
    ),
    "issuing.not_active": Message(
        en="Only a valid credential can be suspended; this one is {state}.",
        sv="Bara en giltig merit kan tillfälligt spärras; den här är {state}.",
    ),
    "issuing.not_suspended": Message(
        en="Only a suspended credential can be reinstated; this one is {state}.",
        sv="Bara en tillfälligt spärrad merit kan återställas; den här är {state}.",
    ),
    "issuing.idempotency_conflict": Message(
        en="A credential was already issued under this idempotency key with other details "
        "({fields}); use a new key to issue another one.",
        sv="En merit har redan utfärdats med den här idempotensnyckeln men med andra uppgifter "
        "({fields}); använd en ny nyckel för att utfärda en till.",
    ),
    "issuing.csv_too_large": Message(
        en="File: the file has {size} bytes; at most {limit} bytes can be uploaded at once.",
        sv="Fil: filen har {size} byte; högst {limit} byte kan laddas upp på en gång.",
    ),
    "issuing.csv_not_utf8": Message(
        en="File: the file is not UTF-8 text (byte {position}). Save it as “CSV UTF-8”.",
        sv="Fil: filen är inte UTF-8-text (byte {position}). Spara den som ”CSV UTF-8”.",
    ),
    "issuing.csv_empty": Message(
        en="File: the file has no header row. Start from the template.",
        sv="Fil: filen saknar rubrikrad. Utgå från mallen.",
    ),
    "issuing.csv_unreadable": Message(
        en="File: the file cannot be read as CSV ({reason}).",
        sv="Fil: filen kan inte läsas som CSV ({reason}).",
    ),
    "issuing.csv_missing_column": Message(
        en="File: the column “{column}” is missing. Start from the template.",
        sv="Fil: kolumnen ”{column}” saknas. Utgå från mallen.",
    ),
    "issuing.csv_unknown_column": Message(
        en="File: the column “{column}” is not one of the template's ({allowed}).",
        sv="Fil: kolumnen ”{column}” finns inte i mallen ({allowed}).",
    ),
    "issuing.csv_repeated_column": Message(
        en="File: the column “{column}” appears twice.",
        sv="Fil: kolumnen ”{column}” förekommer två gånger.",
    ),
    "issuing.csv_too_many_rows": Message(
        en="Rows: at most {limit} learners can be issued at once; this has more.",
        sv="Rader: högst {limit} mottagare kan utfärdas på en gång; det här har fler.",
    ),
    "issuing.csv_no_rows": Message(
        en="Rows: there is no learner to issue to.",
        sv="Rader: det finns ingen mottagare att utfärda till.",
    ),
    "issuing.csv_extra_cells": Message(
        en="Rows: this row has {count} cells, more than the {columns} columns of the header.",
        sv="Rader: raden har {count} celler, fler än rubrikradens {columns} kolumner.",
    ),
    "issuing.duplicate_row": Message(
        en="Idempotency key: this row issues the same credential as row {row} (same learner, "
        "date and specification, or the same key).",
        sv="Idempotensnyckel: raden utfärdar samma merit som rad {row} (samma mottagare, datum "
        "och specifikation, eller samma nyckel).",
    ),
}

#: The states of an award, as the messages name them.
STATE_NAMES: Final[Mapping[str, Message]] = {
    "active": Message(en="valid", sv="giltig"),
    "suspended": Message(en="suspended", sv="tillfälligt spärrad"),
    "revoked": Message(en="revoked", sv="återkallad"),
}


class IssuingError(ServiceError):
    """A request to issue, revoke, suspend or reinstate that cannot be carried out."""

    default_code = "issuing.invalid_award"
    messages = MESSAGES

    def localise(self, value: object, language: str) -> object:
        """Return a parameter in ``language``; nested errors read as their messages."""
        if isinstance(value, tuple) and all(isinstance(item, IssuingError) for item in value):
            return " ".join(item.message(language) for item in value)
        return super().localise(value, language)

    def extra_params(self, params: Mapping[str, object], language: str) -> dict[str, object]:
        """Name the field by its label unless the message was given one."""
        field = self.field
        if field is not None and field in FIELD_LABELS and "label" not in params:
            return {"label": FIELD_LABELS[field].text(language)}
        return {}


class InvalidAwardError(IssuingError):
    """Every field error of one learner's input, so that all can be corrected at once."""

    default_code = "issuing.invalid_award"

    def __init__(self, errors: Sequence[IssuingError]) -> None:
        self.errors = tuple(errors)
        super().__init__("issuing.invalid_award", errors=self.errors)
