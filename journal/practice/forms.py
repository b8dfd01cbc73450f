"""The practice plan's form: one to five items (formset prefix ``items``).

Every field of an item is optional on its own: an item left blank is no item. An
item with anything in it needs what to practice and how often, said beside the
field that is missing, and what was typed stays.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from core.skills import Skill
from journal.models import PracticeMiss
from journal.models.practice_plans import (
    MAX_ITEMS,
    MAX_TIMES,
    NOTE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
)
from journal.skills.catalogue import Catalogue

PREFIX = "items"
# Blank items shown to a new plan: most plans agreed in a session have two.
OPEN_ITEMS = 2

TIMES_MESSAGE = _("Choose a number of times a week from 1 to 14.")


class PracticeItemForm(CrispyFormMixin, forms.Form):
    family = forms.ChoiceField(label=_("What to practice"), required=False, choices=())
    technique = forms.ChoiceField(
        label=_("Which named skill (optional)"), required=False, choices=()
    )
    text = forms.CharField(
        label=_("In your own words"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("For anything that is not a skill here, or a name of your own."),
    )
    times = forms.IntegerField(
        label=_("How many times a week"),
        required=False,
        min_value=1,
        max_value=MAX_TIMES,
        error_messages={
            "invalid": TIMES_MESSAGE,
            "min_value": TIMES_MESSAGE,
            "max_value": TIMES_MESSAGE,
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    each_day = forms.BooleanField(label=_("Each day"), required=False)
    why = forms.CharField(
        label=_("Why this helps me (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    obstacle = forms.CharField(
        label=_("What might get in the way (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    then = forms.CharField(
        label=_("What I’ll do then (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        self.fields["family"].choices = [
            ("", _("Something of my own (write it below)")),
            *Skill.choices,
        ]
        keep = str(self.initial.get("technique") or "")
        self.fields["technique"].choices = [
            ("", _("Any skill of this kind")),
            *(
                (skill.label, [(t.key, t.name) for t in techniques])
                for skill, techniques in catalogue.families(keep=keep)
                if techniques
            ),
        ]

    @property
    def is_blank(self) -> bool:
        """Nothing typed or chosen: no item."""
        data = getattr(self, "cleaned_data", {})
        return not any(
            data.get(name) for name in ("family", "technique", "text", "times")
        ) and not any(
            data.get(name) for name in ("each_day", "why", "obstacle", "then")
        )

    def clean(self):
        cleaned = super().clean()
        if self.is_blank:
            return cleaned
        technique = self.catalogue.find(cleaned.get("technique") or "")
        family = cleaned.get("family") or ""
        if technique is not None:
            if family and technique.family != family:
                self.add_error(
                    "technique",
                    _(
                        "%(name)s is a named skill of %(family)s. Choose one of "
                        "%(skill)s, or none."
                    )
                    % {
                        "name": technique.name,
                        "family": technique.family_label,
                        "skill": Skill(family).label,
                    },
                )
            cleaned["family"] = technique.family
        if not (cleaned.get("family") or cleaned.get("text")) and (
            "text" not in self.errors
        ):
            self.add_error(
                "family",
                _("Choose a skill, or write what you agreed in your own words."),
            )
        if not (cleaned.get("each_day") or cleaned.get("times")) and (
            "times" not in self.errors
        ):
            self.add_error("times", _("Say how many times a week, or tick “Each day”."))
        cleaned["named_skill"] = (
            technique.own if technique and technique.is_own else None
        )
        cleaned["technique"] = (
            technique.key if technique and not technique.is_own else ""
        )
        return cleaned

    @property
    def item(self) -> dict | None:
        """The item as services take it; None for a blank one."""
        if self.is_blank:
            return None
        return {
            name: self.cleaned_data.get(name)
            for name in (
                "family",
                "technique",
                "named_skill",
                "text",
                "times",
                "each_day",
                "why",
                "obstacle",
                "then",
            )
        }


class BasePlanFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not any(form.item for form in self.forms):
            raise forms.ValidationError(
                _("Write at least one thing you agreed to practice."),
                code="empty",
            )

    @property
    def items(self) -> list[dict | None]:
        """Each form's item, in order (None: left blank)."""
        return [form.item for form in self.forms]


def plan_formset(data=None, *, catalogue: Catalogue, initial: list[dict] | None = None):
    """Five items at most: the plan's own, then blank ones to fill."""
    initial = initial or []
    formset_class = forms.formset_factory(
        PracticeItemForm,
        formset=BasePlanFormSet,
        extra=MAX_ITEMS - len(initial),
        max_num=MAX_ITEMS,
        absolute_max=MAX_ITEMS,
        validate_max=True,
    )
    return formset_class(
        data, prefix=PREFIX, initial=initial, form_kwargs={"catalogue": catalogue}
    )


def item_initial(item) -> dict:
    """An item as the form shows it again."""
    return {
        "family": item.family,
        "technique": item.technique_key,
        "text": item.text,
        "times": item.times,
        "each_day": item.each_day,
        "why": item.why,
        "obstacle": item.obstacle,
        "then": item.then,
    }


class MissedDayForm(forms.Form):
    """A day's reason: ``day`` (YYYY-MM-DD) within the plan so far, ``reason``
    one of the short list, or empty to take it back."""

    day = forms.DateField(input_formats=["%Y-%m-%d"])
    reason = forms.ChoiceField(
        choices=[("", "")] + PracticeMiss.Reason.choices, required=False
    )

    def __init__(self, *args, first_day, today, rest_days=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.first_day, self.today, self.rest_days = first_day, today, rest_days

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not self.first_day <= day <= self.today:
            raise forms.ValidationError(_("Choose a day of this plan, up to today."))
        if day in self.rest_days:
            raise forms.ValidationError(_("That was a rest day: no reason needed."))
        return day
