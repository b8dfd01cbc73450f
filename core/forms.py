"""What every app's forms share."""

from crispy_forms.helper import FormHelper
from django.utils.functional import cached_property

# One limit for every search box: the journal's history and the guide.
SEARCH_MAX_LENGTH = 200


class CrispyFormMixin:
    """A form drawn with ``{% crispy form %}`` inside a <form> the template writes.

    Text fields lose the browser's ``maxlength``: it cuts a long paste silently,
    mid-word, so the person never learns their words were dropped. The limit moves
    to ``data-max-length``, where core/js/site/length-counter.js counts as
    they type, and the server's "please keep it to …" message explains the rest.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            attrs = field.widget.attrs
            if "maxlength" in attrs:
                attrs["data-max-length"] = attrs.pop("maxlength")

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        # The template's <form> has its own {% csrf_token %}: one token per form.
        helper.disable_csrf = True
        return helper
