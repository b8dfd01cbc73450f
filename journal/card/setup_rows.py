"""My diary card's rows (/journal/card/) drawn in Python: each row repeats five small
forms, its name six times and a rename field, and as a template (crispy's field
templates for the rename field, ten URLs, a dozen translated words) the rows cost
more than a millisecond each.

Every piece is made by journal.html.html(), which escapes every value: the names are
the person's own words (tests/journal/test_card_escaping.py puts markup in a row's
name and a failed rename, and finds it escaped everywhere).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from core.forms import over_limit_text
from journal.card.forms import NAME_ERRORS, RenameForm
from journal.html import EMPTY, NEWLINE, _, html, html_join
from journal.models import CardRow
from journal.models.card import ROW_NAME_MAX_LENGTH

# Words of a row, marked for makemessages here: the template that said them is gone.
WORDS = {
    "paused": gettext_noop("paused"),
    "hidden": gettext_noop("hidden from your week and shared pages"),
    "up": gettext_noop("Up"),
    "down": gettext_noop("Down"),
    "pause": gettext_noop("Pause"),
    "resume": gettext_noop("Resume"),
    "hide": gettext_noop("Hide from my week"),
    "show": gettext_noop("Show on my week"),
    "remove": gettext_noop("Remove"),
    "rename": gettext_noop("Rename"),
    "rename or mark": gettext_noop("Rename, or mark as about self-harm or suicide"),
    "save name": gettext_noop("Save name"),
    "risk explained": gettext_noop(
        "A row about self-harm or suicide can be hidden from your week, progress and "
        "PDFs in one tap, and a high rating shows who you can reach right away."
    ),
    "mark risk": gettext_noop("It is about self-harm or suicide"),
    "unmark risk": gettext_noop("It is not about self-harm or suicide"),
}

# A row's addresses are reversed once a page with this id in place of the row's
# (and of the action's), then filled in for each row.
PK_MARK = 987654321
ACTION_MARK = "action-goes-here"


def _address(name: str, *args) -> tuple[str, str]:
    url = reverse(name, args=args)
    if len(args) > 1:
        url = url.replace(ACTION_MARK, "{action}")
    before, after = url.split(str(PK_MARK))
    return before, after


def rename_field(
    html_name: str, value, errors, *, label: str, over_limit: str
) -> SafeString:
    """The rename form's one field as crispy drew it (bootstrap5): the label, the
    input with its value, and any error beside it, tied by aria-describedby."""
    field_id = f"id_{html_name}"
    value_attribute = EMPTY if value in (None, "") else html(' value="{}"', value)
    if not errors:
        state = html('class="textinput form-control" required')
        feedback = EMPTY
    else:
        state = html(
            'class="textinput form-control is-invalid" required aria-invalid="true" '
            'aria-describedby="{}_error"',
            field_id,
        )
        feedback = html(
            ' <div id="{}_error" class="invalid-feedback">{}</div>',
            field_id,
            html_join(
                html(
                    ' <span id="error_{}_{}"><strong>{}</strong></span> ',
                    number,
                    field_id,
                    error,
                )
                for number, error in enumerate(errors, start=1)
            ),
        )
    return html(
        '<div id="div_{}" class="mb-3"> <label for="{}" class="form-label '
        'requiredField">{}<span class="asteriskField">*</span> </label> '
        '<input type="text" name="{}"{} data-max-length="{}" '
        'data-over-limit-text="{}" {} id="{}">{} </div>',
        field_id,
        field_id,
        label,
        html_name,
        value_attribute,
        ROW_NAME_MAX_LENGTH,
        over_limit,
        state,
        field_id,
        feedback,
    )


def render_setup_rows(rows: list[CardRow], renaming, csrf_token) -> SafeString:
    """Every row of the card with its buttons and its folded rename form.
    ``renaming`` is ``(row id, bound RenameForm)`` after a rename that failed."""
    language = translation.get_language()
    words = {key: _(message, language) for key, message in WORDS.items()}
    kinds = {kind: str(label) for kind, label in CardRow.Kind.choices}
    label = str(RenameForm.base_fields["name"].label)
    over_limit = over_limit_text(NAME_ERRORS)
    token = EMPTY
    if csrf_token and str(csrf_token) != "NOTPROVIDED":
        token = html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token
        )
    change = _address("journal:card-row-change", PK_MARK, ACTION_MARK)
    rename = _address("journal:card-row-rename", PK_MARK)
    remove = _address("journal:card-row-remove", PK_MARK)

    def button_form(pk, action: str, text, name, arrow: str = "") -> SafeString:
        return html(
            '<form method="post" action="{}{}{}">{}<button type="submit" '
            'class="btn btn-sm btn-outline-secondary">{}{}'
            '<span class="visually-hidden"> {}</span></button></form>',
            change[0],
            pk,
            change[1].format(action=action),
            token,
            html('<span aria-hidden="true">{}</span> ', arrow) if arrow else EMPTY,
            text,
            name,
        )

    drawn = []
    last = len(rows) - 1
    for index, row in enumerate(rows):
        pk, name = row.pk, row.name
        is_paused, is_hidden, is_risk = row.is_paused, row.is_hidden, row.is_risk
        marks = []
        if is_paused:
            marks.append(html(' <span class="small">· {}</span>', words["paused"]))
        if is_hidden:
            marks.append(html(' <span class="small">· {}</span>', words["hidden"]))
        buttons = []
        if index:
            buttons.append(button_form(pk, "up", words["up"], name, "↑"))
        if index != last:
            buttons.append(button_form(pk, "down", words["down"], name, "↓"))
        buttons.append(
            button_form(
                pk,
                "resume" if is_paused else "pause",
                words["resume"] if is_paused else words["pause"],
                name,
            )
        )
        if is_risk:
            buttons.append(
                button_form(
                    pk,
                    "show" if is_hidden else "hide",
                    words["show"] if is_hidden else words["hide"],
                    name,
                )
            )
        buttons.append(
            html(
                '<a class="btn btn-sm btn-outline-secondary" href="{}{}{}">{}'
                '<span class="visually-hidden"> {}</span></a>',
                remove[0],
                pk,
                remove[1],
                words["remove"],
                name,
            )
        )
        is_open = bool(renaming) and renaming[0] == pk
        if is_open:
            field = renaming[1]["name"]
            value, errors = field.value(), field.errors
        else:
            value, errors = name, ()
        field_html = rename_field(
            f"r{pk}-name",
            value,
            errors,
            label=label,
            over_limit=over_limit,
        )
        risk_form = EMPTY
        if row.is_urge:
            risk_form = html(
                '\n<form method="post" action="{}{}{}" class="mt-2">{}\n'
                '<p class="small mb-1">{}</p>\n'
                '<button type="submit" class="btn btn-sm btn-outline-secondary">{}'
                "</button>\n</form>",
                change[0],
                pk,
                change[1].format(action="unmark-risk" if is_risk else "mark-risk"),
                token,
                words["risk explained"],
                words["unmark risk"] if is_risk else words["mark risk"],
            )
        drawn.append(
            html(
                '<li class="card-row" id="row-{}">\n'
                '<p class="card-row-name mb-1"><span class="fw-semibold">{}</span> '
                '<span class="small text-body-secondary">· {}</span>{}</p>\n'
                '<div class="card-row-actions d-flex flex-wrap gap-2">\n{}\n</div>\n'
                '<details class="card-row-more mt-2"{}>\n'
                '<summary>{}<span class="visually-hidden"> ({})</span></summary>\n'
                '<form method="post" action="{}{}{}" class="mt-2" novalidate>\n'
                "{}\n{}\n"
                '<button type="submit" class="btn btn-sm btn-primary">{}</button>\n'
                "</form>{}\n</details>\n</li>\n",
                pk,
                name,
                kinds[row.kind],
                html_join(marks),
                html_join(_lines(buttons)),
                html(" open") if is_open else EMPTY,
                words["rename or mark"] if row.is_urge else words["rename"],
                name,
                rename[0],
                pk,
                rename[1],
                token,
                field_html,
                words["save name"],
                risk_form,
            )
        )
    return html_join(drawn)


def _lines(parts: list[SafeString]) -> list[SafeString]:
    joined = []
    for part in parts:
        if joined:
            joined.append(NEWLINE)
        joined.append(part)
    return joined
