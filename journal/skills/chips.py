"""The named skills offered as one-tap chips when logging, written in Python.

Every family's chips (about two dozen, the person's own among them) drawn as a
template cost more than the rest of Today together; they cannot be kept in a
cached piece, since they hold the person's own names in their own order. Every
piece is made by journal.html.html(), which escapes every value (the names of
their own skills are the person's words): tests/journal/skills/test_technique_field.py
and tests/journal/test_card_escaping.py check it.
"""

import functools

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from journal.addresses import fixed_url
from journal.html import EMPTY, html, html_join

CHECKED = html(" checked")
INVALID = html(' aria-invalid="true"')
NOTHING = html("")


def _chip(field_id, name, key, label, is_checked: bool, invalid: bool) -> SafeString:
    return html(
        '<div class="technique-choice">\n'
        '<input type="radio" class="{}" name="{}" id="{}_{}" value="{}"'
        "{}{}>\n"
        '<label class="btn btn-outline-primary technique-chip" '
        'for="{}_{}">{}</label>\n</div>\n',
        "btn-check is-invalid" if invalid else "btn-check",
        name,
        field_id,
        key,
        key,
        CHECKED if is_checked else NOTHING,
        INVALID if invalid else NOTHING,
        field_id,
        key,
        label,
    )


@functools.lru_cache(maxsize=1024)
def _built_in_chip(field_id, name, key, label, is_checked, invalid, language):
    """A built-in skill's chip: the same for everyone, so drawn once per process
    (``language`` only keys the memo). The person's own are drawn each time."""
    return _chip(field_id, name, key, label, is_checked, invalid)


@functools.lru_cache(maxsize=64)
def _group_start(field_id: str, family, language: str) -> SafeString:
    """A family's heading and the start of its chips: the same for everyone, so
    drawn once per process (``language`` only keys the memo)."""
    return html(
        '<div class="technique-group" role="group" aria-labelledby="{}_{}" '
        'data-technique-family="{}">\n'
        '<p class="technique-family small mb-1" id="{}_{}">{}</p>\n'
        '<div class="technique-choices">\n',
        field_id,
        family.value,
        family.value,
        field_id,
        family.value,
        family.label,
    )


GROUP_END = html("</div>\n</div>\n")


def render_technique_groups(field, groups, value: str) -> SafeString:
    """Each family's chips (a radio button and its label) for the form ``field``
    (a bound field), ``groups`` as Catalogue.families() gives them, the chip of
    ``value`` checked."""
    field_id, name = field.auto_id, field.html_name
    invalid = bool(field.errors)
    language = translation.get_language()
    return html_join(
        html_join(
            (
                _group_start(field_id, family, language),
                html_join(
                    _chip(field_id, name, t.key, t.name, t.key == value, invalid)
                    if t.is_own
                    else _built_in_chip(
                        field_id, name, t.key, t.name, t.key == value, invalid, language
                    )
                    for t in techniques
                ),
                GROUP_END,
            )
        )
        for family, techniques in groups
    )


SELECTED = html(" selected")


def _options(techniques, value: str) -> SafeString:
    """Each named skill as an <option>, the one of ``value`` selected."""
    return html_join(
        html(
            '<option value="{}"{}>{}</option>',
            technique.key,
            SELECTED if technique.key == value else EMPTY,
            technique.name,
        )
        for technique in techniques
    )


@functools.lru_cache(maxsize=256)
def _built_in_options(techniques: tuple, value: str, language: str) -> SafeString:
    """A family's built-in named skills as options: the same for everyone, so
    drawn once per process (``language`` only keys the memo; ``value`` is ""
    unless one of these is selected). The person's own are drawn each time."""
    return _options(techniques, value)


def render_technique_select(filters) -> SafeString:
    """The history's "Named skill" select, as journal/includes/technique_filter.html
    drew it: every family's named skills, the chosen one selected. Drawn each
    visit (the person's own names are their words, never kept)."""
    field, value = filters["technique"], filters.technique_value
    errors = field.errors
    field_id = field.auto_id
    invalid = invalid_mark = error_list = EMPTY
    if errors:
        invalid = html(" is-invalid")
        invalid_mark = html(
            ' aria-invalid="true" aria-describedby="{}_error"', field_id
        )
        error_list = html(
            '<div class="invalid-feedback d-block" id="{}_error">{}</div>',
            field_id,
            html_join(html('<p class="mb-0">{}</p>', error) for error in errors),
        )
    language = translation.get_language()
    groups = html_join(
        html(
            '\n    <optgroup label="{}">\n      {}{}\n    </optgroup>\n    ',
            family.label,
            _built_in_options(
                tuple(built_in),
                value if any(t.key == value for t in built_in) else "",
                language,
            ),
            _options(own, value),
        )
        for family, built_in, own in filters.catalogue.families_for_page()
    )
    return html(
        '\n<div class="mb-3">\n  <label for="{}" class="form-label">{}</label>\n'
        '  <select name="{}" id="{}" class="form-select{}"{}>\n'
        '    <option value="">{}</option>\n    {}\n  </select>\n  {}\n</div>\n\n',
        field_id,
        field.label,
        field.html_name,
        field_id,
        invalid,
        invalid_mark,
        gettext("Any, or none"),
        groups,
        error_list,
    )


def render_technique_field(form) -> SafeString:
    """The whole "which named skill?" fieldset of an entry form: "None in
    particular", each family's chips, the field's errors and the link to add one's
    own (what a template drew before, the same HTML)."""
    field, value = form["technique"], form.technique_value
    field_id, errors = field.auto_id, field.errors
    language = translation.get_language()
    error_list = EMPTY
    if errors:
        error_list = html(
            '\n  <div class="invalid-feedback d-block" id="{}_error">{}</div>\n  ',
            field_id,
            html_join(html('<p class="mb-0">{}</p>', error) for error in errors),
        )
    return html(
        '<fieldset class="mb-3 technique-field" data-technique-field{}>\n'
        '  <legend class="form-label fw-semibold">{}</legend>\n'
        '  <div class="technique-choices">\n'
        '    <div class="technique-choice">\n'
        '      <input type="radio" class="btn-check" name="{}" id="{}_none" value=""'
        "{} data-technique-none>\n"
        '      <label class="btn btn-outline-secondary technique-chip" '
        'for="{}_none">{}</label>\n'
        "    </div>\n  </div>\n  {}\n  {}\n"
        '  <p class="small mt-1 mb-0 no-print"><a href="{}">{}</a></p>\n'
        "</fieldset>\n",
        html(' aria-describedby="{}_error"', field_id) if errors else EMPTY,
        field.label,
        field.html_name,
        field_id,
        EMPTY if value else html(" checked"),
        field_id,
        _words(language)[0],
        render_technique_groups(field, form.technique_groups, value),
        error_list,
        fixed_url("journal:skills"),
        _words(language)[1],
    )


@functools.lru_cache(maxsize=8)
def _words(language: str) -> tuple[str, str]:
    # ``language`` only keys the memo: the words are the active language's.
    return gettext("None in particular"), gettext("Add your own, or hide some")
