"""Texts for levels and controlled vocabularies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "level.eqf_out_of_range": Message(
        en="The EQF level must be a whole number from 1 to 8, not {level}.",
        sv="EQF-nivån måste vara ett heltal från 1 till 8, inte {level}.",
    ),
    "level.seqf_out_of_range": Message(
        en="The SeQF level must be a whole number from 1 to 8, not {level}.",
        sv="SeQF-nivån måste vara ett heltal från 1 till 8, inte {level}.",
    ),
    "level.seqf_needs_decision": Message(
        en="SeQF level {level} can only be given with the reference of its placement decision.",
        sv="SeQF-nivå {level} kan bara anges tillsammans med referensen till beslutet om "
        "nivåplacering.",
    ),
    "vocabulary.unknown_term": Message(
        en="{uri} is not a value of the list “{vocabulary}”.",
        sv="{uri} är inget värde i listan ”{vocabulary}”.",
    ),
    "isced.unknown_field": Message(
        en="{code} is not an ISCED-F 2013 field of education.",
        sv="{code} är ingen utbildningsinriktning i ISCED-F 2013.",
    ),
}
