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

from django.template.defaultfilters import linebreaksbr, urlencode
from django.template.loader import get_template
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from journal.models import Entry


@functools.lru_cache(maxsize=4096)
def _date(value: datetime.date, fmt: str, language: str) -> str:
    # ``language`` only keys the memo: the active language formats the words.
    return formats.date_format(value, fmt)


def local_date(value: datetime.date, fmt: str) -> str:
    """``value|date:fmt`` with the format already translated, remembered."""
    return _date(value, fmt, translation.get_language())


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _when(entry: Entry, show_day: bool, zone: str) -> SafeString:
    parts = []
    if show_day:
        parts.append(conditional_escape(local_date(entry.practiced_on, _("D j M Y"))))
    written = entry.created_at.astimezone(_zone(zone))
    if written.date() == entry.practiced_on:
        if show_day:
            parts.append(" · ")
        parts.append(
            format_html(
                '<time datetime="{}">{}</time>',
                timezone.localtime(entry.created_at).isoformat(),
                written.strftime("%H:%M"),
            )
        )
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - escaped


def _ratings(entry: Entry) -> SafeString:
    before, after = entry.distress_before, entry.distress_after
    if before is None and after is None and not entry.helpfulness:
        return mark_safe("")
    html = ['\n  <p class="entry-ratings mb-2">\n    ']
    if before is not None or after is not None:
        if before is not None and after is not None:
            spoken = _("Distress went from %(before)s to %(after)s out of 10.") % {
                "before": before,
                "after": after,
            }
        elif before is not None:
            spoken = _("Distress before: %(before)s out of 10.") % {"before": before}
        else:
            spoken = _("Distress after: %(after)s out of 10.") % {"after": after}
        html.append(
            format_html(
                '<span class="entry-distress"><span aria-hidden="true">{} {} → {}'
                '</span><span class="visually-hidden">{}</span></span>\n    ',
                _("Distress"),
                "–" if before is None else before,
                "–" if after is None else after,
                spoken,
            )
        )
    if entry.helpfulness:
        html.append(
            format_html(
                '<span class="entry-helped">{}</span>',
                _("helped %(value)s/5") % {"value": entry.helpfulness},
            )
        )
    html.append("\n  </p>\n  ")
    return mark_safe("".join(str(part) for part in html))  # noqa: S308 - escaped


def _body(entry: Entry) -> SafeString:
    if entry.exercise_answers:
        template = get_template("journal/includes/exercise_answers.html")
        return mark_safe(template.render({"entry": entry}))  # noqa: S308 - a template
    situation = ""
    if entry.situation:
        situation = format_html(
            '<p class="entry-situation mb-1"><span class="visually-hidden">{} </span>'
            "{}</p>",
            _("Situation:"),
            entry.situation,
        )
    return format_html(
        '{}\n  <p class="entry-note mb-2">{}</p>\n  {}',
        situation,
        linebreaksbr(entry.note, autoescape=True),
        _ratings(entry),
    )


def _actions(entry: Entry, *, next_url: str, request_path: str, starred, csrf):
    day = local_date(entry.practiced_on, _("j M"))
    skill = entry.skill_label
    query = f"?next={urlencode(next_url)}" if next_url else ""
    edit = reverse("journal:entry-edit", kwargs={"pk": entry.pk})
    delete = reverse("journal:entry-delete", kwargs={"pk": entry.pk})
    html = []
    follow_up = entry.exercise_answers.follow_up if entry.exercise_answers else None
    if follow_up:
        html.append(
            format_html(
                '<p class="mb-2"><a href="{}{}">{}</a></p>',
                edit,
                query,
                _("Add “%(question)s”") % {"question": follow_up.short},
            )
        )
    if entry.pk in starred:
        star = format_html(
            '<button type="submit" class="btn btn-sm btn-outline-primary star-button" '
            'aria-pressed="true"><span aria-hidden="true">★</span> {}<span '
            'class="visually-hidden"> {}: {}, {}</span></button>',
            _("Starred"),
            _("to bring up"),
            skill,
            day,
        )
    else:
        star = format_html(
            '<button type="submit" class="btn btn-sm btn-outline-secondary '
            'star-button" aria-pressed="false"><span aria-hidden="true">☆</span> '
            '{}<span class="visually-hidden">: {}, {}</span></button>',
            _("Bring this up"),
            skill,
            day,
        )
    html.append(
        format_html(
            '\n  <div class="entry-actions">\n    <form method="post" action="{}">\n'
            '      <input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="next" value="{}">\n      {}\n    </form>\n'
            '    <details class="entry-menu">\n      <summary class="btn btn-sm '
            'btn-outline-secondary"><span aria-hidden="true">⋯</span><span '
            'class="visually-hidden">{}</span></summary>\n      <div '
            'class="entry-menu-items">\n        <a class="entry-menu-item" '
            'href="{}{}">{}<span class="visually-hidden"> {}, {}</span></a>\n'
            '        <a class="entry-menu-item text-danger-emphasis" href="{}{}" '
            'data-delete-entry="{}">{}<span class="visually-hidden"> {}, {}</span>'
            "</a>\n      </div>\n    </details>\n  </div>\n  ",
            reverse("journal:entry-star", kwargs={"pk": entry.pk}),
            csrf,
            next_url or request_path,
            star,
            _("More for %(skill)s, %(day)s") % {"skill": skill, "day": day},
            edit,
            query,
            _("Edit"),
            skill,
            day,
            delete,
            query,
            delete,
            _("Delete"),
            skill,
            day,
        )
    )
    return mark_safe("".join(str(part) for part in html))  # noqa: S308 - escaped


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
    actions = ""
    if not hide_actions:
        actions = _actions(
            entry,
            next_url=next_url,
            request_path=request_path,
            starred=starred,
            csrf=csrf_token,
        )
    return format_html(
        '<article class="entry-card skill-{}" aria-labelledby="entry-{}-title" '
        'data-entry-card>\n  <header class="entry-card-head">\n    <h3 '
        'class="entry-card-title" id="entry-{}-title"><span class="skill-tag"><span '
        'class="skill-dot" aria-hidden="true"></span>{}</span></h3>\n    <p '
        'class="entry-when">{}</p>\n  </header>\n  {}\n  {}\n</article>',
        entry.skill,
        entry.pk,
        entry.pk,
        entry.skill_label,
        _when(entry, show_day, zone),
        _body(entry),
        actions,
    )
