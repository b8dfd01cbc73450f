"""The safety plan's steps: the six of the Stanley–Brown plan and reasons for living.

Defined once, for the form, the pages, the PDF, the export and the copy a device
keeps. Each step says what it is for in one warm sentence and offers examples to
start from. Step 6 asks only what the person will do: it never names an object or
a method, here or anywhere else.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LINES = "lines"
CONTACTS = "contacts"

MAX_LINES = 10
MAX_LINE_LENGTH = 200
MAX_NAME_LENGTH = 60
MAX_PHONE_LENGTH = 25


@dataclass(frozen=True)
class Step:
    key: str
    number: int | None  # None for reasons for living, which has no number
    kind: str
    title: str
    explanation: str
    examples: tuple[str, ...]
    rows: int = 0  # contacts only: how many name-and-number rows the form offers

    @property
    def is_contacts(self) -> bool:
        return self.kind == CONTACTS


STEPS = (
    Step(
        key="warning_signs",
        number=1,
        kind=LINES,
        title=_("My warning signs"),
        explanation=_(
            "The thoughts, feelings or moments that tell you a hard time may be "
            "starting, so you can reach for this plan early."
        ),
        examples=(
            _("I stop answering messages"),
            _("I can't sleep"),
            _("I feel numb or far away"),
            _("My thoughts start racing"),
            _("I want to be alone all the time"),
        ),
    ),
    Step(
        key="coping_strategies",
        number=2,
        kind=LINES,
        title=_("Things I can do on my own to take my mind off it"),
        explanation=_(
            "Small things that have helped you through a hard moment before, "
            "without needing anyone else."
        ),
        examples=(
            _("Take a warm shower"),
            _("Go for a walk"),
            _("Listen to a song I love"),
            _("Breathe out slowly, longer than in"),
            _("Hold a warm cup of tea"),
            _("Write a few lines in my journal"),
        ),
    ),
    Step(
        key="people_and_places",
        number=3,
        kind=LINES,
        title=_("People and places that help me feel better"),
        explanation=_(
            "Being around others, even without talking about how you feel, can "
            "ease a hard moment."
        ),
        examples=(
            _("A café or library where people are around"),
            _("A park"),
            _("Calling a friend just to chat"),
            _("Visiting family"),
            _("A community group or place of worship"),
        ),
    ),
    Step(
        key="contacts",
        number=4,
        kind=CONTACTS,
        title=_("People I can ask for help"),
        explanation=_(
            "People you trust to talk to when things get hard: a tap on their "
            "number calls or texts them."
        ),
        examples=(
            _("A close friend"),
            _("My sister or brother"),
            _("My partner"),
            _("A neighbour I trust"),
        ),
        rows=5,
    ),
    Step(
        key="professionals",
        number=5,
        kind=CONTACTS,
        title=_("Professionals and crisis lines I can contact"),
        explanation=_(
            "Your therapist or another professional you can reach. The crisis line "
            "where you live is always here too."
        ),
        examples=(
            _("My therapist"),
            _("My doctor"),
            _("My clinic's after-hours line"),
        ),
        rows=3,
    ),
    Step(
        key="safer_surroundings",
        number=6,
        kind=LINES,
        title=_("Making my surroundings safer"),
        explanation=_(
            "What you will do to make where you are feel safer while things are hard."
        ),
        examples=(
            _("Ask someone I trust to keep things for me for a while"),
            _("Go somewhere I feel safe"),
            _("Ask someone to stay with me"),
            _("Stay with a friend or family for a few days"),
        ),
    ),
    Step(
        key="reasons_for_living",
        number=None,
        kind=LINES,
        title=_("My reasons for living"),
        explanation=_(
            "What matters to you and makes life worth living, even on hard days."
        ),
        examples=(
            _("The people who love me"),
            _("My children"),
            _("My pet"),
            _("Things I still want to do"),
            _("Seeing the sea again"),
        ),
    ),
)
STEPS_BY_KEY = {step.key: step for step in STEPS}
# What the help page shows first: the steps to use in a hard moment.
HELP_STEP_KEYS = ("coping_strategies", "people_and_places", "contacts", "professionals")


def phone_link_number(phone: str) -> str:
    """The number for a tel: or sms: link: its digits, and a leading + if written."""
    digits = "".join(character for character in phone if character in "0123456789")
    if not digits:
        return ""
    return ("+" if phone.strip().startswith("+") else "") + digits
