"""The entry card, written in Python: the journal's most repeated piece of HTML.

A page of history shows 25 cards; as a template each cost about a millisecond
(eight date filters, four URLs, a CSRF field, a dozen translated strings). Here the
words are looked up once per card, dates once per day and language, and the HTML is
the same as the template it replaced made (kept as the reference beside
tests/journal/test_entry_cards.py, which compares the two).
"""

import datetime
import functools
import zoneinfo
from html import escape as esc

from django.template.defaultfilters import urlencode
from django.urls import get_script_prefix, reverse
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from core.skills import Skill
from journal.models import Entry


@functools.lru_cache(maxsize=512)
def _translated(message: str, language: str) -> str:
    # ``language`` only keys the memo: gettext reads the active language.
    return gettext(message)


def _(message: str, language: str | None = None) -> str:
    """gettext, remembered: a page of cards asks for the same words 25 times."""
    return _translated(message, language or translation.get_language())


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
    return esc(f"?next={urlencode(next_url)}") if next_url else ""


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _when(entry: Entry, show_day: bool, zone: str, language: str) -> str:
    day = ""
    if show_day:
        day = esc(local_date(entry.practiced_on, _("D j M Y", language), language))
    written = entry.created_at.astimezone(_zone(zone))
    if written.date() != entry.practiced_on:
        return day
    moment = timezone.localtime(entry.created_at).isoformat()
    time = f'<time datetime="{moment}">{written.strftime("%H:%M")}</time>'
    return f"{day} · {time}" if show_day else time


def _ratings(entry: Entry, language: str) -> str:
    before, after = entry.distress_before, entry.distress_after
    if before is None and after is None and not entry.helpfulness:
        return ""
    html = '\n  <p class="entry-ratings mb-2">\n    '
    if before is not None or after is not None:
        if before is not None and after is not None:
            spoken = _(
                "Distress went from %(before)s to %(after)s out of 10.", language
            ) % {
                "before": before,
                "after": after,
            }
        elif before is not None:
            spoken = _("Distress before: %(before)s out of 10.", language) % {
                "before": before
            }
        else:
            spoken = _("Distress after: %(after)s out of 10.", language) % {
                "after": after
            }
        shown_before = "–" if before is None else before
        shown_after = "–" if after is None else after
        html += (
            f'<span class="entry-distress"><span aria-hidden="true">'
            f"{esc(_('Distress', language))} {shown_before} → {shown_after}</span>"
            f'<span class="visually-hidden">{esc(spoken)}</span></span>\n    '
        )
    if entry.helpfulness:
        helped = _("helped %(value)s/5", language) % {"value": entry.helpfulness}
        html += f'<span class="entry-helped">{esc(helped)}</span>'
    return html + "\n  </p>\n  "


def _lines(text) -> str:
    """``text|linebreaksbr`` (escaped, then each line break a <br>), without the
    filter's lazy-text wrappers: a page of cards calls it dozens of times."""
    escaped = esc(str(text))
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _note(entry: Entry) -> str:
    return _lines(entry.note)


def _answers(entry: Entry, language: str) -> str:
    """A guided exercise's answers, as journal/includes/exercise_answers.html."""
    shown = entry.exercise_answers
    html = (
        '<div class="exercise-answers">\n  <p class="exercise-title small mb-1">'
        f"{esc(str(shown.exercise.title))}</p>\n  "
    )
    if shown.comparison:
        items = "".join(
            '    <p class="answer-compare-item mb-0"><span class="answer-compare-'
            f'label">{esc(row.label)}</span> <span class="answer-compare-value">'
            f"{esc(row.value)}</span></p>\n"
            for row in shown.comparison
        )
        html += f'<div class="answer-compare">\n{items}  </div>\n  '
    rows = "".join(
        f"<dt>{esc(row.label)}</dt><dd>{_lines(row.value)}</dd>" for row in shown.rows
    )
    html += f'<dl class="answer-list mb-1">\n    {rows}\n  </dl>\n  '
    if not shown.note_is_generated:
        html += (
            '<p class="entry-note mb-1"><span class="fw-semibold">'
            f"{esc(_('Note:', language))}</span> {_note(entry)}</p>"
        )
    return html + "\n</div>\n"


def _body(entry: Entry, language: str) -> str:
    if entry.exercise_answers:
        return _answers(entry, language)
    situation = ""
    if entry.situation:
        situation = (
            '<p class="entry-situation mb-1"><span class="visually-hidden">'
            f"{esc(_('Situation:', language))} </span>{esc(entry.situation)}</p>"
        )
    return (
        f'{situation}\n  <p class="entry-note mb-2">{_note(entry)}</p>\n  '
        f"{_ratings(entry, language)}"
    )


@functools.lru_cache(maxsize=16)
def _words(language: str) -> dict[str, str]:
    """The card's fixed words in one language, looked up and escaped once."""
    return {
        key: esc(text)
        for key, text in {
            "starred": _("Starred"),
            "to_bring_up": _("to bring up"),
            "bring_up": _("Bring this up"),
            "edit": _("Edit"),
            "delete": _("Delete"),
        }.items()
    }


@functools.lru_cache(maxsize=16)
def _address(name: str, prefix: str) -> tuple[str, str]:
    """An entry URL around its id, reversed once: ('/journal/entries/', '/edit/')."""
    before, after = reverse(name, kwargs={"pk": 0}).rsplit("/0/", 1)
    return before + "/", "/" + after


def _url(name: str, pk: int, prefix: str) -> str:
    before, after = _address(name, prefix)
    return f"{before}{pk}{after}"


def _actions(
    entry: Entry, *, next_url: str, request_path: str, starred, csrf, language: str
):
    words = _words(language)
    raw_day = local_date(entry.practiced_on, _("j M", language), language)
    raw_skill = _skill_label(entry.skill, language)
    day, skill = esc(raw_day), esc(raw_skill)
    query = _next_query(next_url)
    prefix = get_script_prefix()
    edit = _url("journal:entry-edit", entry.pk, prefix)
    delete = _url("journal:entry-delete", entry.pk, prefix)
    star_url = _url("journal:entry-star", entry.pk, prefix)
    follow = ""
    follow_up = entry.exercise_answers.follow_up if entry.exercise_answers else None
    if follow_up:
        question = _("Add “%(question)s”", language) % {"question": follow_up.short}
        follow = f'<p class="mb-2"><a href="{edit}{query}">{esc(question)}</a></p>'
    if entry.pk in starred:
        star = (
            '<button type="submit" class="btn btn-sm btn-outline-primary '
            'star-button" aria-pressed="true"><span aria-hidden="true">★</span> '
            f'{words["starred"]}<span class="visually-hidden"> '
            f"{words['to_bring_up']}: {skill}, {day}</span></button>"
        )
    else:
        star = (
            '<button type="submit" class="btn btn-sm btn-outline-secondary '
            'star-button" aria-pressed="false"><span aria-hidden="true">☆</span> '
            f'{words["bring_up"]}<span class="visually-hidden">: {skill}, {day}'
            "</span></button>"
        )
    more = _("More for %(skill)s, %(day)s", language)
    more = esc(more % {"skill": raw_skill, "day": raw_day})
    return mark_safe(  # noqa: S308 - every value above is escaped
        f"{follow}\n"
        '  <div class="entry-actions">\n'
        f'    <form method="post" action="{star_url}">\n'
        '      <input type="hidden" name="csrfmiddlewaretoken" '
        f'value="{esc(csrf)}"><input type="hidden" name="next" '
        f'value="{esc(next_url or request_path)}">\n'
        f"      {star}\n"
        "    </form>\n"
        '    <details class="entry-menu">\n'
        '      <summary class="btn btn-sm btn-outline-secondary"><span '
        'aria-hidden="true">⋯</span><span class="visually-hidden">'
        f"{more}</span></summary>\n"
        '      <div class="entry-menu-items">\n'
        f'        <a class="entry-menu-item" href="{edit}{query}">{words["edit"]}'
        f'<span class="visually-hidden"> {skill}, {day}</span></a>\n'
        '        <a class="entry-menu-item text-danger-emphasis" '
        f'href="{delete}{query}" data-delete-entry="{delete}">{words["delete"]}'
        f'<span class="visually-hidden"> {skill}, {day}</span></a>\n'
        "      </div>\n"
        "    </details>\n"
        "  </div>\n  "
    )


def render_entry_card(
    entry: Entry,
    *,
    zone: str,
    show_day: bool = False,
    hide_actions: bool = False,
    next_url: str = "",
    request_path: str = "",
    starred=frozenset(),
    csrf_token: str = "",
) -> SafeString:
    """One entry as a card: skill, when, what happened, ratings, star and menu."""
    language = translation.get_language()
    actions = ""
    if not hide_actions:
        actions = _actions(
            entry,
            next_url=next_url,
            request_path=request_path,
            starred=starred,
            csrf=csrf_token,
            language=language,
        )
    pk = entry.pk
    return mark_safe(  # noqa: S308 - every value is escaped or made here
        f'<article class="entry-card skill-{esc(entry.skill)}" '
        f'aria-labelledby="entry-{pk}-title" data-entry-card>\n'
        '  <header class="entry-card-head">\n'
        f'    <h3 class="entry-card-title" id="entry-{pk}-title"><span '
        'class="skill-tag"><span class="skill-dot" aria-hidden="true"></span>'
        f"{esc(_skill_label(entry.skill, language))}</span></h3>\n"
        f'    <p class="entry-when">{_when(entry, show_day, zone, language)}</p>\n'
        f"  </header>\n  {_body(entry, language)}\n  {actions}\n</article>"
    )


def render_shared_note(entry: Entry) -> SafeString:
    """An entry as the therapist's read-only page shows it: no times, no actions."""
    language = translation.get_language()
    if entry.exercise_answers:
        body = _body(entry, language)
    else:
        situation = ""
        if entry.situation:
            situation = (
                f'<p class="entry-situation mb-1">{esc(entry.situation)}</p>\n    '
            )
        distress = ""
        before, after = entry.distress_before, entry.distress_after
        if before is not None or after is not None:
            shown_before = "–" if before is None else before
            shown_after = "–" if after is None else after
            distress = (
                '\n    <p class="small text-body-secondary mb-0">'
                f"{esc(_('Distress', language))}: {shown_before} → {shown_after}</p>"
            )
        body = f'{situation}<p class="mb-0">{_note(entry)}</p>{distress}'
    skill = esc(_skill_label(entry.skill, language))
    return mark_safe(  # noqa: S308 - every value is escaped or made here
        '<div class="entry-card mb-2">\n'
        f'    <p class="fw-semibold mb-1">{skill}</p>\n'
        f"    {body}\n  </div>"
    )


def render_shared_notes(groups) -> SafeString:
    """A week's notes on the share page, by day (reports.DayNotes), or "none"."""
    language = translation.get_language()
    html = [] if groups else [f"<p>{esc(_('No notes this week.', language))}</p>"]
    day_format = _("l j F", language)
    for group in groups:
        html.append(
            f'<h4 class="h6 mt-2">{esc(local_date(group.day, day_format, language))}'
            "</h4>\n"
        )
        html.extend(render_shared_note(entry) + "\n" for entry in group.entries)
        if group.more:
            more = ngettext(
                "And %(counter)s more entry that day, not shown here.",
                "And %(counter)s more entries that day, not shown here.",
                group.more,
            ) % {"counter": group.more}
            html.append(f'<p class="small">{esc(more)}</p>\n')
    return mark_safe("".join(html))  # noqa: S308 - every value is escaped or made here
