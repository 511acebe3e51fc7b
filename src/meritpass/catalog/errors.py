"""Errors of the catalog services, with their texts in Swedish and English.

``CatalogError`` is an ``InputError`` of the one exception tree; its texts live here rather than in
the core's catalogue because they concern the Django side only. ``field`` names the form field the
error belongs to, so a form can show the message next to it. An
``IncompleteSpecificationError`` carries the core's list of missing Annex I elements, each with its
own bilingual message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from meritpass.core.messages import Message
from meritpass.site.errors import ServiceError

if TYPE_CHECKING:
    from meritpass.core.credentials.microcredential import MissingElement

MESSAGES: Final[Mapping[str, Message]] = {
    "catalog.incomplete": Message(
        en="The specification cannot be submitted while elements are missing: {missing}",
        sv="Specifikationen kan inte skickas in medan element saknas: {missing}",
    ),
    "catalog.not_draft": Message(
        en="Version {number} is {status}: its content can no longer change. Make a new version "
        "to change it.",
        sv="Version {number} är {status}: dess innehåll kan inte längre ändras. Skapa en ny "
        "version för att ändra den.",
    ),
    "catalog.wrong_status": Message(
        en="Version {number} is {status}; this needs a version that is {expected}.",
        sv="Version {number} är {status}; det här kräver en version som är {expected}.",
    ),
    "catalog.draft_exists": Message(
        en="Version {number} is already a draft; edit it instead of making another.",
        sv="Version {number} är redan ett utkast; redigera det i stället för att skapa ett till.",
    ),
    "catalog.content_invalid": Message(
        en="The content of a specification must be a JSON object.",
        sv="Innehållet i en specifikation måste vara ett JSON-objekt.",
    ),
    "catalog.not_reviewing_body": Message(
        en="Reviewing body: {name} is not an industry body recognised by an authority.",
        sv="Granskande organisation: {name} är ingen branschorganisation som en "
        "tillsynsmyndighet har erkänt.",
    ),
    "catalog.not_addressed": Message(
        en="This version was sent to another industry body for review.",
        sv="Den här versionen skickades till en annan branschorganisation för granskning.",
    ),
    "catalog.comment_required": Message(
        en="Comment: say why the specification is rejected.",
        sv="Kommentar: skriv varför specifikationen avslås.",
    ),
    "catalog.comment_empty": Message(
        en="Comment: write a comment.", sv="Kommentar: skriv en kommentar."
    ),
    "catalog.comment_too_long": Message(
        en="Comment: at most {limit} characters.", sv="Kommentar: högst {limit} tecken."
    ),
    "catalog.not_commentable": Message(
        en="A draft has no review yet; comments open when it is submitted.",
        sv="Ett utkast granskas inte än; kommentarer öppnar när det skickas in.",
    ),
    "catalog.unknown_skills": Message(
        en="Learning outcomes: these ESCO skills are not in the classification: {skills}",
        sv="Lärandemål: de här ESCO-kompetenserna finns inte i klassifikationen: {skills}",
    ),
    "catalog.not_provider": Message(
        en="Provider: {name} is not an education provider.",
        sv="Utbildningsanordnare: {name} är ingen utbildningsanordnare.",
    ),
    "catalog.not_accredited": Message(
        en="Provider: {name} has no current accreditation from an authority.",
        sv="Utbildningsanordnare: {name} har ingen gällande ackreditering från en "
        "tillsynsmyndighet.",
    ),
    "catalog.delegate_to_owner": Message(
        en="Provider: {name} owns the specification and needs no delegation.",
        sv="Utbildningsanordnare: {name} äger specifikationen och behöver ingen delegering.",
    ),
    "catalog.already_delegated": Message(
        en="Provider: {name} may already issue this specification.",
        sv="Utbildningsanordnare: {name} får redan utfärda den här specifikationen.",
    ),
    "catalog.delegation_revoked": Message(
        en="This delegation has already been withdrawn.",
        sv="Delegeringen är redan återkallad.",
    ),
    "catalog.not_recognised": Message(
        en="{name} has no current recognition from an authority and cannot approve.",
        sv="{name} har inget gällande erkännande från en tillsynsmyndighet och kan inte godkänna.",
    ),
}

STATUS_NAMES: Final[Mapping[str, Message]] = {
    "draft": Message(en="a draft", sv="ett utkast"),
    "submitted": Message(en="submitted for review", sv="inskickad för granskning"),
    "approved": Message(en="approved", sv="godkänd"),
    "rejected": Message(en="rejected", sv="avslagen"),
    "published": Message(en="published", sv="publicerad"),
    "retired": Message(en="retired", sv="tillbakadragen"),
}


class CatalogError(ServiceError):
    """A specification, review or delegation request that cannot be carried out."""

    default_code = "catalog.content_invalid"
    messages = MESSAGES

    def localise(self, value: object, language: str) -> object:
        """Return a parameter in ``language``; missing elements read as their requirements."""
        if isinstance(value, tuple) and value and all(hasattr(item, "element") for item in value):
            return " ".join(missing_text(item, language) for item in value)
        return super().localise(value, language)


class IncompleteSpecificationError(CatalogError):
    """A submission refused because Annex I elements are missing; ``missing`` lists them all."""

    default_code = "catalog.incomplete"

    def __init__(self, missing: Sequence[MissingElement]) -> None:
        self.missing = tuple(missing)
        super().__init__("catalog.incomplete", missing=self.missing)


def status_name(status: str) -> Message:
    """Return the lifecycle status as it reads in a sentence ("submitted for review")."""
    return STATUS_NAMES.get(status, Message(en=status, sv=status))


def missing_text(item: MissingElement, language: str) -> str:
    """Return what a missing element needs, followed by its Annex I number (M2…M11)."""
    text = item.message(language)
    return f"{text} ({item.element})" if item.element[:1] in {"M", "O"} else text
