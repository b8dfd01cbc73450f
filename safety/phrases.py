"""The crisis lines in a sentence, in the active language: for the footer, the PDFs
and the guide. Plain functions of a ``crisis_lines.Shown``; the pages' cards are
drawn by templates/safety/includes/country_lines.html."""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from accounts.countries import country_name
from safety.crisis_lines import DIRECTORY_URL, Shown


def emergency_numbers(shown: Shown) -> str:
    """ "911", or "112 or 999"; "" for a country with no entry."""
    if not shown.has_lines:
        return ""
    numbers = shown.country.emergency.numbers
    if len(numbers) == 1:
        return numbers[0]
    return gettext("%(first)s or %(second)s") % {
        "first": ", ".join(numbers[:-1]),
        "second": numbers[-1],
    }


def footer_link(shown: Shown) -> str:
    """The footer's link to the help page: "In crisis? Call 024"."""
    if not shown.has_lines:
        return gettext("In crisis? Find a helpline near you")
    return gettext("In crisis? %(action)s") % {"action": shown.first_line.action}


def footer_note(shown: Shown) -> str:
    """What the site is not, and the emergency number."""
    if not shown.has_lines:
        return gettext(
            "Between Sessions is a practice journal, not therapy and not a crisis "
            "service. In an emergency, call your local emergency number."
        )
    return gettext(
        "Between Sessions is a practice journal, not therapy and not a crisis "
        "service. In an emergency, call %(numbers)s."
    ) % {"numbers": emergency_numbers(shown)}


def pdf_note(shown: Shown) -> str:
    """The PDFs' last line: what the site is not, the line and the emergency number."""
    if not shown.has_lines:
        return gettext(
            "Between Sessions is a practice journal, not therapy and not a crisis "
            "service. To find a helpline in %(country)s, visit findahelpline.com; "
            "in an emergency, call your local emergency number."
        ) % {"country": country_name(shown.code)}
    note = gettext(
        "Between Sessions is a practice journal, not therapy and not a crisis "
        "service. %(action)s (%(country)s); in an emergency, call %(numbers)s."
    ) % {
        "action": shown.first_line.action,
        "country": country_name(shown.country.code),
        "numbers": emergency_numbers(shown),
    }
    if shown.is_unknown:
        note += " " + gettext("Elsewhere, findahelpline.com lists helplines.")
    return note


def plan_lines(shown: Shown) -> str:
    """A printed plan's step 5: each line of the country by name and number, and
    the emergency number; the directory where we hold no lines."""
    if not shown.has_lines:
        return gettext(
            "To find a helpline, visit findahelpline.com; in an emergency, call "
            "your local emergency number."
        )
    lines = [f"{line.name}: {line.number}" for line in shown.country.lines]
    lines.append(
        gettext("Emergency: %(numbers)s") % {"numbers": emergency_numbers(shown)}
    )
    if shown.is_unknown:
        lines.append(gettext("Elsewhere, findahelpline.com lists helplines."))
    return " · ".join(lines)


def guide_sentence(shown: Shown) -> SafeString:
    """The guide's crisis sentence, in place of its {crisis-lines} mark."""
    if not shown.has_lines:
        return format_html(
            gettext(
                "If you are in crisis, {directory} lists free helplines in "
                "{country}. In an emergency, call your local emergency number."
            ),
            directory=_directory_link(),
            country=country_name(shown.code),
        )
    sentence = format_html(
        gettext(
            "If you are in crisis: {action} ({name}). In an emergency, call {numbers}."
        ),
        action=shown.first_line.action,
        name=shown.first_line.name,
        numbers=emergency_numbers(shown),
    )
    # In Spanish the action itself says how to reach Spanish-speaking counselors.
    if shown.first_line.spanish_note and not get_language().startswith("es"):
        sentence = format_html(
            '{} <span lang="es">En español: {}</span>',
            sentence,
            shown.first_line.spanish_note,
        )
    if shown.is_unknown:
        sentence = format_html(
            "{} {}",
            sentence,
            format_html(
                gettext(
                    "Outside the United States, {directory} lists free helplines "
                    "in many countries."
                ),
                directory=_directory_link(),
            ),
        )
    return sentence


def _directory_link() -> SafeString:
    return format_html('<a href="{}">findahelpline.com</a>', DIRECTORY_URL)
