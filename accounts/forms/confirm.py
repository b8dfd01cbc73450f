""" "Is it really you?" before a sensitive action, and deleting the account."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import two_factor
from accounts.forms.guard import is_right
from core.forms import CrispyFormMixin


class ConfirmIdentityForm(CrispyFormMixin, forms.Form):
    """ "Is it really you?": the password, or a code, before a sensitive action."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Or a code from your authenticator app"),
        required=False,
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, user, request, **kwargs):
        kwargs.setdefault("prefix", "confirm")
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        if not two_factor.is_enabled(user):
            del self.fields["code"]

    def clean(self):
        password = self.cleaned_data.get("password") or ""
        code = self.cleaned_data.get("code") or ""
        if not password and not code:
            raise forms.ValidationError(_("Type your password to go on."))

        def matches():
            if password and self.user.check_password(password):
                return True
            return bool(code) and two_factor.verify(self.user, code) is not None

        if is_right(self, matches, field="password"):
            return self.cleaned_data
        raise forms.ValidationError(
            _("That didn't match. Nothing has changed; you can try again.")
        )


class DeleteAccountForm(CrispyFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your password to confirm.")},
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not is_right(self, lambda: self.user.check_password(password)):
            raise forms.ValidationError(
                _("That password is not right. Nothing was deleted.")
            )
        return password
