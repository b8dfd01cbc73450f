"""An open activity plan as a list shows it (Today, the plan exercise's page): what,
when, how the person expected to feel, and "I did it" / "Not this time".

Drawn in Python: Today shows up to five on every visit, and as two included
templates each plan cost as much as an entry card. Every value goes through
journal/cards.py's ``html()``, which escapes it (the activity is the person's own
words); tests/journal/test_card_escaping.py puts markup in it.
"""

import datetime

from django.template.defaultfilters import urlencode
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from journal.addresses import pk_url
from journal.html import EMPTY, html, html_join, local_date
from journal.html import _ as translated
from journal.models import ActivityPlan


def _when(plan: ActivityPlan, today: datetime.date | None, language: str) -> str:
    if plan.planned_on == today:
        day = translated(gettext_noop("Today"), language)
    else:
        day_format = translated(gettext_noop("l j F"), language)
        day = local_date(plan.planned_on, day_format, language)
    if plan.planned_at:
        return f"{day} · {plan.planned_at.strftime('%H:%M')}"
    return day


def render_plan_items(
    plans: list[ActivityPlan], *, today, next_path: str, csrf_token
) -> SafeString:
    """``<li class="plan-item">`` for each plan, its buttons returning to
    ``next_path``."""
    language = translation.get_language()
    did_it = translated(gettext_noop("I did it"), language)
    not_now = translated(gettext_noop("Not this time"), language)
    expected = translated(gettext_noop("expected to feel %(value)s/10"), language)
    token = EMPTY
    if csrf_token and str(csrf_token) != "NOTPROVIDED":
        token = html(
            '\n    <input type="hidden" name="csrfmiddlewaretoken" value="{}">',
            csrf_token,
        )
    back = f"?next={urlencode(next_path)}" if next_path else ""
    next_field = (
        html('\n    <input type="hidden" name="next" value="{}">', next_path)
        if next_path
        else EMPTY
    )
    return html_join(
        html(
            '\n    <li class="plan-item">'
            '\n<p class="plan-activity fw-semibold mb-1">{}</p>'
            '\n<p class="small mb-2">\n  {}\n  · {}\n</p>'
            '\n<div class="d-flex flex-wrap gap-2">'
            '\n  <a class="btn btn-primary" href="{}{}">{}'
            '<span class="visually-hidden"> ({})</span></a>'
            '\n  <form method="post" action="{}">{}{}'
            '\n    <button type="submit" class="btn btn-outline-secondary">{}'
            '<span class="visually-hidden"> ({})</span></button>'
            "\n  </form>\n</div>\n    </li>",
            plan.activity,
            _when(plan, today, language),
            expected % {"value": plan.expected},
            pk_url("journal:plan", plan.pk),
            back,
            did_it,
            plan.activity,
            pk_url("journal:plan-not-this-time", plan.pk),
            token,
            next_field,
            not_now,
            plan.activity,
        )
        for plan in plans
    )
