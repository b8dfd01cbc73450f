"""What every app's forms share."""

import re

from crispy_forms.helper import FormHelper
from django.core.validators import MaxLengthValidator
from django.utils.functional import cached_property, lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# One limit for every search box: the journal's history and the guide.
SEARCH_MAX_LENGTH = 200

# %(limit_value)s / %(show_value)d in a "please keep it to …" message, as the page
# script's {limit} / {count}.
PLACEHOLDER = re.compile(r"%\((limit_value|show_value)\)[sd]")
SCRIPT_NAMES = {"limit_value": "{limit}", "show_value": "{count}"}


def readable_number(number: int, language: str | None) -> str:
    """A count as people of that language write it, the way the browser's Intl does.

    English groups thousands with a comma (2,345); Spanish leaves four-digit numbers
    whole (2345) and groups larger ones with a point (12.345).
    """
    if (language or "en").split("-")[0] == "es":
        return str(number) if abs(number) < 10_000 else f"{number:,}".replace(",", ".")
    return f"{number:,}"


class ReadableCount(int):
    """A number that prints in the active language (``%s``); ``%d`` stays bare digits.

    The length messages name the limit and the count with ``%s``, so the server's
    message and the page's counter write 2,345 the same way.
    """

    def __str__(self) -> str:
        return readable_number(int(self), get_language())


class ReadableMaxLengthValidator(MaxLengthValidator):
    def __init__(self, limit_value, message=None):
        super().__init__(ReadableCount(limit_value), message)

    def clean(self, x):
        return ReadableCount(len(x))


def over_limit_text(error_messages: dict) -> str:
    """A field's "please keep it to …" message with the script's placeholders."""
    message = str(error_messages["max_length"])
    return PLACEHOLDER.sub(lambda match: SCRIPT_NAMES[match[1]], message)


over_limit_text_lazy = lazy(over_limit_text, str)

# For a field whose form names no message of its own.
MAX_LENGTH_MESSAGE = _(
    "Please keep this to %(limit_value)s characters (it has %(show_value)s now)."
)


class CrispyFormMixin:
    """A form drawn with ``{% crispy form %}`` inside a <form> the template writes.

    Text fields lose the browser's ``maxlength``: it cuts a long paste silently,
    mid-word, so the person never learns their words were dropped. The limit moves
    to ``data-max-length``, where core/js/site/length-counter.js counts as
    they type. Past the limit the counter says the field's own "please keep it
    to …" message (``data-over-limit-text``), numbers written as the server writes
    them: one message in one voice, whether the browser or the server noticed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            attrs = field.widget.attrs
            if "maxlength" not in attrs:
                continue
            attrs["data-max-length"] = attrs.pop("maxlength")
            field.validators = [
                ReadableMaxLengthValidator(validator.limit_value)
                if type(validator) is MaxLengthValidator
                else validator
                for validator in field.validators
            ]
            field.error_messages.setdefault("max_length", MAX_LENGTH_MESSAGE)
            # Read when the page is drawn: a form may word the message after this.
            attrs["data-over-limit-text"] = over_limit_text_lazy(field.error_messages)

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        # The template's <form> has its own {% csrf_token %}: one token per form.
        helper.disable_csrf = True
        return helper
