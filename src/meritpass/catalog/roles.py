"""Who acts for a specification's owner, and organisation names as they appear in messages."""

from __future__ import annotations

from typing import Final

from meritpass.accounts.models import Organisation, Role
from meritpass.core.messages import Message

#: Who writes, submits, publishes and delegates for the owner.
AUTHORING_ROLES: Final = (Role.AUTHOR, Role.ADMIN)


def message_name(organisation: Organisation) -> Message:
    """Return the organisation's name in both languages, for an error message."""
    return Message(en=organisation.name("en"), sv=organisation.name("sv"))
