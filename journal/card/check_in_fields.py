"""The day's check-in's fields drawn in Python. Most answers are a row of chips (the
tap scale's look): the check-in draws one for every row and beside every urge,
eighty chips for a card of nine rows, and as a template include they cost most of
the page. A number or the day's sentence is drawn as crispy drew it.

In the chips, "–" comes first, for not rated. ``legend_suffix`` names the row for a
screen reader ("Acted on it (Urge to drink)"), never shown twice on screen. Every
piece is made by journal.html.html(), which escapes every value: a row's name is
the legend of its chips or the label of its number, and the sentence is the
person's own words (tests/journal/test_card_escaping.py).
"""

from django.forms import BoundField, Textarea
from django.utils.safestring import SafeString

from journal.html import EMPTY, html, html_join
from journal.models import CardRow


def render_chips(field: BoundField, *, legend_suffix=None, wide=False) -> SafeString:
    """One field of radio buttons as chips, its error beside it for a screen reader."""
    auto_id, name = field.auto_id, field.html_name
    errors = field.errors
    selected = set(field.field.widget.format_value(field.value()))
    invalid = html(' aria-invalid="true"') if errors else EMPTY
    chips = []
    for index, (value, label) in enumerate(field.field.choices):
        chip_id = f"{auto_id}_{index}"
        value = str(value)
        if value:
            chip_class, shown = html("btn scale-chip"), html("{}", label)
        else:
            chip_class = html("btn scale-chip scale-chip-none")
            shown = html(
                '<span aria-hidden="true">–</span><span class="visually-hidden">{}'
                "</span>",
                label,
            )
        chips.append(
            html(
                '\n<span class="scale-option">\n<input type="radio" class="btn-check" '
                'name="{}" id="{}" value="{}"{}{}>\n<label class="{}" for="{}">{}'
                "</label>\n</span>",
                name,
                chip_id,
                value,
                html(" checked") if value in selected else EMPTY,
                invalid,
                chip_class,
                chip_id,
                shown,
            )
        )
    classes = "mb-2 scale-field card-chips"
    if wide:
        classes += " card-chips-wide"
    described_by = feedback = EMPTY
    if errors:
        classes += " has-error"
        described_by = html(' aria-describedby="{}_error"', auto_id)
        feedback = html(
            '\n<div class="invalid-feedback d-block field-message" id="{}_error">{}'
            "</div>",
            auto_id,
            html_join(html('<p class="mb-0">{}</p>', error) for error in errors),
        )
    suffix = EMPTY
    if legend_suffix:
        suffix = html('<span class="visually-hidden"> ({})</span>', legend_suffix)
    return html(
        '<fieldset class="{}"{}>\n<legend class="form-label">{}{}</legend>\n'
        '<div class="scale-row">{}\n</div>{}\n</fieldset>\n',
        classes,
        described_by,
        field.label,
        suffix,
        html_join(chips),
        feedback,
    )


def render_check_in_rows(rows) -> SafeString:
    """Every active row of the card with its field, and "acted on it" beside an urge:
    ``rows`` as the view gives them, ``(row, value field, acted-on field or None)``."""
    drawn = []
    for row, value_field, acted_field in rows:
        if row.kind == CardRow.Kind.NUMBER:
            value = render_field(value_field)
        else:
            value = render_chips(value_field)
        acted = EMPTY
        if acted_field is not None:
            acted = render_chips(acted_field, legend_suffix=row.name)
        drawn.append(
            html(
                '<div class="check-in-row" id="check-in-row-{}">\n{}{}</div>\n',
                row.pk,
                value,
                acted,
            )
        )
    return html_join(drawn)


def _attributes(attrs: dict) -> SafeString:
    # As Django's widgets/attrs.html: False leaves the attribute out, True is bare.
    return html_join(
        html(" {}", name) if value is True else html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False
    )


def render_field(field: BoundField) -> SafeString:
    """One number input or text area as crispy drew it (bootstrap5, no help text):
    the label, the field, and any error beside it, tied by aria-describedby."""
    widget, auto_id, errors = field.field.widget, field.auto_id, field.errors
    required = field.field.required and field.form.use_required_attribute
    attrs = {**widget.attrs}
    attrs["class"] = f"{type(widget).__name__.lower()} form-control" + (
        " is-invalid" if errors else ""
    )
    if required:
        attrs["required"] = True
    if errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{auto_id}_error"
    attrs["id"] = auto_id
    value = widget.format_value(field.value())
    if isinstance(widget, Textarea):
        drawn = html(
            '<textarea name="{}"{}>\n{}</textarea>',
            field.html_name,
            _attributes(attrs),
            value or "",
        )
    else:
        drawn = html(
            '<input type="{}" name="{}"{}{}>',
            widget.input_type,
            field.html_name,
            EMPTY if value is None else html(' value="{}"', value),
            _attributes(attrs),
        )
    feedback = EMPTY
    if errors:
        feedback = html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            auto_id,
            html_join(
                html(
                    '<span id="error_{}_{}"><strong>{}</strong></span>',
                    number,
                    auto_id,
                    error,
                )
                for number, error in enumerate(errors, start=1)
            ),
        )
    return html(
        '<div id="div_{}" class="mb-3">\n<label for="{}" class="form-label{}">{}{}'
        "</label>\n{}{}\n</div>\n",
        auto_id,
        auto_id,
        " requiredField" if required else "",
        field.label,
        html('<span class="asteriskField">*</span>') if required else EMPTY,
        drawn,
        feedback,
    )
