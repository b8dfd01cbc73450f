"""The import form: one JSON file, at most 5 MB (checked while it arrives)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin


class ImportForm(CrispyFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Export file (.json)"),
        help_text=_(
            "A file you downloaded with “Download everything (JSON)”. At most 5 MB."
        ),
        error_messages={
            "required": _("Choose a file to import."),
            "empty": _("This file is empty."),
        },
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".json,application/json"
        # Refused while it arrived (core/uploads.py): the file never reached us.
        self.too_large = too_large

    def clean(self):
        if self.too_large:
            self.errors.pop("file", None)
            self.add_error(
                "file", _("This file is larger than 5 MB, so it was not imported.")
            )
        return super().clean()
