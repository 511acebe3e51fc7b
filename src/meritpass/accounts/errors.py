"""Errors of the accounts services, with their texts in Swedish and English.

``AccountsError`` is an ``InputError`` of the one exception tree; its texts live here rather than
in the core's catalogue because they concern the Django side only. ``field`` names the form field
the error belongs to, so a form can show the message next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message
from meritpass.site.errors import ServiceError

MESSAGES: Final[Mapping[str, Message]] = {
    "accounts.invalid_field": Message(en="{label}: {reason}", sv="{label}: {reason}"),
    "accounts.no_roles": Message(
        en="Roles: choose at least one role.", sv="Roller: välj minst en roll."
    ),
    "accounts.role_not_offered": Message(
        en="Roles: an organisation of this kind has no role “{role}”.",
        sv="Roller: en organisation av det här slaget har ingen roll ”{role}”.",
    ),
    "accounts.last_admin": Message(
        en="The last administrator cannot be removed: make someone else administrator first.",
        sv="Den sista administratören kan inte tas bort: gör någon annan till administratör först.",
    ),
    "accounts.not_a_member": Message(
        en="This role does not belong to the organisation.",
        sv="Rollen hör inte till organisationen.",
    ),
    "accounts.invitation_unknown": Message(
        en="This invitation link is not valid. Check that you copied the whole link.",
        sv="Inbjudningslänken är inte giltig. Kontrollera att du kopierade hela länken.",
    ),
    "accounts.invitation_used": Message(
        en="This invitation has already been used. Log in to reach the organisation, or ask its "
        "administrator for a new invitation.",
        sv="Inbjudan har redan använts. Logga in för att nå organisationen, eller be dess "
        "administratör om en ny inbjudan.",
    ),
    "accounts.invitation_expired": Message(
        en="This invitation has expired. Ask the organisation's administrator for a new one.",
        sv="Inbjudan har gått ut. Be organisationens administratör om en ny.",
    ),
    "accounts.invitation_wrong_email": Message(
        en="This invitation was sent to another email address. Log in with the address it was "
        "sent to.",
        sv="Inbjudan skickades till en annan e-postadress. Logga in med den adress den "
        "skickades till.",
    ),
    "accounts.email_taken": Message(
        en="Email address: an account with this address already exists. Log in instead.",
        sv="E-postadress: det finns redan ett konto med den här adressen. Logga in i stället.",
    ),
    "accounts.token_unknown": Message(
        en="This API token does not exist.", sv="API-nyckeln finns inte."
    ),
    "accounts.token_revoked": Message(
        en="This API token has already been revoked.", sv="API-nyckeln är redan återkallad."
    ),
}


class AccountsError(ServiceError):
    """A request about people, organisations, invitations or tokens that cannot be carried out."""

    default_code = "accounts.invalid_field"
    messages = MESSAGES
