"""Turning two-factor sign-in on and off."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import two_factor
from accounts.forms.guard import is_right
from core.forms import CrispyFormMixin


class TwoFactorSetupForm(CrispyFormMixin, forms.Form):
    """The first code from a newly added authenticator app turns two-factor on."""

    code = forms.CharField(
        label=_("The six-digit code your app shows"),
        max_length=32,
        error_messages={"required": _("Type the code your app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not two_factor.code_matches_new_device(self.device, code):
            raise forms.ValidationError(
                _(
                    "That code didn't match. Check that the app shows Between "
                    "Sessions, and type the newest code."
                )
            )
        return code


class TurnOffTwoFactorForm(CrispyFormMixin, forms.Form):
    """Turning two-factor off needs the password and a code, both."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your password.")},
    )
    code = forms.CharField(
        label=_("A code from your authenticator app, or a recovery code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
        error_messages={"required": _("Type a code.")},
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean(self):
        password = self.cleaned_data.get("password")
        code = self.cleaned_data.get("code")
        if password is None or code is None:
            return self.cleaned_data

        def both_match():
            right_password = self.user.check_password(password)
            # Both are checked, so the answer never tells which one was wrong.
            right_code = two_factor.verify(self.user, code) is not None
            return right_password and right_code

        if not is_right(self, both_match, field="password"):
            raise forms.ValidationError(
                _("The password or the code didn't match. Two-factor is still on.")
            )
        return self.cleaned_data
