"""Crisis lines by country: who to call or text when things are hard, and the
emergency number. Data, not templates: every page that names a crisis line (the
footer, /help/, the plan's step 5, the guide, the PDFs, /offline/, 503.html) draws
it from here through ``shown_for`` (safety/templatetags/crisis_lines.py).

Each line and each emergency number names its source: the address of the page it
was checked against and the day it was read. To add a country, find its line on an
official page (its health ministry or the service itself), add a ``Country`` below
with that ``Source``, translate its strings into Spanish, and run
tests/safety/test_crisis_lines.py, which walks every entry.

A country with no entry here shows the international directory; a person whose
country is unknown (a visitor, a profile on UTC) sees the US lines, as before this
module existed, and the directory beside them.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The international directory the help page has always linked: free, confidential
# helplines in many countries (a link people follow, never a request of ours).
DIRECTORY_URL = "https://findahelpline.com/"

# The day the sources below were read, through stored copies of the pages.
READ_ON = date(2026, 12, 7)

# What shows when the country is unknown.
DEFAULT_COUNTRY = "US"


@dataclass(frozen=True)
class Source:
    url: str
    read_on: date
    # False where only a report of the service could be found (a news page quoting
    # the ministry): worth replacing with the service's own page when it is found.
    is_official: bool = True


@dataclass(frozen=True)
class Line:
    name: Promise
    number: str  # as people read it: "800 911 2000"
    action: Promise  # what to do, as a button or a sentence says it: "Call 024"
    purpose: Promise  # who it is for, in one sentence
    hours: Promise
    source: Source
    can_text: bool = False
    language_note: Promise | None = None  # in the page's language
    spanish_note: str = ""  # always in Spanish, for Spanish speakers in any language

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.number)

    @property
    def tel(self) -> str:
        return f"tel:{self.digits}"

    @property
    def sms(self) -> str:
        return f"sms:{self.digits}" if self.can_text else ""


@dataclass(frozen=True)
class Emergency:
    numbers: tuple[str, ...]
    source: Source

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """(number, tel: link) for each emergency number."""
        return tuple((number, f"tel:{number}") for number in self.numbers)


@dataclass(frozen=True)
class Country:
    code: str
    lines: tuple[Line, ...]
    emergency: Emergency


DAY_AND_NIGHT = _("Open 24 hours a day, every day.")

COUNTRIES = {
    country.code: country
    for country in (
        Country(
            "US",
            lines=(
                Line(
                    name=_("988 Suicide & Crisis Lifeline"),
                    number="988",
                    can_text=True,
                    action=_("Call or text 988"),
                    purpose=_(
                        "Free, confidential support from a trained counselor if you "
                        "are struggling, thinking about suicide, or worried about "
                        "someone."
                    ),
                    hours=DAY_AND_NIGHT,
                    spanish_note=(
                        "llama al 988 y marca 2, o envía AYUDA por mensaje de texto "
                        "al 988."
                    ),
                    source=Source(
                        "https://988lifeline.org/get-help/what-to-expect", READ_ON
                    ),
                ),
            ),
            emergency=Emergency(
                ("911",),
                Source(
                    "https://www.fcc.gov/consumers/guides/text-911-quick-facts-faqs",
                    READ_ON,
                ),
            ),
        ),
        Country(
            "CA",
            lines=(
                Line(
                    name=_("988 Suicide Crisis Helpline"),
                    number="988",
                    can_text=True,
                    action=pgettext_lazy("Canada", "Call or text 988"),
                    purpose=_(
                        "Support from a trained responder if you are thinking about "
                        "suicide or worried about someone."
                    ),
                    hours=DAY_AND_NIGHT,
                    language_note=_("In English and French."),
                    source=Source(
                        "https://www.canada.ca/en/services/health/stay-connected/"
                        "healthy-canadians-podcast/list/"
                        "988-part-one-about-canadas-suicide-crisis-helpline.html",
                        READ_ON,
                    ),
                ),
            ),
            emergency=Emergency(
                ("911",),
                Source(
                    "https://mentalhealthcommission.ca/catalyst/"
                    "988-launches-in-canada/",
                    READ_ON,
                ),
            ),
        ),
        Country(
            "MX",
            lines=(
                Line(
                    name=pgettext_lazy("crisis line", "Línea de la Vida"),
                    number="800 911 2000",
                    action=_("Call 800 911 2000"),
                    purpose=_(
                        "The Mexican government's free line for your mental health, "
                        "and for help with alcohol or drugs."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.eluniversal.com.mx/nacion/"
                        "promueven-la-linea-de-la-vida-tras-presentar-encuesta-"
                        "sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/",
                        READ_ON,
                        is_official=False,
                    ),
                ),
            ),
            emergency=Emergency(
                ("911",),
                Source(
                    "https://www.gob.mx/segob/prensa/conferencia-de-prensa-del-"
                    "secretario-ejecutivo-del-sistema-nacional-de-seguridad-"
                    "publica-alvaro-vizcaino-zamora",
                    READ_ON,
                ),
            ),
        ),
        Country(
            "ES",
            lines=(
                Line(
                    name=_("024, the line for suicidal thoughts"),
                    number="024",
                    action=_("Call 024"),
                    purpose=_(
                        "Free, confidential support from professionals if you are "
                        "thinking about suicide, and for the people close to you."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.rtve.es/noticias/20220509/"
                        "sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml",
                        READ_ON,
                        is_official=False,
                    ),
                ),
            ),
            emergency=Emergency(
                ("112",),
                Source(
                    "https://boe.es/buscar/doc.php?id=BOE-A-1997-14058&lang=es",
                    READ_ON,
                ),
            ),
        ),
        Country(
            "GB",
            lines=(
                Line(
                    name=pgettext_lazy("crisis line", "Samaritans"),
                    number="116 123",
                    action=_("Call Samaritans on 116 123"),
                    purpose=_(
                        "Someone to talk to about whatever you are going through. "
                        "Free from any phone."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
                        READ_ON,
                    ),
                ),
                Line(
                    name=_("NHS 111, mental health option"),
                    number="111",
                    action=_("Call 111"),
                    purpose=_(
                        "Urgent mental health help from the NHS: call 111 and choose "
                        "the mental health option."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.lpft.nhs.uk/contact-us/need-help-now", READ_ON
                    ),
                ),
            ),
            emergency=Emergency(
                ("999",),
                Source("https://www.lpft.nhs.uk/contact-us/need-help-now", READ_ON),
            ),
        ),
        Country(
            "IE",
            lines=(
                Line(
                    name=pgettext_lazy("crisis line", "Samaritans"),
                    number="116 123",
                    action=_("Call Samaritans on 116 123"),
                    purpose=_(
                        "Someone to talk to about whatever you are going through. "
                        "Free from any phone."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.oireachtas.ie/en/debates/question/2013-12-10/505/",
                        READ_ON,
                    ),
                ),
            ),
            emergency=Emergency(
                ("112", "999"),
                Source(
                    "https://www2.hse.ie/emergencies/when-to-call-112-or-999/",
                    READ_ON,
                ),
            ),
        ),
        Country(
            "AU",
            lines=(
                Line(
                    name=pgettext_lazy("crisis line", "Lifeline"),
                    number="13 11 14",
                    action=_("Call Lifeline on 13 11 14"),
                    purpose=_(
                        "Crisis support and suicide prevention from a trained crisis "
                        "supporter."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.lifeline.org.au/resources/"
                        "news-and-media-releases/media-releases/",
                        READ_ON,
                    ),
                ),
            ),
            emergency=Emergency(
                ("000",),
                Source("https://ambulance.qld.gov.au/calling-an-ambulance", READ_ON),
            ),
        ),
        Country(
            "NZ",
            lines=(
                Line(
                    name=_("Need to talk? 1737"),
                    number="1737",
                    can_text=True,
                    action=_("Call or text 1737"),
                    purpose=_(
                        "Free support from a trained counsellor, by phone or text."
                    ),
                    hours=DAY_AND_NIGHT,
                    source=Source(
                        "https://www.health.govt.nz/news-media/news-items/"
                        "phone-counselling-service-busy-following-christchurch-"
                        "tragedy",
                        READ_ON,
                    ),
                ),
            ),
            emergency=Emergency(
                ("111",),
                Source(
                    "https://www.govt.nz/browse/crime-and-justice/"
                    "crimes-and-emergencies/111-emergency-service/",
                    READ_ON,
                ),
            ),
        ),
    )
}


@dataclass(frozen=True)
class Shown:
    """What a page shows for a person's country.

    ``code`` is where they live ("" when unknown); ``country`` the lines shown (the
    US lines when unknown, None for a country with no entry here).
    """

    code: str
    country: Country | None

    @property
    def is_unknown(self) -> bool:
        return not self.code

    @property
    def has_lines(self) -> bool:
        return self.country is not None

    @property
    def first_line(self) -> Line | None:
        return self.country.lines[0] if self.country else None


def shown_for(code: str | None) -> Shown:
    """The lines for a country code (any case; "" or None when unknown)."""
    code = (code or "").strip().upper()
    if not code:
        return Shown("", COUNTRIES[DEFAULT_COUNTRY])
    return Shown(code, COUNTRIES.get(code))
