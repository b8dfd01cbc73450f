"""Choosing a password: the shared rules and fields, reset and change."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.forms.guard import is_right
from accounts.models import profile_for


class ChosenPasswordMixin:
    """Password fields that talk like the rest of the product.

    Django puts "this password is too short" under the confirmation field; it belongs
    beside the password being chosen. The rules show as a list that a small script
    (core/js/site/password-rules.js) ticks off as the person types.
    """

    FIRST_FIELD = {"password2": "password1", "new_password2": "new_password1"}

    def validate_password_for_user(self, user, password_field_name="password2"):  # noqa: S107 - a field name
        super().validate_password_for_user(
            user, self.FIRST_FIELD.get(password_field_name, password_field_name)
        )

    def prepare_password_fields(self, first: str, second: str) -> None:
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": _(
                "The two passwords are not the same. Please type them again."
            ),
        }
        self.fields[first].error_messages["required"] = _("Choose a password.")
        self.fields[first].help_text = password_rules_html()
        self.fields[first].widget.attrs["data-password-rules"] = "true"
        self.fields[second].error_messages["required"] = _(
            "Type the same password again."
        )
        self.fields[second].help_text = _("The same password again, to be sure.")


def password_rules_html():
    """The rules, as items the page script can tick off (plain text without it)."""
    from django.utils.html import format_html, format_html_join

    minimum = next(
        (
            validator.min_length
            for validator in password_validation.get_default_password_validators()
            if isinstance(validator, password_validation.MinimumLengthValidator)
        ),
        8,
    )
    rules = [
        ("length", str(minimum), _("At least %(n)d characters") % {"n": minimum}),
        ("not-numeric", "", _("Not only numbers")),
        ("", "", _("Not a common password, and not like your username")),
    ]
    return format_html(
        '<ul class="password-rules mb-0" data-rules>{}</ul>',
        format_html_join(
            "",
            '<li data-rule="{}" data-value="{}">{}</li>',
            rules,
        ),
    )


class ResetRequestForm(auth_forms.PasswordResetForm):
    """Asking for a reset link: the e-mail speaks the account's language."""

    def send_mail(
        self, subject_template_name, email_template_name, context, *args, **kwargs
    ):
        with translation.override(profile_for(context["user"]).language):
            super().send_mail(
                subject_template_name, email_template_name, context, *args, **kwargs
            )


class ResetPasswordForm(ChosenPasswordMixin, auth_forms.SetPasswordForm):
    """Choosing a new password from a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_password_fields("new_password1", "new_password2")


class PasswordChangeForm(ChosenPasswordMixin, auth_forms.PasswordChangeForm):
    """Django's form, offering to turn off share links made with the old password."""

    end_shared_access = forms.BooleanField(
        label=_("Also turn off my share links"),
        required=False,
        initial=True,
        help_text=_(
            "Recommended if someone else may have known your password. You can make "
            "new links afterwards."
        ),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["old_password"].error_messages["required"] = _(
            "Type your current password."
        )
        self.prepare_password_fields("new_password1", "new_password2")

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not is_right(self, lambda: self.user.check_password(old_password)):
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password
