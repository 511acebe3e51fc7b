"""Texts for specifications (Annex I elements) and the credentials built from them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    # A specification that cannot be read (every one names the field as a JSON path).
    "specification.invalid": Message(
        en="The specification cannot be used.",
        sv="Specifikationen kan inte användas.",
    ),
    "specification.not_object": Message(
        en="“{field}” must be an object.",
        sv="”{field}” måste vara ett objekt.",
    ),
    "specification.unknown_field": Message(
        en="“{field}” is not part of a micro-credential specification.",
        sv="”{field}” ingår inte i en specifikation av en mikromerit.",
    ),
    "specification.missing_field": Message(
        en="“{field}” is required.",
        sv="”{field}” måste anges.",
    ),
    "specification.not_text": Message(
        en="“{field}” must be text.",
        sv="”{field}” måste vara text.",
    ),
    "specification.text_required": Message(
        en="“{field}” needs a text in both Swedish and English.",
        sv="”{field}” behöver en text på både svenska och engelska.",
    ),
    "specification.too_long": Message(
        en="“{field}” is longer than {limit} characters.",
        sv="”{field}” är längre än {limit} tecken.",
    ),
    "specification.not_list": Message(
        en="“{field}” must be a list.",
        sv="”{field}” måste vara en lista.",
    ),
    "specification.empty_list": Message(
        en="“{field}” needs at least one entry.",
        sv="”{field}” behöver minst en post.",
    ),
    "specification.too_many": Message(
        en="“{field}” may have at most {limit} entries.",
        sv="”{field}” får ha högst {limit} poster.",
    ),
    "specification.duplicate": Message(
        en="“{field}” repeats the value {value}.",
        sv="”{field}” upprepar värdet {value}.",
    ),
    "specification.not_esco_skill": Message(
        en="“{field}” must be the URI of an ESCO skill (http://data.europa.eu/esco/skill/…).",
        sv="”{field}” måste vara URI:n för en ESCO-färdighet (http://data.europa.eu/esco/skill/…).",
    ),
    "specification.eqf_level": Message(
        en="“{field}” must be an EQF level, a whole number from 1 to 8.",
        sv="”{field}” måste vara en EQF-nivå, ett heltal från 1 till 8.",
    ),
    "specification.seqf_level": Message(
        en="“{field}” must be a SeQF level, a whole number from 1 to 8.",
        sv="”{field}” måste vara en SeQF-nivå, ett heltal från 1 till 8.",
    ),
    "specification.seqf_decision": Message(
        en="“{field}”: a SeQF level can only be given with the reference of its placement "
        "decision.",
        sv="”{field}”: en SeQF-nivå kan bara anges tillsammans med referensen till beslutet om "
        "nivåplacering.",
    ),
    "specification.seqf_mismatch": Message(
        en="“{field}”: the SeQF level must equal the EQF level ({eqf}), as SeQF is referenced "
        "one to one to EQF.",
        sv="”{field}”: SeQF-nivån måste vara samma som EQF-nivån ({eqf}), eftersom SeQF är "
        "relaterad nivå för nivå till EQF.",
    ),
    "specification.ects": Message(
        en="“{field}” must be a positive number of ECTS credits with at most two decimals.",
        sv="”{field}” måste vara ett positivt antal ECTS-poäng med högst två decimaler.",
    ),
    "specification.hours": Message(
        en="“{field}” must be a positive whole number of hours.",
        sv="”{field}” måste vara ett positivt heltal timmar.",
    ),
    "specification.workload_missing": Message(
        en="“{field}”: give the workload in ECTS credits, in hours, or both.",
        sv="”{field}”: ange arbetsbelastningen i ECTS-poäng, i timmar eller båda.",
    ),
    "specification.unknown_term": Message(
        en="“{field}”: {value} is not a value of the list “{vocabulary}”.",
        sv="”{field}”: {value} är inget värde i listan ”{vocabulary}”.",
    ),
    "specification.field_of_education": Message(
        en="“{field}”: {value} is not an ISCED-F 2013 field of education.",
        sv="”{field}”: {value} är ingen utbildningsinriktning i ISCED-F 2013.",
    ),
    "specification.language": Message(
        en="“{field}” must be “sv” or “en”.",
        sv="”{field}” måste vara ”sv” eller ”en”.",
    ),
    "specification.homepage": Message(
        en="“{field}” must be a web address that starts with https:// or http://.",
        sv="”{field}” måste vara en webbadress som börjar med https:// eller http://.",
    ),
    "specification.not_json": Message(
        en="The specification cannot be written as canonical JSON (RFC 8785).",
        sv="Specifikationen kan inte skrivas som kanonisk JSON (RFC 8785).",
    ),
    # The Annex I elements a draft still lacks.
    "element.title": Message(
        en="Title: in Swedish and English, at most 200 characters.",
        sv="Titel: på svenska och engelska, högst 200 tecken.",
    ),
    "element.country": Message(
        en="Country of the issuer: the awarding organisation needs a country (ISO 3166 code).",
        sv="Utfärdarens land: den utfärdande organisationen behöver ett land (ISO 3166-kod).",
    ),
    "element.learning_outcomes": Message(
        en="Learning outcomes: at least one outcome, in Swedish and English, each linked to an "
        "ESCO skill.",
        sv="Läranderesultat: minst ett resultat, på svenska och engelska, vart och ett kopplat "
        "till en ESCO-färdighet.",
    ),
    "element.workload": Message(
        en="Notional workload: ECTS credits, hours, or both.",
        sv="Beräknad arbetsbelastning: ECTS-poäng, timmar eller båda.",
    ),
    "element.level": Message(
        en="Level: an EQF level from 1 to 8 (a SeQF level only with its placement decision).",
        sv="Nivå: en EQF-nivå från 1 till 8 (en SeQF-nivå bara med beslutet om nivåplacering).",
    ),
    "element.assessment": Message(
        en="Type of assessment: a value from the list.",
        sv="Typ av bedömning: ett värde ur listan.",
    ),
    "element.participation": Message(
        en="Form of participation: a value from the list.",
        sv="Deltagandeform: ett värde ur listan.",
    ),
    "element.quality_assurance": Message(
        en="Type of quality assurance: a value from the list.",
        sv="Typ av kvalitetssäkring: ett värde ur listan.",
    ),
    "element.field_of_education": Message(
        en="Field of education: an ISCED-F 2013 field.",
        sv="Utbildningsinriktning: en inriktning enligt ISCED-F 2013.",
    ),
    # Building credentials.
    "credential.invalid": Message(
        en="The credential cannot be built.",
        sv="Intyget kan inte byggas.",
    ),
    "credential.not_absolute": Message(
        en="“{field}” must be an absolute URI or DID, not “{value}”.",
        sv="”{field}” måste vara en absolut URI eller DID, inte ”{value}”.",
    ),
    "credential.no_grading": Message(
        en="A grade was given, but the specification has no grading scheme.",
        sv="Ett betyg angavs, men specifikationen har ingen betygsskala.",
    ),
    "credential.grade_not_allowed": Message(
        en="The grade “{grade}” is not one of the grades of the specification ({allowed}).",
        sv="Betyget ”{grade}” är inte ett av specifikationens betyg ({allowed}).",
    ),
    "credential.missing_skill_label": Message(
        en="The ESCO skill {skill} has no label in the requested language.",
        sv="ESCO-färdigheten {skill} saknar benämning på det begärda språket.",
    ),
    "credential.no_email": Message(
        en="The learner's email address is missing.",
        sv="Mottagarens e-postadress saknas.",
    ),
    "credential.empty_scope": Message(
        en="An accreditation needs at least one EQF level and one field of education.",
        sv="En ackreditering behöver minst en EQF-nivå och en utbildningsinriktning.",
    ),
    "credential.period_reversed": Message(
        en="The end of the validity period must come after its start.",
        sv="Giltighetstidens slut måste komma efter dess början.",
    ),
}
