"""Texts for the status area: status list errors and the outcomes of status checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # The status list itself (bitstring_status_list.py, credential.py, allocation.py).
    "status.invalid_list": Message(
        en="The status list cannot be used.",
        sv="Statuslistan kan inte användas.",
    ),
    "status.list_too_short": Message(
        en="The status list has {entries} entries; at least {minimum} are required to protect "
        "the holders' privacy.",
        sv="Statuslistan har {entries} poster; minst {minimum} krävs för att skydda "
        "innehavarnas integritet.",
    ),
    "status.unaligned_length": Message(
        en="{length} entries of {size} bits do not fill whole bytes; choose a length that does.",
        sv="{length} poster på {size} bitar fyller inte hela byte; välj en längd som gör det.",
    ),
    "status.invalid_status_size": Message(
        en="A status size of {size} bits is not supported; it must be a whole number from 1 "
        "to {maximum}.",
        sv="En statusstorlek på {size} bitar stöds inte; den måste vara ett heltal från 1 "
        "till {maximum}.",
    ),
    "status.invalid_status": Message(
        en="The status {status} does not fit in {size} bits.",
        sv="Statusen {status} ryms inte i {size} bitar.",
    ),
    "status.invalid_index": Message(
        en="“{index}” is not a status list index; an index is a whole number from 0 up.",
        sv="”{index}” är inte ett index i en statuslista; ett index är ett heltal från 0 "
        "och uppåt.",
    ),
    "status.index_out_of_range": Message(
        en="Index {index} is outside the status list, which has {length} entries.",
        sv="Index {index} ligger utanför statuslistan, som har {length} poster.",
    ),
    "status.not_multibase": Message(
        en="The encoded status list must be multibase base64url text starting with “u”.",
        sv="Den kodade statuslistan måste vara multibase-text i base64url som börjar med ”u”.",
    ),
    "status.bad_base64": Message(
        en="The encoded status list is not valid base64url without padding.",
        sv="Den kodade statuslistan är inte giltig base64url utan utfyllnad.",
    ),
    "status.not_gzip": Message(
        en="The status list is not valid GZIP data.",
        sv="Statuslistan är inte giltig GZIP-data.",
    ),
    "status.truncated": Message(
        en="The compressed status list ends too early.",
        sv="Den komprimerade statuslistan tar slut för tidigt.",
    ),
    "status.too_large": Message(
        en="The status list would expand to more than {limit} bytes, so it was not unpacked.",
        sv="Statuslistan skulle packas upp till mer än {limit} byte och packades därför inte upp.",
    ),
    "status.unknown_purpose": Message(
        en="“{purpose}” is not a status purpose Meritpass issues (revocation, suspension, "
        "refresh or message).",
        sv="”{purpose}” är inte ett statussyfte som Meritpass utfärdar (revocation, suspension, "
        "refresh eller message).",
    ),
    "status.invalid_ttl": Message(
        en="The time to live must be a positive whole number of milliseconds, not {ttl}.",
        sv="Livslängden (ttl) måste vara ett positivt heltal millisekunder, inte {ttl}.",
    ),
    "status.messages_required": Message(
        en="A status entry of {size} bits needs exactly {count} status messages, one for each "
        "value.",
        sv="En statuspost på {size} bitar behöver exakt {count} statusmeddelanden, ett för "
        "varje värde.",
    ),
    "status.list_full": Message(
        en="The status list has {free} free entries, but {requested} were requested.",
        sv="Statuslistan har {free} lediga poster, men {requested} begärdes.",
    ),
    "status.bitmap_too_short": Message(
        en="The allocation bitmap has {bits} bits, fewer than the {length} entries of the list.",
        sv="Tilldelningsbitmappen har {bits} bitar, färre än listans {length} poster.",
    ),
    # Checking a credential's status entries (entry.py, validate.py): failures.
    "status.too_many_entries": Message(
        en="The credential has more than {limit} status entries, so none of them was checked.",
        sv="Intyget har fler än {limit} statusposter, så ingen av dem kontrollerades.",
    ),
    "status.malformed_entry": Message(
        en="In the credential's status entry, “{property}” is missing or invalid.",
        sv="I intygets statuspost saknas ”{property}” eller är ogiltigt.",
    ),
    "status.unsupported_type": Message(
        en="The status entry type “{type}” is not supported; only BitstringStatusListEntry is.",
        sv="Statusposttypen ”{type}” stöds inte; bara BitstringStatusListEntry stöds.",
    ),
    "status.list_unavailable": Message(
        en="The status list {url} could not be obtained, so the status is unknown.",
        sv="Statuslistan {url} kunde inte hämtas, så statusen är okänd.",
    ),
    "status.list_not_object": Message(
        en="What was obtained for the status list {url} is not a JSON object.",
        sv="Det som hämtades för statuslistan {url} är inte ett JSON-objekt.",
    ),
    "status.malformed_list": Message(
        en="In the status list credential {url}, “{property}” is missing or invalid.",
        sv="I statuslistintyget {url} saknas ”{property}” eller är ogiltigt.",
    ),
    "status.list_id_mismatch": Message(
        en="The status list obtained for {url} names itself “{id}”, so it is not the list the "
        "credential points at.",
        sv="Statuslistan som hämtades för {url} anger id:t ”{id}” och är alltså inte den lista "
        "som intyget pekar på.",
    ),
    "status.purpose_mismatch": Message(
        en="The status list {url} is not meant for the purpose “{purpose}” that the credential's "
        "status entry names.",
        sv="Statuslistan {url} är inte avsedd för syftet ”{purpose}” som intygets statuspost "
        "anger.",
    ),
    "status.list_not_yet_valid": Message(
        en="The status list {url} is not valid until {valid_from}.",
        sv="Statuslistan {url} är giltig först från {valid_from}.",
    ),
    "status.list_expired": Message(
        en="The status list {url} expired at {valid_until}; a current copy is needed.",
        sv="Statuslistan {url} gick ut {valid_until}; en aktuell version behövs.",
    ),
    # Checking a credential's status entries: the status that was read.
    "status.not_revoked": Message(
        en="The credential has not been revoked.",
        sv="Intyget har inte återkallats.",
    ),
    "status.revoked": Message(
        en="The credential has been revoked.",
        sv="Intyget har återkallats.",
    ),
    "status.not_suspended": Message(
        en="The credential is not suspended.",
        sv="Intyget är inte tillfälligt spärrat.",
    ),
    "status.suspended": Message(
        en="The credential is suspended.",
        sv="Intyget är tillfälligt spärrat.",
    ),
    "status.no_refresh": Message(
        en="No updated version of the credential has been announced.",
        sv="Ingen uppdaterad version av intyget har aviserats.",
    ),
    "status.refresh": Message(
        en="An updated version of the credential is available from its issuer.",
        sv="En uppdaterad version av intyget finns att hämta hos utfärdaren.",
    ),
    "status.message": Message(
        en="The credential has status {status} in its status list.",
        sv="Intyget har status {status} i sin statuslista.",
    ),
    "status.unset": Message(
        en="The status “{purpose}” is not set for the credential.",
        sv="Statusen ”{purpose}” är inte satt för intyget.",
    ),
    "status.set": Message(
        en="The status “{purpose}” is set for the credential.",
        sv="Statusen ”{purpose}” är satt för intyget.",
    ),
}
