"""What every app's forms share."""

from crispy_forms.helper import FormHelper
from django.utils.functional import cached_property

# One limit for every search box: the journal's history and the guide.
SEARCH_MAX_LENGTH = 200


class CrispyFormMixin:
    """A form drawn with ``{% crispy form %}`` inside a <form> the template writes."""

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        return helper
