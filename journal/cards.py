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

from django.template.defaultfilters import urlencode
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from core.skills import Skill
from journal.addresses import fixed_url, pk_url
from journal.exercises.answers_html import render_answers
from journal.html import (
    EMPTY,
    _,
    _lines,
    _word,
    html,
    html_join,
    local_date,
)
from journal.models import Entry

# The card's own words, marked for makemessages once here rather than on every card:
# _word() translates and escapes each once per language.
DISTRESS = gettext_noop("Distress")
SITUATION = gettext_noop("Situation:")
STARRED = gettext_noop("Starred")
TO_BRING_UP = gettext_noop("to bring up")
BRING_THIS_UP = gettext_noop("Bring this up")
EDIT = gettext_noop("Edit")
DELETE = gettext_noop("Delete")


@functools.lru_cache(maxsize=64)
def _skill_label(slug: str, language: str) -> str:
    # ``language`` only keys the memo: the label is translated in the active one.
    return str(Skill(slug).label)


def _next_query(next_url: str) -> str:
    # Not remembered: the address may hold the words someone searched their journal for.
    return f"?next={urlencode(next_url)}" if next_url else ""


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


TIME = '<time datetime="{}">{}</time>'
DAY_AND_TIME = "{} · " + TIME


def _when(entry: Entry, page: "_Page") -> SafeString:
    language = page.language
    written = entry.created_at.astimezone(page.zone)
    day = ""
    if page.show_day:
        day = local_date(entry.practiced_on, _("D j M Y", language), language)
    if written.date() != entry.practiced_on:
        return html("{}", day)
    # As timezone.localtime() (the value is aware), without its checks per card.
    moment = entry.created_at.astimezone(page.current_zone).isoformat()
    if page.show_day:
        return html(DAY_AND_TIME, day, moment, written.strftime("%H:%M"))
    return html(TIME, moment, written.strftime("%H:%M"))


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


def _ratings(entry: Entry, language: str) -> tuple:
    """(distress shown, "helped" shown) and their values, for _body's template."""
    before, after = entry.distress_before, entry.distress_after
    values = ()
    has_distress = before is not None or after is not None
    if has_distress:
        values = (
            _word(DISTRESS, language),
            "–" if before is None else before,
            "–" if after is None else after,
            _distress_spoken(before, after, language),
        )
    if entry.helpfulness:
        values += (_("helped %(value)s/5", language) % {"value": entry.helpfulness},)
    return has_distress, bool(entry.helpfulness), values


# The card's body, one template for each mix of a situation, distress and
# "helped" (made once here from its parts: one html() call per card, not six).
_SITUATION = (
    '<p class="entry-situation mb-1"><span class="visually-hidden">{} </span>{}</p>'
)
_DISTRESS = (
    '<span class="entry-distress"><span aria-hidden="true">{} {} → {}</span>'
    '<span class="visually-hidden">{}</span></span>\n    '
)
_HELPED = '<span class="entry-helped">{}</span>'


def _body_template(situation: bool, distress: bool, helped: bool) -> str:
    ratings = ""
    if distress or helped:
        ratings = (
            '\n  <p class="entry-ratings mb-2">\n    '
            f"{_DISTRESS if distress else ''}{_HELPED if helped else ''}\n  </p>\n  "
        )
    return (
        f"{_SITUATION if situation else ''}"
        '\n  <p class="entry-note mb-2">{}</p>\n  '
        f"{ratings}"
    )


BODIES = {
    (situation, distress, helped): _body_template(situation, distress, helped)
    for situation in (False, True)
    for distress in (False, True)
    for helped in (False, True)
}


def _body(entry: Entry, language: str) -> SafeString:
    if entry.exercise_answers:
        return render_answers(entry, language)
    has_distress, has_helped, ratings = _ratings(entry, language)
    note = _lines(entry.note)
    if entry.situation:
        return html(
            BODIES[True, has_distress, has_helped],
            _word(SITUATION, language),
            entry.situation,
            note,
            *ratings,
        )
    return html(BODIES[False, has_distress, has_helped], note, *ratings)


# The star button, starred or not (its words, then what it is about).
STAR_BUTTONS = {
    True: (
        '<button type="submit" class="btn btn-sm btn-outline-primary '
        'star-button" aria-pressed="true"><span aria-hidden="true">★</span> '
        '{}<span class="visually-hidden"> {}: {}</span></button>'
    ),
    False: (
        '<button type="submit" class="btn btn-sm btn-outline-secondary '
        'star-button" aria-pressed="false"><span aria-hidden="true">☆</span> '
        '{}<span class="visually-hidden">: {}</span></button>'
    ),
}


def _star_words(is_starred: bool, language: str) -> tuple:
    if is_starred:
        return (
            _word(STARRED, language),
            _word(TO_BRING_UP, language),
        )
    return (_word(BRING_THIS_UP, language),)


def _star(is_starred: bool, about: str, language: str) -> SafeString:
    return html(STAR_BUTTONS[is_starred], *_star_words(is_starred, language), about)


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


# A card's star form and menu, with the star button in place (starred or not).
_ACTIONS_HEAD = (
    "{}\n"
    '  <div class="entry-actions">\n'
    '    <form method="post" action="{}" data-star-form>\n'
    '      <input type="hidden" name="csrfmiddlewaretoken" '
    'value="{}"><input type="hidden" name="next" value="{}#entry-{}-title">\n'
    "      "
)
_ACTIONS_TAIL = (
    "\n    </form>\n"
    '    <details class="entry-menu">\n'
    '      <summary class="btn btn-sm btn-outline-secondary"><span '
    'aria-hidden="true">⋯</span><span class="visually-hidden">'
    "{}</span></summary>\n"
    '      <div class="entry-menu-items">\n'
    '        <a class="entry-menu-item" href="{}{}">{}'
    '<span class="visually-hidden"> {}</span></a>\n'
    '        <a class="entry-menu-item text-danger-emphasis" '
    'href="{}{}" data-delete-entry="{}">{}'
    '<span class="visually-hidden"> {}</span></a>\n'
    "      </div>\n"
    "    </details>\n"
    "  </div>\n  "
)
ACTIONS = {
    starred: _ACTIONS_HEAD + button + _ACTIONS_TAIL
    for starred, button in STAR_BUTTONS.items()
}
FOLLOW_UP = '<p class="mb-2"><a href="{}{}">{}</a></p>'


def _actions(entry: Entry, page: _Page) -> SafeString:
    language, prefix, pk = page.language, page.prefix, entry.pk
    day = local_date(entry.practiced_on, _("j M", language), language)
    skill = _skill_label(entry.skill, language)
    # Said four times on the card: escaped once.
    about = html("{}, {}", skill, day)
    edit = pk_url("journal:entry-edit", pk, prefix)
    delete = pk_url("journal:entry-delete", pk, prefix)
    follow = EMPTY
    follow_up = entry.exercise_answers.follow_up if entry.exercise_answers else None
    if follow_up:
        question = _("Add “%(question)s”", language) % {"question": follow_up.short}
        follow = html(FOLLOW_UP, edit, page.next_query, question)
    is_starred = pk in page.starred
    return html(
        ACTIONS[is_starred],
        follow,
        pk_url("journal:entry-star", pk, prefix),
        page.csrf,
        page.next_value,
        pk,
        *_star_words(is_starred, language),
        about,
        _("More for %(skill)s, %(day)s", language) % {"skill": skill, "day": day},
        edit,
        page.next_query,
        _word(EDIT, language),
        about,
        delete,
        page.next_query,
        delete,
        _word(DELETE, language),
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
        fixed_url("journal:entry-list", prefix),
        urlencode(entry.technique_key),
        name,
    )


def render_entry_cards(entries, **options) -> SafeString:
    """A list of cards, one after another, all drawn with the same options."""
    page = _page(**options)
    return html_join(_card(entry, page) for entry in entries)


def render_entry_card_lists(lists, **options) -> list[SafeString]:
    """Several lists of cards (the week's days), the options worked out once."""
    page = _page(**options)
    return [html_join(_card(entry, page) for entry in entries) for entries in lists]
