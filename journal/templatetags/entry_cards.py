"""The journal's pieces written in Python: ``{% entry_card entry show_day=True
next=… %}`` and ``{% entry_cards entries … %}`` (journal/cards.py), the diary
card's days and summaries (journal/card/cells.py) and Today's line of it
(journal/card/today_line.py), shared notes and the named
skills' chips (journal/skills/chips.py), open activity plans
(journal/exercises/plan_items.py), and the week page's own pieces: its heading,
notes and reflection (journal/week_page.py) and its card rows
(journal/card/week_rows.py)."""

from django import template
from django.utils import translation

from journal.card.cells import (
    render_cell,
    render_days,
    render_summaries,
    render_summary,
)
from journal.card.check_in_fields import (
    render_check_in_rows,
    render_chips,
    render_field,
)
from journal.card.setup_rows import render_setup_rows
from journal.card.today_line import render_today_line as render_todays_card
from journal.card.week_rows import render_week_rows
from journal.cards import render_entry_card, render_entry_cards
from journal.exercises.plan_items import render_plan_items
from journal.html import local_date
from journal.sessions.dates import next_session_line
from journal.shared_notes import render_shared_note, render_shared_notes
from journal.skills.chips import (
    render_technique_field,
    render_technique_select,
)
from journal.skills.list_html import render_built_in
from journal.week_distress import render_week_distress
from journal.week_page import (
    render_week_head,
    render_week_notes,
    render_week_reflection,
    render_week_title,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def entry_card(context, entry, **options):
    """One card; what is not given (zone, stars, CSRF token) comes from the page."""
    return render_entry_card(entry, **_card_options(context, options))


@register.simple_tag(takes_context=True)
def entry_cards(context, entries, **options):
    """``{% for entry in entries %}{% entry_card entry … %}{% endfor %}``, with the
    page's options worked out once for the whole list."""
    return render_entry_cards(entries, **_card_options(context, options))


def _card_options(context, options) -> dict:
    def option(name, default=None):
        return options[name] if name in options else context.get(name, default)

    request = context.get("request")
    return {
        "zone": context.get("person_time_zone") or "UTC",
        "show_day": bool(option("show_day")),
        "hide_actions": bool(option("hide_actions")),
        "next_url": option("next") or "",
        "request_path": request.path if request is not None else "",
        "starred": context.get("starred_ids") or frozenset(),
        "csrf_token": str(context.get("csrf_token") or ""),
    }


@register.simple_tag
def week_title(first_day):
    """The week page's title (journal/week_page.py)."""
    return render_week_title(first_day, translation.get_language())


@register.simple_tag
def week_head(report, is_current_week, display_name, previous_week, next_week, pdf):
    """The week page's heading and its links (journal/week_page.py); ``pdf``: why
    there is no PDF, if there is none."""
    return render_week_head(
        report,
        is_current_week=is_current_week,
        display_name=display_name,
        previous_week=previous_week,
        next_week=next_week,
        pdf_missing_reason=pdf,
        language=translation.get_language(),
    )


@register.simple_tag(takes_context=True)
def week_notes(context, notes_by_day, is_current_week, **options):
    """The week page's notes, day by day, with their cards (journal/week_page.py)."""
    return render_week_notes(
        notes_by_day,
        is_current_week=is_current_week,
        language=translation.get_language(),
        **_card_options(context, options),
    )


@register.simple_tag(takes_context=True)
def week_reflection(context, report, form):
    """The week page's reflection and its form (journal/week_page.py)."""
    token = context.get("csrf_token")
    return render_week_reflection(
        report,
        form,
        csrf=str(token) if token else "",
        language=translation.get_language(),
    )


@register.simple_tag
def shared_note(entry):
    """An entry on the therapist's read-only page (journal/cards.py)."""
    return render_shared_note(entry)


@register.simple_tag
def shared_notes(groups, level=4):
    """Notes by day on the therapist's read-only pages (journal/cards.py)."""
    return render_shared_notes(groups, level=level)


@register.filter
def day_as(value, fmt):
    """``value|date:fmt`` for a day, remembered per day, format and language."""
    return local_date(value, fmt)


@register.simple_tag
def card_cell(cell):
    """One row's answer on a day on the diary card (journal/card/cells.py)."""
    return render_cell(cell)


@register.simple_tag
def card_summary(summary):
    """A row over a span in words (journal/card/cells.py)."""
    return render_summary(summary)


@register.simple_tag
def card_summaries(card):
    """The averages table's rows of a week of the card (journal/card/cells.py)."""
    return render_summaries(card)


@register.simple_tag
def card_days(card, linked=False, today=None):
    """The week's days of the diary card (journal/card/cells.py)."""
    return render_days(card, linked=linked, today=today)


@register.simple_tag
def week_rows(card, linked=False, today=None):
    """The person's own rows on the week page (journal/card/week_rows.py)."""
    return render_week_rows(
        card, language=translation.get_language(), linked=linked, today=today
    )


@register.simple_tag
def todays_card(card):
    """Today's line of the diary card: how far along, one tap away."""
    return render_todays_card(card)


@register.simple_tag
def technique_field(form):
    """The entry form's whole named-skill fieldset (journal/skills/chips.py)."""
    return render_technique_field(form)


@register.simple_tag
def week_distress(report):
    """The week page's distress before and after (journal/week_distress.py)."""
    return render_week_distress(report)


@register.simple_tag
def technique_select(filters):
    """The history's named-skill filter (journal/skills/chips.py)."""
    return render_technique_select(filters)


@register.simple_tag(takes_context=True)
def card_setup_rows(context, rows, renaming=None):
    """The rows of My diary card with their buttons (journal/card/setup_rows.py)."""
    return render_setup_rows(rows, renaming, context.get("csrf_token"))


@register.simple_tag
def card_chips(field, legend_suffix=None, wide=False):
    """A check-in answer as a row of chips (journal/card/check_in_fields.py)."""
    return render_chips(field, legend_suffix=legend_suffix, wide=wide)


@register.simple_tag
def card_field(field):
    """A check-in's number or sentence (journal/card/check_in_fields.py)."""
    return render_field(field)


@register.simple_tag
def check_in_rows(rows):
    """The check-in's row fields (journal/card/check_in_fields.py)."""
    return render_check_in_rows(rows)


@register.simple_tag(takes_context=True)
def plan_items(context, plans):
    """Open activity plans, each with its buttons (journal/exercises/plan_items.py),
    returning to this page."""
    request = context.get("request")
    return render_plan_items(
        plans,
        today=context.get("today"),
        next_path=request.path if request is not None else "",
        csrf_token=context.get("csrf_token"),
    )


@register.simple_tag
def next_session(starts_at, zone, days_until):
    """ "Next session: tomorrow, …" (journal/sessions/dates.py)."""
    return next_session_line(starts_at, zone, days_until)


@register.simple_tag
def built_in_skills(techniques, new_entry_url, history_url):
    """The built-in named skills of a family on /journal/skills/."""
    return render_built_in(techniques, new_entry_url, history_url)
