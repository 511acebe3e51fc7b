"""ISCED-F 2013: the fields of education and training (UNESCO Institute for Statistics, 2014).

Eleven broad fields (two digits), narrow fields (three digits) and detailed fields (four digits).
A longer code always extends its parent's code, so a scope of fields is a set of prefixes: ``07``
covers ``071`` and ``0715``. The English names are those of ISCED-F 2013. The Swedish names follow
SCB's Svensk utbildningsnomenklatur (SUN 2020, whose *inriktning* is built on ISCED-F 2013) where
we knew them, and are otherwise faithful translations; compare with SUN 2020 before quoting them
in official statistics. Europass publishes the fields as ``http://data.europa.eu/snb/isced-f/<code>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from meritpass.core.errors import InputError
from meritpass.core.messages import Message

URI_PREFIX: Final = "http://data.europa.eu/snb/isced-f/"
SCHEME: Final = "http://data.europa.eu/snb/isced-f/25831c2"
_LEVELS: Final = {2: "broad", 3: "narrow", 4: "detailed"}


@dataclass(frozen=True, slots=True)
class Field:
    """One field of education: its code and its name in both languages."""

    code: str
    name: Message

    @property
    def level(self) -> str:
        """Return ``"broad"``, ``"narrow"`` or ``"detailed"``."""
        return _LEVELS[len(self.code)]

    @property
    def uri(self) -> str:
        return URI_PREFIX + self.code

    @property
    def parent(self) -> str | None:
        """Return the code of the enclosing field, or None for a broad field."""
        return None if len(self.code) == 2 else self.code[:-1]


# (code, English, Swedish) of the broad fields, with the phrase their inter-disciplinary field uses.
_BROAD: Final = (
    ("00", "Generic programmes and qualifications", "Generella utbildningar och kvalifikationer"),
    ("01", "Education", "Pedagogik och lärarutbildning"),
    ("02", "Arts and humanities", "Humaniora och konst"),
    (
        "03",
        "Social sciences, journalism and information",
        "Samhällsvetenskap, journalistik och information",
    ),
    ("04", "Business, administration and law", "Företagsekonomi, administration och juridik"),
    (
        "05",
        "Natural sciences, mathematics and statistics",
        "Naturvetenskap, matematik och statistik",
    ),
    (
        "06",
        "Information and Communication Technologies (ICTs)",
        "Informations- och kommunikationsteknik (IKT)",
    ),
    (
        "07",
        "Engineering, manufacturing and construction",
        "Teknik, tillverkning och byggverksamhet",
    ),
    (
        "08",
        "Agriculture, forestry, fisheries and veterinary",
        "Lantbruk, skogsbruk, fiske och djursjukvård",
    ),
    ("09", "Health and welfare", "Hälso- och sjukvård samt social omsorg"),
    ("10", "Services", "Tjänster"),
    ("99", "Field unknown", "Okänd inriktning"),
)

_INTERDISCIPLINARY: Final = {
    "01": ("education", "pedagogik och lärarutbildning"),
    "02": ("arts and humanities", "humaniora och konst"),
    "03": (
        "social sciences, journalism and information",
        "samhällsvetenskap, journalistik och information",
    ),
    "04": ("business, administration and law", "företagsekonomi, administration och juridik"),
    "05": (
        "natural sciences, mathematics and statistics",
        "naturvetenskap, matematik och statistik",
    ),
    "06": (
        "Information and Communication Technologies (ICTs)",
        "informations- och kommunikationsteknik (IKT)",
    ),
    "07": (
        "engineering, manufacturing and construction",
        "teknik, tillverkning och byggverksamhet",
    ),
    "08": (
        "agriculture, forestry, fisheries and veterinary",
        "lantbruk, skogsbruk, fiske och djursjukvård",
    ),
    "09": ("health and welfare", "hälso- och sjukvård samt social omsorg"),
    "10": ("services", "tjänster"),
}

#: Broad fields with "not further defined" (x0, x00) and "not elsewhere classified" (x9, x99).
_BROAD_WITH_GENERIC: Final = frozenset({"00", "02", "03", "04", "05", "07", "08", "09", "10"})

_NARROW: Final = (
    (
        "001",
        "Basic programmes and qualifications",
        "Grundläggande utbildningar och kvalifikationer",
    ),
    ("002", "Literacy and numeracy", "Läs-, skriv- och räknefärdighet"),
    ("003", "Personal skills and development", "Personliga färdigheter och personlig utveckling"),
    ("011", "Education", "Pedagogik och lärarutbildning"),
    ("021", "Arts", "Konst"),
    ("022", "Humanities (except languages)", "Humaniora (utom språk)"),
    ("023", "Languages", "Språk"),
    ("031", "Social and behavioural sciences", "Samhälls- och beteendevetenskap"),
    ("032", "Journalism and information", "Journalistik och information"),
    ("041", "Business and administration", "Företagsekonomi och administration"),
    ("042", "Law", "Juridik"),
    ("051", "Biological and related sciences", "Biologi och närliggande vetenskaper"),
    ("052", "Environment", "Miljö"),
    ("053", "Physical sciences", "Fysik, kemi och geovetenskap"),
    ("054", "Mathematics and statistics", "Matematik och statistik"),
    (
        "061",
        "Information and Communication Technologies (ICTs)",
        "Informations- och kommunikationsteknik (IKT)",
    ),
    ("071", "Engineering and engineering trades", "Teknik och teknisk industri"),
    ("072", "Manufacturing and processing", "Tillverkning och bearbetning"),
    ("073", "Architecture and construction", "Arkitektur och byggverksamhet"),
    ("081", "Agriculture", "Lantbruk"),
    ("082", "Forestry", "Skogsbruk"),
    ("083", "Fisheries", "Fiske"),
    ("084", "Veterinary", "Djursjukvård"),
    ("091", "Health", "Hälso- och sjukvård"),
    ("092", "Welfare", "Social omsorg"),
    ("101", "Personal services", "Personliga tjänster"),
    ("102", "Hygiene and occupational health services", "Hygien och arbetsmiljö"),
    ("103", "Security services", "Säkerhetstjänster"),
    ("104", "Transport services", "Transporttjänster"),
)

#: Narrow fields with a "not further defined" detailed field (xx0); most also have xx9.
_NARROW_WITH_UNDEFINED: Final = frozenset(
    {
        "011", "021", "022", "023", "031", "032", "041", "051", "052", "053", "054", "061",
        "071", "072", "073", "081", "091", "092", "101", "102", "103",
    }
)  # fmt: skip
_NARROW_WITHOUT_OTHER: Final = frozenset({"054", "073"})

_DETAILED: Final = (
    (
        "0011",
        "Basic programmes and qualifications",
        "Grundläggande utbildningar och kvalifikationer",
    ),
    ("0021", "Literacy and numeracy", "Läs-, skriv- och räknefärdighet"),
    ("0031", "Personal skills and development", "Personliga färdigheter och personlig utveckling"),
    ("0111", "Education science", "Pedagogik"),
    ("0112", "Training for pre-school teachers", "Förskollärarutbildning"),
    (
        "0113",
        "Teacher training without subject specialisation",
        "Lärarutbildning utan ämnesspecialisering",
    ),
    (
        "0114",
        "Teacher training with subject specialisation",
        "Lärarutbildning med ämnesspecialisering",
    ),
    (
        "0211",
        "Audio-visual techniques and media production",
        "Audiovisuell teknik och medieproduktion",
    ),
    ("0212", "Fashion, interior and industrial design", "Mode-, inrednings- och industridesign"),
    ("0213", "Fine arts", "Fri konst"),
    ("0214", "Handicrafts", "Konsthantverk"),
    ("0215", "Music and performing arts", "Musik och scenkonst"),
    ("0221", "Religion and theology", "Religion och teologi"),
    ("0222", "History and archaeology", "Historia och arkeologi"),
    ("0223", "Philosophy and ethics", "Filosofi och etik"),
    ("0231", "Language acquisition", "Språkinlärning"),
    ("0232", "Literature and linguistics", "Litteraturvetenskap och lingvistik"),
    ("0311", "Economics", "Nationalekonomi"),
    ("0312", "Political sciences and civics", "Statsvetenskap och samhällskunskap"),
    ("0313", "Psychology", "Psykologi"),
    ("0314", "Sociology and cultural studies", "Sociologi och kulturvetenskap"),
    ("0321", "Journalism and reporting", "Journalistik"),
    (
        "0322",
        "Library, information and archival studies",
        "Biblioteks-, informations- och arkivvetenskap",
    ),
    ("0411", "Accounting and taxation", "Redovisning och beskattning"),
    ("0412", "Finance, banking and insurance", "Finans, bank och försäkring"),
    ("0413", "Management and administration", "Ledning och administration"),
    ("0414", "Marketing and advertising", "Marknadsföring och reklam"),
    ("0415", "Secretarial and office work", "Sekreterar- och kontorsarbete"),
    ("0416", "Wholesale and retail sales", "Parti- och detaljhandel"),
    ("0417", "Work skills", "Arbetslivsfärdigheter"),
    ("0421", "Law", "Juridik"),
    ("0511", "Biology", "Biologi"),
    ("0512", "Biochemistry", "Biokemi"),
    ("0521", "Environmental sciences", "Miljövetenskap"),
    ("0522", "Natural environments and wildlife", "Naturmiljö och vilda djur"),
    ("0531", "Chemistry", "Kemi"),
    ("0532", "Earth sciences", "Geovetenskap"),
    ("0533", "Physics", "Fysik"),
    ("0541", "Mathematics", "Matematik"),
    ("0542", "Statistics", "Statistik"),
    ("0611", "Computer use", "Datoranvändning"),
    (
        "0612",
        "Database and network design and administration",
        "Design och administration av databaser och nätverk",
    ),
    (
        "0613",
        "Software and applications development and analysis",
        "Utveckling och analys av programvara och applikationer",
    ),
    ("0711", "Chemical engineering and processes", "Kemiteknik och kemiska processer"),
    ("0712", "Environmental protection technology", "Miljöskyddsteknik"),
    ("0713", "Electricity and energy", "Elektricitet och energi"),
    ("0714", "Electronics and automation", "Elektronik och automation"),
    ("0715", "Mechanics and metal trades", "Maskinteknik och metallarbete"),
    ("0716", "Motor vehicles, ships and aircraft", "Motorfordon, fartyg och flygplan"),
    ("0721", "Food processing", "Livsmedelsframställning"),
    (
        "0722",
        "Materials (glass, paper, plastic and wood)",
        "Material (glas, papper, plast och trä)",
    ),
    ("0723", "Textiles (clothes, footwear and leather)", "Textil (kläder, skor och läder)"),
    ("0724", "Mining and extraction", "Gruvdrift och utvinning"),
    ("0731", "Architecture and town planning", "Arkitektur och samhällsplanering"),
    ("0732", "Building and civil engineering", "Husbyggnad och anläggning"),
    ("0811", "Crop and livestock production", "Växtodling och djurhållning"),
    ("0812", "Horticulture", "Trädgårdsodling"),
    ("0821", "Forestry", "Skogsbruk"),
    ("0831", "Fisheries", "Fiske"),
    ("0841", "Veterinary", "Djursjukvård"),
    ("0911", "Dental studies", "Tandvård"),
    ("0912", "Medicine", "Medicin"),
    ("0913", "Nursing and midwifery", "Omvårdnad och barnmorskeverksamhet"),
    (
        "0914",
        "Medical diagnostic and treatment technology",
        "Medicinsk diagnostik och behandlingsteknik",
    ),
    ("0915", "Therapy and rehabilitation", "Terapi och rehabilitering"),
    ("0916", "Pharmacy", "Farmaci"),
    (
        "0917",
        "Traditional and complementary medicine and therapy",
        "Traditionell och komplementär medicin och terapi",
    ),
    (
        "0921",
        "Care of the elderly and of disabled adults",
        "Omsorg om äldre och vuxna med funktionsnedsättning",
    ),
    ("0922", "Child care and youth services", "Barnomsorg och ungdomsverksamhet"),
    ("0923", "Social work and counselling", "Socialt arbete och rådgivning"),
    ("1011", "Domestic services", "Hushållstjänster"),
    ("1012", "Hair and beauty services", "Hår- och skönhetsvård"),
    ("1013", "Hotel, restaurants and catering", "Hotell, restaurang och storhushåll"),
    ("1014", "Sports", "Idrott"),
    ("1015", "Travel, tourism and leisure", "Resor, turism och fritid"),
    ("1021", "Community sanitation", "Renhållning och sanitet"),
    ("1022", "Occupational health and safety", "Arbetsmiljö och arbetarskydd"),
    ("1031", "Military and defence", "Militär verksamhet och försvar"),
    ("1032", "Protection of persons and property", "Skydd av person och egendom"),
    ("1041", "Transport services", "Transporttjänster"),
    ("9999", "Field unknown", "Okänd inriktning"),
)


def _not_further_defined(code: str, name: Message) -> Field:
    return Field(
        code,
        Message(
            en=f"{name.en} not further defined",
            sv=f"{name.sv}, ej närmare angiven inriktning",
        ),
    )


def _not_elsewhere_classified(code: str, name: Message) -> Field:
    return Field(
        code,
        Message(en=f"{name.en} not elsewhere classified", sv=f"{name.sv}, övrig inriktning"),
    )


def _interdisciplinary(code: str, broad: str) -> Field:
    english, swedish = _INTERDISCIPLINARY[broad]
    return Field(
        code,
        Message(
            en=f"Inter-disciplinary programmes and qualifications involving {english}",
            sv=f"Tvärvetenskapliga utbildningar och kvalifikationer inom {swedish}",
        ),
    )


def _generated() -> Iterator[Field]:
    """Yield the fields named by rule: not further defined, elsewhere, inter-disciplinary."""
    for code, english, swedish in _BROAD:
        name = Message(en=english, sv=swedish)
        if code in _BROAD_WITH_GENERIC:
            for narrow, detailed in ((code + "0", code + "00"), (code + "9", code + "99")):
                make = _not_further_defined if narrow.endswith("0") else _not_elsewhere_classified
                yield make(narrow, name)
                yield make(detailed, name)
        if code in _INTERDISCIPLINARY:
            yield _interdisciplinary(code + "8", code)
            yield _interdisciplinary(code + "88", code)
    for code, english, swedish in _NARROW:
        name = Message(en=english, sv=swedish)
        if code in _NARROW_WITH_UNDEFINED:
            yield _not_further_defined(code + "0", name)
            if code not in _NARROW_WITHOUT_OTHER:
                yield _not_elsewhere_classified(code + "9", name)


def _table() -> Mapping[str, Field]:
    listed = (
        Field(code, Message(en=english, sv=swedish))
        for code, english, swedish in (*_BROAD, *_NARROW, *_DETAILED)
    )
    fields = {item.code: item for item in (*listed, *_generated())}
    fields["999"] = Field("999", fields["99"].name)
    return MappingProxyType(dict(sorted(fields.items())))


#: Every field of ISCED-F 2013 by code, in code order.
FIELDS: Final = _table()


def field(code: object) -> Field:
    """Return the field ``code`` (2, 3 or 4 digits), or raise naming the code."""
    found = FIELDS.get(code) if isinstance(code, str) else None
    if found is None:
        raise InputError("isced.unknown_field", code=code)
    return found


def field_from_uri(uri: object) -> Field:
    """Return the field a Europass ISCED-F URI names, or raise naming the URI."""
    if not isinstance(uri, str) or not uri.startswith(URI_PREFIX):
        raise InputError("isced.unknown_field", code=uri)
    return field(uri.removeprefix(URI_PREFIX))


def is_field(code: object) -> bool:
    """Tell whether ``code`` is an ISCED-F 2013 field."""
    return isinstance(code, str) and code in FIELDS


def covers(scope_code: str, code: str) -> bool:
    """Tell whether the field ``scope_code`` includes the field ``code`` (itself or a sub-field)."""
    return is_field(scope_code) and is_field(code) and code.startswith(scope_code)


def children(code: str | None = None) -> tuple[Field, ...]:
    """Return the fields directly under ``code``, or the broad fields when ``code`` is None."""
    return tuple(item for item in FIELDS.values() if item.parent == code)
