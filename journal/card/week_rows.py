"""journal/card/includes/week_rows.html drawn in Python: the person's own rows on
the week page, each day's answers then the week's averages.

As a template the piece cost the week page a quarter of a millisecond around the
days and averages already drawn in Python (journal/card/cells.py): a heading with a
date filter, a dozen translated words, a link, a number filter. It is drawn outside
every cached piece (the rows' names and values are the person's words), so on every
visit. Every value goes through journal.html.html(), which escapes it;
tests/journal/card/test_week_rows_html.py compares it with the template in each of
its cases, in both languages.
"""

import datetime

from django.utils.safestring import SafeString

from journal.addresses import fixed_url
from journal.card.cells import one_decimal, render_days, render_summaries
from journal.html import EMPTY, _, html

TABLE = (
    "\n{}\n"
    '<table class="table table-sm card-averages mt-3">\n'
    "  <caption>{}</caption>\n"
    '  <thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>\n'
    "  <tbody>\n    {}\n    {}\n  </tbody>\n</table>\n"
)


def render_week_rows(
    card,
    *,
    language: str,
    shared: bool = False,
    linked: bool = False,
    today: datetime.date | None = None,
) -> SafeString:
    """What week_rows.html draws for ``card`` (a CardWeek) with these options."""
    if not card.has_rows:
        return html("\n\n")
    title = _("Their diary card rows", language) if shared else _("My card", language)
    return html(
        '\n\n<h3 class="h5 mt-4" id="card-rows-{}">{}</h3>\n{}\n\n',
        card.first_day.strftime("%Y%m%d"),
        title,
        _days_and_averages(card, language, shared, linked, today)
        if card.has_check_ins
        else _no_check_ins(language, shared, linked),
    )


def _days_and_averages(card, language, shared, linked, today) -> SafeString:
    skills = EMPTY
    if card.skills_average is not None:
        skills = html(
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            _("Skills used (0–7)", language),
            _("average %(average)s", language)
            % {"average": one_decimal(card.skills_average)},
        )
    return html(
        TABLE,
        render_days(card, linked=linked, today=today),
        _(
            "The week at a glance: the average of each row over the days it was rated.",
            language,
        ),
        _("Row", language),
        _("This week", language),
        render_summaries(card),
        skills,
    )


def _no_check_ins(language: str, shared: bool, linked: bool) -> SafeString:
    if shared:
        return html("\n<p>{}</p>\n", _("No check-ins this week.", language))
    link = EMPTY
    if linked:
        link = html(
            '<a class="no-print" href="{}">{}</a>',
            fixed_url("journal:check-in"),
            _("Check in for today", language),
        )
    return html("\n<p>{} {}</p>\n", _("No check-ins this week yet.", language), link)
