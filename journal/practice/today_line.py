"""Today's practice plan line and a free-text item's tick button, drawn in Python.

As templates (the line, and for each item an included button with its own URL
and CSRF field) they were about a tenth of Today's drawing, on every visit of
everyone with a plan. The words are the same translated ones; every value goes
through journal/html.py's ``html()``, which escapes it (an item's words are the
person's own): tests/journal/practice/test_today_line.py puts markup in them.
Never kept in a cached piece: the plan is the person's.
"""

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from journal.addresses import fixed_url, uuid_url
from journal.html import EMPTY, html, html_join
from journal.html import _ as translated
from journal.practice.queries import ItemProgress, PlanProgress
from journal.practice.words import progress_in_words


def _token_field(csrf_token) -> SafeString:
    # As {% csrf_token %} draws it: nothing without a token.
    if not csrf_token or str(csrf_token) == "NOTPROVIDED":
        return EMPTY
    return html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token
    )


def _tick(line: ItemProgress, next_url: str, token: SafeString, language: str):
    if line.can_tick:
        return html(
            '\n<form method="post" action="{}" class="practice-tick">\n'
            "  {}\n"
            '  <input type="hidden" name="next" value="{}">\n'
            '  <button type="submit" class="btn btn-outline-primary"><span '
            'aria-hidden="true">✓</span> {}<span class="visually-hidden"> ({})'
            "</span></button>\n</form>\n",
            uuid_url("journal:practice-item-tick", line.item.uuid),
            token,
            next_url,
            translated(gettext_noop("I did it"), language),
            line.label,
        )
    if line.is_free_text:
        return html(
            '<p class="small mb-0">{}</p>\n',
            translated(gettext_noop("Ticked for today."), language),
        )
    return html("\n")


def render_tick_button(line: ItemProgress, next_url: str, csrf_token) -> SafeString:
    """A free-text item's "I did it", one tap, back to ``next_url``; "Ticked for
    today." once an each-day item is; nothing for an item counted by itself."""
    return _tick(line, next_url, _token_field(csrf_token), translation.get_language())


def render_today_line(progress: PlanProgress, csrf_token) -> SafeString:
    """Beside the quick log: the plan's progress in words, item by item, with
    the tick buttons returning to Today."""
    language = translation.get_language()
    today = fixed_url("journal:today")
    token = _token_field(csrf_token)
    lines = html_join(
        html(
            '\n    <li class="practice-line">\n      <p class="mb-1">{}</p>\n'
            "      {}\n    </li>\n    ",
            progress_in_words(line, progress.span_words),
            _tick(line, today, token, language),
        )
        for line in progress.items
    )
    return html(
        '\n<section class="today-practice mt-3" '
        'aria-labelledby="today-practice-heading">\n'
        '  <h2 id="today-practice-heading" class="h5 mb-2">{}</h2>\n'
        '  <ul class="list-unstyled practice-lines mb-2">\n    {}\n  </ul>\n'
        '  <a href="{}">{}</a>\n</section>\n',
        translated(gettext_noop("Your practice plan"), language),
        lines,
        fixed_url("journal:practice-plan"),
        translated(gettext_noop("Open your plan"), language),
    )
