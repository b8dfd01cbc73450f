"""Fragments kept drawn: ``{% kept %}`` and ``{% text_form %}``.

``{% kept name vary_on… %}…{% endkept %}``: Django's ``{% cache %}``, with the
name, version, timeout and cache of each piece declared once in core/fragments.py
(a name not declared there fails when the template is read), and fit for
fragments holding a form.

A form's CSRF token is masked afresh for every response, so a fragment with a form
in it could not be kept as it was drawn. It is kept with a placeholder where the
token goes, and gets this response's token on the way out. A view that read the
fragment ahead, in one trip with its other keys (``fragments.read_ahead``), passes
what it found as ``read_ahead``.
"""

import re

from crispy_forms.utils import render_crispy_form
from django import forms, template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core import fragments

register = template.Library()

PLACEHOLDER = "csrf-token-is-added-to-each-response"
TOKEN_FIELD = f'<input type="hidden" name="csrfmiddlewaretoken" value="{PLACEHOLDER}">'


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.piece = fragments.piece(name)
        self.vary_on = vary_on

    def render(self, context):
        key = fragments.key(self.name, *(var.resolve(context) for var in self.vary_on))
        read_ahead = context.get("read_ahead")
        html = read_ahead.get(key) if read_ahead else None
        if html is None:
            store = fragments.store(self.name)
            html = store.get(key)
            if html is None:
                with context.push(csrf_token=PLACEHOLDER):
                    html = self.nodelist.render(context)
                store.set(key, html, self.piece.seconds)
        return _with_token(html, context.get("csrf_token"))


def _with_token(html: str, token) -> str:
    """The kept HTML with this response's token where the placeholder is."""
    if PLACEHOLDER not in html:
        return html
    if not token or str(token) == "NOTPROVIDED":
        # As {% csrf_token %} does without a token: no field at all.
        return html.replace(TOKEN_FIELD, "")
    return html.replace(PLACEHOLDER, str(token))


@register.tag("kept")
def do_kept(parser, token):
    """{% kept name [vary_on …] %}…{% endkept %}"""
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]!r} needs the name of a piece from core/fragments.py."
        )
    try:
        fragments.piece(bits[1])
    except LookupError as error:
        raise template.TemplateSyntaxError(str(error)) from None
    return KeptNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


# --- {% text_form form %} -------------------------------------------------------------

FIELD_MARK = "[field-text-goes-here:{name}]"
FIELD_MARKS = re.compile(r"\[field-text-goes-here:(\w+)\]")


@register.simple_tag
def text_form(form):
    """``{% crispy form %}`` for a blank form of text areas, its HTML kept per language.

    crispy draws such a form once per language and process, with a mark where
    each field's text goes; each visit puts its own escaped text in its place (a
    text area's text is the only thing that differs). Nothing a person wrote is
    kept. A submitted form (with its errors) is drawn by crispy as it always was.
    For forms made with no arguments but ``initial`` and ``instance`` (the marked
    copy is made with ``initial`` alone).
    """
    if form.is_bound or not all(
        isinstance(field.widget, forms.Textarea) for field in form.fields.values()
    ):
        return render_crispy_form(form)
    kind = f"{type(form).__module__}.{type(form).__qualname__}"
    key = fragments.key("text-form", kind, translation.get_language())
    kept = fragments.store("text-form")
    html = kept.get(key)
    if html is None:
        marked = type(form)(
            initial={name: FIELD_MARK.format(name=name) for name in form.fields}
        )
        html = render_crispy_form(marked)
        kept.set(key, html, None)
    texts = {}
    for name in form.fields:
        value = form[name].value()
        texts[name] = conditional_escape("" if value is None else value)
    # One pass over the kept HTML: a text that looks like a mark stays text.
    html = FIELD_MARKS.sub(lambda mark: texts[mark.group(1)], html)
    return mark_safe(html)  # noqa: S308 - crispy's HTML, each text escaped above


# --- {% blank_form form %} ------------------------------------------------------------


@register.simple_tag
def blank_form(form):
    """``{% crispy form %}`` for a form nobody has filled in yet, its HTML kept per
    form and language in each process (crispy costs a page a few milliseconds).

    Only for a form whose fields and choices are the same for everyone: the
    template says so by using this tag. A submitted form, or one with any value
    in it, is drawn by crispy as it always was.
    """
    if form.is_bound or any(
        form[name].value() not in (None, "") for name in form.fields
    ):
        return render_crispy_form(form)
    kind = f"{type(form).__module__}.{type(form).__qualname__}"
    key = fragments.key("blank-form", kind, form.prefix, translation.get_language())
    kept = fragments.store("blank-form")
    html = kept.get(key)
    if html is None:
        html = render_crispy_form(form)
        kept.set(key, html, None)
    return mark_safe(html)  # noqa: S308 - crispy's HTML of a blank form, nothing typed
