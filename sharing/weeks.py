"""The weekly share page's weeks and plan, drawn in Python: what share.html's loop
and the plan's review template drew.

Four weeks of card rows, notes and reflections are the page's most repeated HTML;
through templates the loop cost more than drawing the notes and the card's days
themselves. Every value goes through journal.html.html(), which escapes it
(tests/sharing/test_shared_weeks.py puts markup in each of them). The card's part
is the same HTML as journal/card/includes/week_rows.html with ``shared`` on, and
the plan the same as journal/practice/includes/review.html: the same tests draw
both ways and compare.
"""

import functools

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from journal.card.cells import one_decimal, render_days, render_summaries
from journal.html import EMPTY, NEWLINE, _, _lines, html, html_join, local_date
from journal.practice.words import REVIEW, progress_in_words
from journal.shared_notes import render_shared_notes


def render_weeks(weeks, *, include_notes: bool) -> SafeString:
    """Each week (report, its kept figures, its card week), as share.html's loop.

    The weeks are one list of pieces joined once: drawn as pieces within pieces,
    every level copied all the HTML under it again (the card's days five times).
    """
    language = translation.get_language()
    openings = {}  # the card's rows, each name escaped once for the four weeks
    parts = []
    for report, figures, card in weeks:
        parts.append(
            html(
                '\n<section class="shared-week mb-5" aria-labelledby="week-{}">\n'
                "  {}\n  ",
                report.first_day.strftime("%Y%m%d"),
                figures,
            )
        )
        parts += _card_rows(card, language, openings)
        parts.append(BETWEEN)
        if include_notes:
            parts += _notes(report, language)
        parts.append(SECTION_END)
    return html_join(parts)


BETWEEN = html("\n  ")
SECTION_END = html("\n</section>\n")
CARD_ROWS_END = html("\n\n")


def render_card_rows(card, language: str, openings: dict | None = None) -> SafeString:
    """The week's card rows for the therapist: week_rows.html with ``shared``
    (``openings``: as journal.card.cells.render_days takes them)."""
    return html_join(_card_rows(card, language, openings))


def _card_rows(card, language: str, openings: dict | None) -> list[SafeString]:
    if not card.has_rows:
        return [CARD_ROWS_END]
    heading = html(
        '\n\n<h3 class="h5 mt-4" id="card-rows-{}">{}</h3>\n',
        card.first_day.strftime("%Y%m%d"),
        _("Their diary card rows", language),
    )
    if not card.has_check_ins:
        rows = [html("\n<p>{}</p>\n", _("No check-ins this week.", language))]
    else:
        skills = EMPTY
        if card.skills_average is not None:
            skills = html(
                '<tr><th scope="row">{}</th><td>{}</td></tr>',
                _("Skills used (0–7)", language),
                _("average %(average)s", language)
                % {"average": one_decimal(card.skills_average)},
            )
        rows = [
            NEWLINE,
            render_days(
                card, linked=False, today=None, openings=openings, language=language
            ),
            _table_start(language),
            render_summaries(card, language),
            html("\n    {}\n  </tbody>\n</table>\n", skills),
        ]
    return [heading, *rows, CARD_ROWS_END]


@functools.lru_cache(maxsize=8)
def _table_start(language: str) -> SafeString:
    # The averages table's opening: our own words, drawn once per language.
    return html(
        "\n"
        '<table class="table table-sm card-averages mt-3">\n'
        "  <caption>{}</caption>\n"
        '  <thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>\n'
        "  <tbody>\n    ",
        _(
            "The week at a glance: the average of each row over the days it was rated.",
            language,
        ),
        _("Row", language),
        _("This week", language),
    )


def _notes(report, language: str) -> list[SafeString]:
    """The week's notes and reflection, as pieces of the page."""
    parts = [BETWEEN]
    if report.notes_by_day:  # an empty week already said so in one line
        parts += (
            html('\n  <h3 class="h5 mt-3">{}</h3>\n  ', _("Notes", language)),
            render_shared_notes(report.notes_by_day, language=language),
            BETWEEN,
        )
    parts.append(BETWEEN)
    written = report.reflection
    if written and not written.is_empty:
        parts.append(
            html(
                '\n  <h3 class="h5 mt-3">{}</h3>\n  <dl>\n    {}\n    {}\n    {}\n'
                "  </dl>\n  ",
                _("Weekly reflection", language),
                _answer(_("What helped", language), written.what_helped),
                _answer(_("What was hard", language), written.what_was_hard),
                _answer(_("For the next session", language), written.for_next_session),
            )
        )
    parts.append(BETWEEN)
    return parts


def _answer(label: str, text: str) -> SafeString:
    if not text:
        return EMPTY
    return html("<dt>{}</dt><dd>{}</dd>", label, _lines(text))


def render_plan_review(review) -> SafeString:
    """The plan the weeks review, each item against its goal: review.html as the
    share page includes it (not for a PDF)."""
    language = translation.get_language()
    day_format = _("j F", language)
    items = html_join(
        html(
            '\n    <li class="practice-review-item mb-2">\n'
            '      <p class="mb-1 fw-semibold">{}</p>\n'
            "      {}\n      {}\n      {}\n    </li>\n    ",
            progress_in_words(line, REVIEW),
            _said(_("Why this helps:", language), line.item.why),
            _said(_("What might get in the way:", language), line.item.obstacle),
            _said(_("What I’ll do then:", language), line.item.then),
        )
        for line in review.items
    )
    reasons = EMPTY
    if review.reasons:
        reasons = html(
            '\n  <p class="mb-0">{}</p>\n  <ul class="practice-review-reasons">\n'
            "    {}\n  </ul>\n  ",
            _("Days without practice, and why:", language),
            html_join(
                html("<li>{}</li>", _reason(reason.label, reason.count))
                for reason in review.reasons
            ),
        )
    agreed = _("Agreed for %(first)s to %(last)s.", language) % {
        "first": local_date(review.plan.starts_on, day_format, language),
        "last": local_date(review.plan.ends_on, day_format, language),
    }
    return html(
        '\n<section class="practice-review mt-4" '
        'aria-labelledby="practice-review-heading">\n'
        '  <h2 id="practice-review-heading" class="h4">{}</h2>\n'
        '  <p class="small text-body-secondary">{}</p>\n'
        '  <ul class="list-unstyled practice-review-items">\n    {}\n  </ul>\n'
        "  {}\n</section>\n",
        _("The practice plan", language),
        agreed,
        items,
        reasons,
    )


def _said(label: str, text: str) -> SafeString:
    if not text:
        return EMPTY
    return html('<p class="mb-1 small">{} {}</p>', label, text)


def _reason(label: str, count: int) -> str:
    return ngettext(
        "%(label)s: %(counter)s day", "%(label)s: %(counter)s days", count
    ) % {"label": label, "counter": count}
