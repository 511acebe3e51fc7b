"""Errors of the registry services, with their texts in Swedish and English.

``RegistryError`` is an ``InputError`` of the one exception tree; its texts live here rather than in
the core's catalogue because they concern the Django side only. ``field`` names the form field the
error belongs to (``eqf_levels``, ``fields``, ``sectors``, ``valid_from``, ``valid_until``,
``decision``), so a form can show the message next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message
from meritpass.site.errors import ServiceError

MESSAGES: Final[Mapping[str, Message]] = {
    "registry.not_authority": Message(
        en="Only an authority can accredit providers, recognise industry bodies or publish a "
        "trust list.",
        sv="Bara en tillsynsmyndighet kan ackreditera utbildningsanordnare, erkänna "
        "branschorganisationer eller publicera en förtroendelista.",
    ),
    "registry.not_provider": Message(
        en="Only an education provider can be accredited; {name} is not one.",
        sv="Bara en utbildningsanordnare kan ackrediteras; {name} är ingen.",
    ),
    "registry.not_industry_body": Message(
        en="Only an industry body can be recognised; {name} is not one.",
        sv="Bara en branschorganisation kan erkännas; {name} är ingen.",
    ),
    "registry.other_authority": Message(
        en="This decision was made by another authority; only that authority can withdraw it.",
        sv="Beslutet fattades av en annan myndighet; bara den kan återkalla det.",
    ),
    "registry.already_withdrawn": Message(
        en="This decision has already been withdrawn.",
        sv="Beslutet är redan återkallat.",
    ),
    "registry.eqf_levels_missing": Message(
        en="EQF levels: choose at least one level.",
        sv="EQF-nivåer: välj minst en nivå.",
    ),
    "registry.eqf_level_invalid": Message(
        en="EQF levels: “{value}” is not a level; the levels are 1 to 8.",
        sv="EQF-nivåer: ”{value}” är ingen nivå; nivåerna är 1 till 8.",
    ),
    "registry.fields_missing": Message(
        en="Fields of education: choose at least one field.",
        sv="Utbildningsinriktningar: välj minst en inriktning.",
    ),
    "registry.field_invalid": Message(
        en="Fields of education: “{value}” is not an ISCED-F 2013 field.",
        sv="Utbildningsinriktningar: ”{value}” är ingen inriktning i ISCED-F 2013.",
    ),
    "registry.sectors_missing": Message(
        en="Sectors: choose at least one field in which the body approves specifications.",
        sv="Sektorer: välj minst en inriktning där organisationen godkänner specifikationer.",
    ),
    "registry.sector_invalid": Message(
        en="Sectors: “{value}” is not an ISCED-F 2013 field.",
        sv="Sektorer: ”{value}” är ingen inriktning i ISCED-F 2013.",
    ),
    "registry.valid_until_missing": Message(
        en="Valid until: an accreditation needs an end date.",
        sv="Giltig till: en ackreditering behöver ett slutdatum.",
    ),
    "registry.period_invalid": Message(
        en="Valid until: the end of the period must come after its start.",
        sv="Giltig till: periodens slut måste komma efter dess början.",
    ),
    "registry.decision_missing": Message(
        en="Decision reference: give the reference of the authority's decision.",
        sv="Beslutsreferens: ange referensen till myndighetens beslut.",
    ),
    "registry.decision_too_long": Message(
        en="Decision reference: at most {limit} characters.",
        sv="Beslutsreferens: högst {limit} tecken.",
    ),
}


class RegistryError(ServiceError):
    """An accreditation, recognition or trust list that cannot be made as asked."""

    default_code = "registry.not_authority"
    messages = MESSAGES
