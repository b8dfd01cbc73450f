"""The safety plan's form: each list step a box of lines, each person a name and
number. A person's words are checked, never cut: too long is said beside the step."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin, ReadableCount
from safety.steps import (
    MAX_LINE_LENGTH,
    MAX_LINES,
    MAX_NAME_LENGTH,
    MAX_PHONE_LENGTH,
    STEPS,
)

# Digits and what people write between them: spaces, dashes, dots, brackets, a
# leading plus. Anything else in a number is a typo a tap would dial wrongly.
PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()./-]+")
MIN_PHONE_DIGITS = 3
MAX_PHONE_DIGITS = 15  # the longest number the international plan allows


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a box, each without the spaces around it."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def name_field(step, row: int) -> str:
    return f"{step.key.removesuffix('s')}_{row}_name"


def phone_field(step, row: int) -> str:
    return f"{step.key.removesuffix('s')}_{row}_phone"


def rows_of(step) -> range:
    return range(1, step.rows + 1)


def _name_input() -> forms.CharField:
    return forms.CharField(
        label=_("Name"),
        required=False,
        max_length=MAX_NAME_LENGTH,
        error_messages={
            "max_length": _(
                "Please keep a name to %(limit_value)s characters "
                "(it has %(show_value)s now)."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _phone_input() -> forms.CharField:
    return forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=MAX_PHONE_LENGTH,
        error_messages={
            "max_length": _(
                "Please keep a number to %(limit_value)s characters "
                "(it has %(show_value)s now)."
            )
        },
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "off", "dir": "ltr"}
        ),
    )


def _declared_fields() -> dict:
    """Every field of the plan's form, in the plan's order."""
    fields = {}
    for step in STEPS:
        if step.is_contacts:
            for row in rows_of(step):
                fields[name_field(step, row)] = _name_input()
                fields[phone_field(step, row)] = _phone_input()
        else:
            fields[step.key] = forms.CharField(
                label=step.title, required=False, widget=forms.Textarea
            )
    return fields


class _PlanForm(forms.Form):
    @classmethod
    def initial_from(cls, plan) -> dict:
        """The form's starting values from a saved plan."""
        initial = {}
        for step in STEPS:
            if step.is_contacts:
                for row, contact in zip(
                    rows_of(step), plan.items_of(step.key), strict=False
                ):
                    initial[name_field(step, row)] = contact.name
                    initial[phone_field(step, row)] = contact.phone
            else:
                initial[step.key] = "\n".join(plan.items_of(step.key))
        return initial

    def _clean_lines(self, step) -> list[str]:
        lines = lines_of(self.cleaned_data.get(step.key, ""))
        if len(lines) > MAX_LINES:
            self.add_error(
                step.key,
                gettext("Please keep this to %(limit)s lines (it has %(count)s now).")
                % {"limit": MAX_LINES, "count": len(lines)},
            )
        for number, line in enumerate(lines, start=1):
            if len(line) > MAX_LINE_LENGTH:
                self.add_error(
                    step.key,
                    _(
                        "Line %(number)s is %(count)s characters; please keep each "
                        "line to %(limit)s."
                    )
                    % {
                        "number": number,
                        "count": ReadableCount(len(line)),
                        "limit": ReadableCount(MAX_LINE_LENGTH),
                    },
                )
        return lines

    def _clean_contacts(self, step) -> list[dict]:
        contacts = []
        for row in rows_of(step):
            name_key, phone_key = name_field(step, row), phone_field(step, row)
            name = (self.cleaned_data.get(name_key) or "").strip()
            phone = (self.cleaned_data.get(phone_key) or "").strip()
            if phone and not name:
                self.add_error(name_key, _("Please add a name for this number."))
            if phone:
                digits = sum(character.isdigit() for character in phone)
                if not PHONE_CHARACTERS.fullmatch(phone):
                    self.add_error(
                        phone_key,
                        _(
                            "A phone number can hold digits, spaces, dashes, "
                            "brackets and a + at the start."
                        ),
                    )
                elif not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
                    self.add_error(
                        phone_key,
                        _("A phone number has between %(low)s and %(high)s digits.")
                        % {"low": MIN_PHONE_DIGITS, "high": MAX_PHONE_DIGITS},
                    )
            if name:
                contacts.append({"name": name, "phone": phone})
        return contacts

    def clean(self):
        cleaned = super().clean()
        self.plan_values = {
            step.key: (
                self._clean_contacts(step)
                if step.is_contacts
                else self._clean_lines(step)
            )
            for step in STEPS
        }
        return cleaned


# Declared through the metaclass (not added in __init__), so CrispyFormMixin sees
# every name and number field and moves its limit to the length counter.
SafetyPlanForm = type(
    "SafetyPlanForm",
    (CrispyFormMixin, _PlanForm),
    {
        "__module__": __name__,
        "__doc__": "Every step of the plan on one form; the owner is never a field.",
        **_declared_fields(),
    },
)
