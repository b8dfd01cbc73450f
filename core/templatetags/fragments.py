"""Fragments kept drawn: ``{% cache_with_token %}`` and ``{% text_form %}``.

``{% cache_with_token %}``: Django's ``{% cache %}`` for fragments holding a form.

A form's CSRF token is masked afresh for every response, so a fragment with a form
in it could not be kept as it was drawn. This one is kept with a placeholder where
the token goes, and gets this response's token on the way out. Same arguments as
``{% cache %}``: a timeout, a name, what the fragment varies on, and ``using=``. A
view that reads the fragment ahead, in one trip with its other keys, passes what it
found as ``read_ahead``.
"""

import re

from crispy_forms.utils import render_crispy_form
from django import forms, template
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.templatetags.cache import CacheNode
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

PLACEHOLDER = "csrf-token-is-added-to-each-response"
TOKEN_FIELD = f'<input type="hidden" name="csrfmiddlewaretoken" value="{PLACEHOLDER}">'


class CacheWithTokenNode(CacheNode):
    def render(self, context):
        token = context.get("csrf_token")
        with context.push(csrf_token=PLACEHOLDER):
            html = self._read_ahead(context)
            if html is None:
                html = super().render(context)
        if not token or str(token) == "NOTPROVIDED":
            # As {% csrf_token %} does without a token: no field at all.
            return html.replace(TOKEN_FIELD, "")
        return html.replace(PLACEHOLDER, str(token))

    def _read_ahead(self, context) -> str | None:
        """The fragment, if the view already read it (``read_ahead``: what one
        ``get_many`` found, with the page's other keys); else None, and it is
        read (or drawn and kept) as ``{% cache %}`` does."""
        read_ahead = context.get("read_ahead")
        if not read_ahead:
            return None
        vary_on = [var.resolve(context) for var in self.vary_on]
        return read_ahead.get(make_template_fragment_key(self.fragment_name, vary_on))


@register.tag("cache_with_token")
def do_cache_with_token(parser, token):
    """{% cache_with_token timeout name [vary_on …] %}…{% endcache_with_token %}"""
    nodelist = parser.parse(("endcache_with_token",))
    parser.delete_first_token()
    bits = token.split_contents()
    cache_name = None
    if len(bits) > 3 and bits[-1].startswith("using="):
        cache_name = parser.compile_filter(bits.pop().removeprefix("using="))
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]!r} needs a timeout and a name, like {{% cache %}}."
        )
    return CacheWithTokenNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2],
        [parser.compile_filter(bit) for bit in bits[3:]],
        cache_name,
    )


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
    language = translation.get_language()
    key = f"text-form:{type(form).__module__}.{type(form).__qualname__}:{language}"
    fragments = caches["shared_fragments"]
    html = fragments.get(key)
    if html is None:
        marked = type(form)(
            initial={name: FIELD_MARK.format(name=name) for name in form.fields}
        )
        html = render_crispy_form(marked)
        fragments.set(key, html, None)
    texts = {}
    for name in form.fields:
        value = form[name].value()
        texts[name] = conditional_escape("" if value is None else value)
    # One pass over the kept HTML: a text that looks like a mark stays text.
    html = FIELD_MARKS.sub(lambda mark: texts[mark.group(1)], html)
    return mark_safe(html)  # noqa: S308 - crispy's HTML, each text escaped above
