"""The plan page's "days without practice": a small form per day with a button for
each reason, drawn in Python.

As a template this was a third of the page (a form, a CSRF field, two date filters
and five buttons with two conditions each, for every day of the span). The words
are the same translated ones; every value goes through journal/cards.py's
``html()``, which escapes it.
"""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from journal.html import EMPTY, html, html_join, local_date
from journal.html import _ as translated
from journal.models import PracticeMiss


def _reason_buttons(chosen: str, reasons) -> SafeString:
    buttons = [
        html(
            "\n              "
            '<button type="submit" name="reason" value="{}" class="btn btn-sm {}" '
            'aria-pressed="{}">{}</button>',
            value,
            "btn-primary" if chosen == value else "btn-outline-secondary",
            "true" if chosen == value else "false",
            label,
        )
        for value, label in reasons
    ]
    return html_join(buttons)


def render_missed_days(
    days_to_ask: list[tuple[datetime.date, str]], csrf_token
) -> SafeString:
    """Each day to ask about, newest first as given: ``(day, reason chosen or "")``."""
    language = translation.get_language()
    action = reverse("journal:practice-plan-missed")
    reasons = [(value, str(label)) for value, label in PracticeMiss.Reason.choices]
    token = EMPTY
    if csrf_token and str(csrf_token) != "NOTPROVIDED":
        token = html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token
        )
    take_back = html(
        '\n              <button type="submit" name="reason" value="" '
        'class="btn btn-sm btn-link">{}</button>',
        translated(gettext_noop("Take it back"), language),
    )
    day_format = translated(gettext_noop("l j F"), language)
    days = [
        html(
            '\n      <li class="missed-day mb-3">'
            '\n        <form method="post" action="{}">'
            "\n          {}"
            '\n          <input type="hidden" name="day" value="{}">'
            "\n          <fieldset>"
            '\n            <legend class="h6">{}</legend>'
            '\n            <div class="d-flex flex-wrap gap-2">{}{}'
            "\n            </div>"
            "\n          </fieldset>"
            "\n        </form>"
            "\n      </li>",
            action,
            token,
            day.isoformat(),
            local_date(day, day_format, language),
            _reason_buttons(chosen, reasons),
            take_back if chosen else EMPTY,
        )
        for day, chosen in days_to_ask
    ]
    return html('<ul class="list-unstyled missed-days">{}\n    </ul>', html_join(days))
