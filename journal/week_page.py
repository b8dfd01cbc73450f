"""The week page's own pieces, drawn in Python: its heading and links, its notes
day by day, and the reflection with its form.

As a template the seven days of notes cost the page more than the cards in them:
each day's heading, its "and more" line and a fresh look-up of the cards' options
(the zone, the stars, the CSRF token). Here the options are worked out once and
our words once per language. The heading's four links, three dates and dozen words
cost a template a third of a millisecond, the reflection's section a fifth; here the
addresses are reversed once per process (journal/addresses.py). Every value goes
through journal.html.html(), which escapes it; tests/journal/test_week_page.py
draws each piece both ways (the old template and this) and compares them.
"""

import datetime

from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from core.templatetags.fragments import text_form
from journal.addresses import day_url, fixed_url
from journal.cards import render_entry_card_lists
from journal.html import EMPTY, _, _lines, html, html_join, local_date, sentence

DAY = (
    '\n    <h3 class="h6 mt-3">{}</h3>\n    <div class="entry-list">\n      {}\n'
    "    </div>\n    {}\n    "
)


def render_week_notes(
    notes_by_day, *, is_current_week: bool, language: str, **options
) -> SafeString:
    """Each day's heading and cards, and a line for the notes not shown
    (``options``: the cards', as journal.cards.render_entry_cards takes them)."""
    if not notes_by_day:
        return _no_notes(is_current_week, language)
    day_format = _("l j F", language)
    cards = render_entry_card_lists(
        [group.entries for group in notes_by_day], **options
    )
    return html_join(
        html(
            DAY,
            local_date(group.day, day_format, language),
            cards[index],
            _more(group) if group.more else EMPTY,
        )
        for index, group in enumerate(notes_by_day)
    )


def _more(group) -> SafeString:
    said = ngettext(
        'And %(counter)s more that day: <a href="%(history_url)s?from=%(day)s&amp;'
        'to=%(day)s">see them all in your history</a>.',
        'And %(counter)s more that day: <a href="%(history_url)s?from=%(day)s&amp;'
        'to=%(day)s">see them all in your history</a>.',
        group.more,
    )
    return html(
        '<p class="small">{}</p>',
        sentence(
            said,
            counter=group.more,
            history_url=fixed_url("journal:entry-list"),
            day=group.day.isoformat(),
        ),
    )


def _no_notes(is_current_week: bool, language: str) -> SafeString:
    log = EMPTY
    if is_current_week:
        log = html(
            ' <a class="no-print" href="{}">{}</a>',
            fixed_url("journal:today"),
            _("Log a skill on Today.", language),
        )
    return html("\n    <p>{}{}</p>\n    ", _("No notes this week yet.", language), log)


def render_week_title(first_day: datetime.date, language: str) -> SafeString:
    """The page's title: "Week of 30 Nov 2026"."""
    start = local_date(first_day, _("j M Y", language), language)
    return sentence(_("Week of %(start)s", language), start=start)


HEAD = (
    '<header class="mb-3">\n    <h1 class="mb-1">{}</h1>\n'
    '    <p class="lead mb-1">{} – {}</p>\n    {}\n  </header>\n'
    '  <div class="week-actions no-print d-flex flex-wrap gap-2 mb-4">\n'
    '    <nav class="d-flex flex-wrap gap-2" aria-label="{}">\n'
    '      <a class="btn btn-outline-secondary" href="{}">{}</a>\n      {}\n'
    "    </nav>\n    {}\n  </div>\n  {}"
)
LATER_WEEKS = (
    '\n      <a class="btn btn-outline-secondary" href="{}">{}</a>\n'
    '      <a class="btn btn-outline-secondary" href="{}">{}</a>\n      '
)


def render_week_head(
    report,
    *,
    is_current_week: bool,
    display_name: str,
    previous_week: datetime.date,
    next_week: datetime.date | None,
    pdf_missing_reason: str | None,
    language: str,
) -> SafeString:
    """The heading (the week, its days, whose summary) and the links to other
    weeks and to the PDF, or why there is none."""
    printed_for = EMPTY
    if display_name:
        printed_for = html(
            '<p class="print-only mb-0">{}</p>',
            sentence(
                _("Weekly summary for %(display_name)s", language),
                display_name=display_name,
            ),
        )
    later = EMPTY
    if next_week:
        later = html(
            LATER_WEEKS,
            day_url("journal:week", next_week),
            _("Next week →", language),
            fixed_url("journal:week-current"),
            _("This week", language),
        )
    pdf = no_pdf = EMPTY
    if pdf_missing_reason:
        no_pdf = html(
            '<p class="no-print">{}</p>',
            sentence(
                _(
                    "A PDF of this week is not available on this server right now "
                    "(%(reason)s). You can print this page instead.",
                    language,
                ),
                reason=pdf_missing_reason,
            ),
        )
    else:
        pdf = html(
            '<a class="btn btn-outline-primary" href="{}">{}</a>',
            day_url("journal:week-pdf", report.first_day),
            _("PDF of this week", language),
        )
    return html(
        HEAD,
        _("This week", language) if is_current_week else _("Your week", language),
        local_date(report.first_day, _("l j F", language), language),
        local_date(report.last_day, _("l j F Y", language), language),
        printed_for,
        _("Other weeks", language),
        day_url("journal:week", previous_week),
        _("← Previous week", language),
        later,
        pdf,
        no_pdf,
    )


# What a page without a CSRF token has in its place ({% csrf_token %} draws nothing).
NO_CSRF_TOKEN = "NOTPROVIDED"  # noqa: S105 - a marker, not a secret
REFLECTION = (
    '<section aria-labelledby="reflection-heading" class="mb-4 reflection">\n'
    '    <h2 id="reflection-heading" class="h4">{}</h2>\n'
    '    <p class="no-print">{}</p>\n    {}\n'
    '    <form method="post" action="{}" novalidate data-once-submit>\n'
    "      {}\n      {}\n"
    '      <button type="submit" class="btn btn-primary">{}</button>\n'
    "    </form>\n  </section>"
)


def render_week_reflection(report, form, *, csrf: str, language: str) -> SafeString:
    """The reflection's section: what was written, for the printed page, and the
    form to write it (``csrf``: the page's token, as {% csrf_token %} takes it)."""
    token = EMPTY
    if csrf and csrf != NO_CSRF_TOKEN:
        token = html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf
        )
    return html(
        REFLECTION,
        _("Your reflection for this week", language),
        _(
            "A few words to bring to your next session. All three are optional.",
            language,
        ),
        _printed_reflection(report.reflection, language),
        day_url("journal:week-reflection", report.first_day),
        token,
        text_form(form),
        _("Save reflection", language),
    )


def _printed_reflection(reflection, language: str) -> SafeString:
    if not reflection or reflection.is_empty:
        return EMPTY
    answers = (
        (_("What helped", language), reflection.what_helped),
        (_("What was hard", language), reflection.what_was_hard),
        (_("For my next session", language), reflection.for_next_session),
    )
    return html(
        '\n    <dl class="print-only">\n      {}\n      {}\n      {}\n    </dl>\n    ',
        *(
            html("<dt>{}</dt><dd>{}</dd>", label, _lines(text)) if text else EMPTY
            for label, text in answers
        ),
    )
