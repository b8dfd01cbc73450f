"""``{% cache_with_token %}``: Django's ``{% cache %}`` for fragments holding a form.

A form's CSRF token is masked afresh for every response, so a fragment with a form
in it could not be kept as it was drawn. This one is kept with a placeholder where
the token goes, and gets this response's token on the way out. Same arguments as
``{% cache %}``: a timeout, a name, what the fragment varies on, and ``using=``.
"""

from django import template
from django.templatetags.cache import CacheNode

register = template.Library()

PLACEHOLDER = "csrf-token-is-added-to-each-response"
TOKEN_FIELD = f'<input type="hidden" name="csrfmiddlewaretoken" value="{PLACEHOLDER}">'


class CacheWithTokenNode(CacheNode):
    def render(self, context):
        token = context.get("csrf_token")
        with context.push(csrf_token=PLACEHOLDER):
            html = super().render(context)
        if not token or str(token) == "NOTPROVIDED":
            # As {% csrf_token %} does without a token: no field at all.
            return html.replace(TOKEN_FIELD, "")
        return html.replace(PLACEHOLDER, str(token))


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
