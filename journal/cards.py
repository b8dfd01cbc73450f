"""The entry card, written in Python: the journal's most repeated piece of HTML.

A page of history shows 25 cards; as a template each cost about a millisecond
(eight date filters, four URLs, a CSRF field, a dozen translated strings). Here the
words are looked up once per card, dates once per day and language.

Every piece of HTML is made by ``html()``, which escapes every value it is given
(journal text is the person's own words, and a therapist reads some of it): no
other code marks a card's text safe, and no value reaches the HTML another way.
tests/journal/test_card_escaping.py puts markup in every field, on every page.
"""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass
from html import escape

from django.template.defaultfilters import urlencode
from django.urls import get_script_prefix, reverse
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_noop

from core.skills import Skill
from journal.models import Entry


def html(template: str, *values) -> SafeString:
    """``template`` (our own markup, never a value) with each ``{}`` filled by a
    value, escaped; a value already safe (made by ``html()``) is kept as it is."""
    escaped = [
        value
        if isinstance(value, SafeString)
        else (str(value) if type(value) is int else escape(str(value)))
        for value in values
    ]
    # The one place this module marks text safe. mark_safe() itself would do the
    # same, but its lazy-text wrapper doubled the cost of a card (a dozen calls each).
    return SafeString(template.format(*escaped))


def html_join(parts) -> SafeString:
    """The parts one after the other, each escaped unless made by ``html()``."""
    return SafeString(
        "".join(
            part if isinstance(part, SafeString) else escape(str(part))
            for part in parts
        )
    )


EMPTY = html("")
NEWLINE = html("\n")


@functools.lru_cache(maxsize=512)
def _translated(message: str, language: str) -> str:
    # ``language`` only keys the memo: gettext reads the active language.
    return gettext(message)


def _(message: str, language: str | None = None) -> str:
    """gettext, remembered: a page of cards asks for the same words 25 times."""
    return _translated(message, language or translation.get_language())


@functools.lru_cache(maxsize=64)
def _word(message: str, language: str) -> SafeString:
    """A fixed word of the card, translated and escaped once per language. Callers
    mark the word with gettext_noop, so makemessages finds it."""
    return html("{}", _(message, language))


@functools.lru_cache(maxsize=64)
def _skill_label(slug: str, language: str) -> str:
    # ``language`` only keys the memo: the label is translated in the active one.
    return str(Skill(slug).label)


@functools.lru_cache(maxsize=4096)
def _date(value: datetime.date, fmt: str, language: str) -> str:
    # ``language`` only keys the memo: the active language formats the words.
    return formats.date_format(value, fmt)


def local_date(value: datetime.date, fmt: str, language: str | None = None) -> str:
    """``value|date:fmt`` with the format already translated, remembered."""
    return _date(value, fmt, language or translation.get_language())


def _next_query(next_url: str) -> str:
    # Not remembered: the address may hold the words someone searched their journal for.
    return f"?next={urlencode(next_url)}" if next_url else ""


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _when(entry: Entry, page: "_Page") -> SafeString:
    language = page.language
    day = ""
    if page.show_day:
        day = local_date(entry.practiced_on, _("D j M Y", language), language)
    written = entry.created_at.astimezone(page.zone)
    if written.date() != entry.practiced_on:
        return html("{}", day)
    moment = timezone.localtime(entry.created_at, page.current_zone).isoformat()
    time = html('<time datetime="{}">{}</time>', moment, written.strftime("%H:%M"))
    return html("{} · {}", day, time) if page.show_day else time


def _distress_spoken(before, after, language: str) -> str:
    if before is not None and after is not None:
        return _("Distress went from %(before)s to %(after)s out of 10.", language) % {
            "before": before,
            "after": after,
        }
    if before is not None:
        return _("Distress before: %(before)s out of 10.", language) % {
            "before": before
        }
    return _("Distress after: %(after)s out of 10.", language) % {"after": after}


def _ratings(entry: Entry, language: str) -> SafeString:
    before, after = entry.distress_before, entry.distress_after
    if before is None and after is None and not entry.helpfulness:
        return EMPTY
    distress = helped = EMPTY
    if before is not None or after is not None:
        distress = html(
            '<span class="entry-distress"><span aria-hidden="true">{} {} → {}</span>'
            '<span class="visually-hidden">{}</span></span>\n    ',
            _word(gettext_noop("Distress"), language),
            "–" if before is None else before,
            "–" if after is None else after,
            _distress_spoken(before, after, language),
        )
    if entry.helpfulness:
        helped = html(
            '<span class="entry-helped">{}</span>',
            _("helped %(value)s/5", language) % {"value": entry.helpfulness},
        )
    return html(
        '\n  <p class="entry-ratings mb-2">\n    {}{}\n  </p>\n  ', distress, helped
    )


def _lines(text) -> SafeString:
    """``text|linebreaksbr`` (escaped, then each line break a <br>), without the
    filter's lazy-text wrappers: a page of cards calls it dozens of times."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return html("{}<br>" * (len(lines) - 1) + "{}", *lines)


def _answers(entry: Entry, language: str) -> SafeString:
    """A guided exercise's answers, as journal/includes/exercise_answers.html."""
    shown = entry.exercise_answers
    comparison = EMPTY
    if shown.comparison:
        items = html_join(
            html(
                '    <p class="answer-compare-item mb-0"><span class="answer-compare-'
                'label">{}</span> <span class="answer-compare-value">{}</span></p>\n',
                row.label,
                row.value,
            )
            for row in shown.comparison
        )
        comparison = html('<div class="answer-compare">\n{}  </div>\n  ', items)
    rows = html_join(
        html("<dt>{}</dt><dd>{}</dd>", row.label, _lines(row.value))
        for row in shown.rows
    )
    note = EMPTY
    if not shown.note_is_generated:
        note = html(
            '<p class="entry-note mb-1"><span class="fw-semibold">{}</span> {}</p>',
            _word(gettext_noop("Note:"), language),
            _lines(entry.note),
        )
    return html(
        '<div class="exercise-answers">\n  <p class="exercise-title small mb-1">'
        '{}</p>\n  {}<dl class="answer-list mb-1">\n    {}\n  </dl>\n  {}\n</div>\n',
        shown.exercise.title,
        comparison,
        rows,
        note,
    )


def _body(entry: Entry, language: str) -> SafeString:
    if entry.exercise_answers:
        return _answers(entry, language)
    situation = EMPTY
    if entry.situation:
        situation = html(
            '<p class="entry-situation mb-1"><span class="visually-hidden">{} </span>'
            "{}</p>",
            _word(gettext_noop("Situation:"), language),
            entry.situation,
        )
    return html(
        '{}\n  <p class="entry-note mb-2">{}</p>\n  {}',
        situation,
        _lines(entry.note),
        _ratings(entry, language),
    )


@functools.lru_cache(maxsize=16)
def _address(name: str, prefix: str) -> tuple[str, str]:
    """An entry URL around its id, reversed once: ('/journal/entries/', '/edit/')."""
    before, after = reverse(name, kwargs={"pk": 0}).rsplit("/0/", 1)
    return before + "/", "/" + after


@functools.lru_cache(maxsize=4)
def _history(prefix: str) -> str:
    """The history's URL, reversed once (``prefix`` keys the memo)."""
    return reverse("journal:entry-list")


def _url(name: str, pk: int, prefix: str) -> str:
    before, after = _address(name, prefix)
    return f"{before}{pk}{after}"


def _star(is_starred: bool, about: str, language: str) -> SafeString:
    if is_starred:
        return html(
            '<button type="submit" class="btn btn-sm btn-outline-primary '
            'star-button" aria-pressed="true"><span aria-hidden="true">★</span> '
            '{}<span class="visually-hidden"> {}: {}</span></button>',
            _word(gettext_noop("Starred"), language),
            _word(gettext_noop("to bring up"), language),
            about,
        )
    return html(
        '<button type="submit" class="btn btn-sm btn-outline-secondary '
        'star-button" aria-pressed="false"><span aria-hidden="true">☆</span> '
        '{}<span class="visually-hidden">: {}</span></button>',
        _word(gettext_noop("Bring this up"), language),
        about,
    )


def render_star_button(entry: Entry, is_starred: bool) -> SafeString:
    """The star button alone, as a card draws it: star.js swaps it in after a tap."""
    language = translation.get_language()
    day = local_date(entry.practiced_on, _("j M", language), language)
    about = f"{_skill_label(entry.skill, language)}, {day}"
    return _star(is_starred, about, language)


@dataclass(frozen=True)
class _Page:
    """What every card of a page shares, worked out (and escaped) once."""

    language: str
    prefix: str
    zone: zoneinfo.ZoneInfo
    current_zone: datetime.tzinfo
    show_day: bool
    hide_actions: bool
    starred: frozenset
    csrf: SafeString  # these three escaped once: the same on every card
    next_value: SafeString
    next_query: SafeString


def _page(
    *,
    zone: str,
    show_day: bool = False,
    hide_actions: bool = False,
    next_url: str = "",
    request_path: str = "",
    starred=frozenset(),
    csrf_token: str = "",
) -> _Page:
    return _Page(
        language=translation.get_language(),
        prefix=get_script_prefix(),
        zone=_zone(zone),
        current_zone=timezone.get_current_timezone(),
        show_day=show_day,
        hide_actions=hide_actions,
        starred=starred,
        csrf=html("{}", csrf_token),
        next_value=html("{}", next_url or request_path),
        next_query=html("{}", _next_query(next_url)),
    )


def _actions(entry: Entry, page: _Page) -> SafeString:
    language, prefix, pk = page.language, page.prefix, entry.pk
    day = local_date(entry.practiced_on, _("j M", language), language)
    skill = _skill_label(entry.skill, language)
    # Said four times on the card: escaped once.
    about = html("{}, {}", skill, day)
    edit = html("{}{}", _url("journal:entry-edit", pk, prefix), page.next_query)
    delete = _url("journal:entry-delete", pk, prefix)
    follow = EMPTY
    follow_up = entry.exercise_answers.follow_up if entry.exercise_answers else None
    if follow_up:
        question = _("Add “%(question)s”", language) % {"question": follow_up.short}
        follow = html('<p class="mb-2"><a href="{}">{}</a></p>', edit, question)
    return html(
        "{}\n"
        '  <div class="entry-actions">\n'
        '    <form method="post" action="{}" data-star-form>\n'
        '      <input type="hidden" name="csrfmiddlewaretoken" '
        'value="{}"><input type="hidden" name="next" value="{}#entry-{}-title">\n'
        "      {}\n"
        "    </form>\n"
        '    <details class="entry-menu">\n'
        '      <summary class="btn btn-sm btn-outline-secondary"><span '
        'aria-hidden="true">⋯</span><span class="visually-hidden">'
        "{}</span></summary>\n"
        '      <div class="entry-menu-items">\n'
        '        <a class="entry-menu-item" href="{}">{}'
        '<span class="visually-hidden"> {}</span></a>\n'
        '        <a class="entry-menu-item text-danger-emphasis" '
        'href="{}{}" data-delete-entry="{}">{}'
        '<span class="visually-hidden"> {}</span></a>\n'
        "      </div>\n"
        "    </details>\n"
        "  </div>\n  ",
        follow,
        _url("journal:entry-star", pk, prefix),
        page.csrf,
        page.next_value,
        pk,
        _star(pk in page.starred, about, language),
        _("More for %(skill)s, %(day)s", language) % {"skill": skill, "day": day},
        edit,
        _word(gettext_noop("Edit"), language),
        about,
        delete,
        page.next_query,
        delete,
        _word(gettext_noop("Delete"), language),
        about,
    )


def render_entry_card(entry: Entry, **options) -> SafeString:
    """One entry as a card: skill, when, what happened, ratings, star and menu
    (``options``: those of ``_page()``)."""
    return _card(entry, _page(**options))


def _card(entry: Entry, page: _Page) -> SafeString:
    language = page.language
    actions = EMPTY if page.hide_actions else _actions(entry, page)
    return html(
        '<article class="entry-card skill-{}" aria-labelledby="entry-{}-title" '
        "data-entry-card>\n"
        '  <header class="entry-card-head">\n'
        '    <h3 class="entry-card-title" id="entry-{}-title"><span '
        'class="skill-tag"><span class="skill-dot" aria-hidden="true"></span>'
        "{}</span>{}</h3>\n"
        '    <p class="entry-when">{}</p>\n'
        "  </header>\n  {}\n  {}\n</article>",
        entry.skill,
        entry.pk,
        entry.pk,
        _skill_label(entry.skill, language),
        _technique(entry, linked=True, prefix=page.prefix),
        _when(entry, page),
        _body(entry, language),
        actions,
    )


def _technique(entry: Entry, *, linked: bool = False, prefix: str = "") -> SafeString:
    """The named skill after the skill: " · TIPP" (the person's own are escaped);
    on the person's own pages, a link to every entry that names it."""
    name = entry.technique_name
    if not name:
        return EMPTY
    if not linked:
        return html(' <span class="entry-technique">· {}</span>', name)
    return html(
        ' <span class="entry-technique">· <a href="{}?technique={}">{}</a></span>',
        _history(prefix or get_script_prefix()),
        urlencode(entry.technique_key),
        name,
    )


def render_entry_cards(entries, **options) -> SafeString:
    """A list of cards, one after another, all drawn with the same options."""
    page = _page(**options)
    return html_join(_card(entry, page) for entry in entries)
