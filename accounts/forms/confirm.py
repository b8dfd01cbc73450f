""" "Is it really you?" before a sensitive action, and deleting the account."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import lockout, two_factor
from core.forms import CrispyFormMixin
from core.network import client_ip


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
        username = self.user.get_username()
        ip_address = client_ip(self.request)
        now = timezone.now()
        if lockout.pause_for(self.request, username, self.user.pk, now):
            raise forms.ValidationError(_("Logging in is paused for a moment."))
        if not password and not code:
            raise forms.ValidationError(_("Type your password to go on."))
        if password and self.user.check_password(password):
            return self.cleaned_data
        if code and two_factor.verify(self.user, code) is not None:
            return self.cleaned_data
        lockout.record_failure(username, ip_address, now)
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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password is not right. Nothing was deleted.")
            )
        return password
