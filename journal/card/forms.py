"""The diary card's forms: a row, a copied paper card, and the day's check-in."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from journal.card.services import MAX_ROWS
from journal.models import CardRow
from journal.models.card import ROW_NAME_MAX_LENGTH, SENTENCE_MAX_LENGTH

NAME_ERRORS = {
    "required": _("Give the row a name, such as “Urge to drink” or “Sadness”."),
    "max_length": _(
        "Please keep the name to %(limit_value)s characters (it has %(show_value)s "
        "now)."
    ),
}
TOO_MANY_ROWS = _(
    "Your card has %(limit)d rows, the most it can hold. Remove or rename one to "
    "make room."
)


def _name_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("Name"),
        max_length=ROW_NAME_MAX_LENGTH,
        error_messages=NAME_ERRORS,
        **kwargs,
    )


class RowForm(CrispyFormMixin, forms.Form):
    """A new row: its kind and the person's name for it."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=CardRow.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of row it is."),
            "invalid_choice": _("Choose one of the four kinds."),
        },
    )
    name = _name_field(
        help_text=_("In your own words, as on your therapist's card (1–40 characters).")
    )

    def __init__(self, *args, row_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_count = row_count

    def clean(self):
        data = super().clean()
        if self.row_count >= MAX_ROWS:
            raise forms.ValidationError(TOO_MANY_ROWS % {"limit": MAX_ROWS})
        return data


class RenameForm(CrispyFormMixin, forms.Form):
    name = _name_field()


class CopyCardForm(CrispyFormMixin, forms.Form):
    """A paper card typed in at once: one row a line, under its kind."""

    FIELD_KINDS = {
        "urges": CardRow.Kind.URGE,
        "emotions": CardRow.Kind.EMOTION,
        "numbers": CardRow.Kind.NUMBER,
        "yes_no": CardRow.Kind.YES_NO,
    }
    urges = forms.CharField(
        label=_("Urges (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Rated 0–5, with “acted on it: yes or no”."),
    )
    emotions = forms.CharField(
        label=_("Emotions (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    numbers = forms.CharField(
        label=_("Numbers (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: hours slept."),
    )
    yes_no = forms.CharField(
        label=_("Yes or no items (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: took medication."),
    )

    def __init__(self, *args, row_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_count = row_count

    def _clean_lines(self, field: str) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data[field].splitlines()]
        names = [line for line in lines if line]
        for number, name in enumerate(names, start=1):
            if len(name) > ROW_NAME_MAX_LENGTH:
                raise forms.ValidationError(
                    _(
                        "Row %(number)d is %(length)d characters long; please keep "
                        "each name to %(limit)d."
                    )
                    % {
                        "number": number,
                        "length": len(name),
                        "limit": ROW_NAME_MAX_LENGTH,
                    }
                )
        return names

    def clean_urges(self):
        return self._clean_lines("urges")

    def clean_emotions(self):
        return self._clean_lines("emotions")

    def clean_numbers(self):
        return self._clean_lines("numbers")

    def clean_yes_no(self):
        return self._clean_lines("yes_no")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        rows = [
            (kind, name, False)
            for field, kind in self.FIELD_KINDS.items()
            for name in data.get(field, [])
        ]
        if not rows:
            raise forms.ValidationError(_("Type at least one row to copy."))
        if self.row_count + len(rows) > MAX_ROWS:
            raise forms.ValidationError(
                _(
                    "A card holds at most %(limit)d rows; this would make "
                    "%(count)d. Leave some out, or remove rows you no longer use."
                )
                % {"limit": MAX_ROWS, "count": self.row_count + len(rows)}
            )
        data["rows"] = rows
        return data


SCALE_ERROR = _("Choose a number from 0 to 5, or “–” for not rated.")
YES_NO_CHOICES = [("", _("Not answered")), ("yes", _("Yes")), ("no", _("No"))]
NUMBER_LIMIT = Decimal(1000)
SKILLS_ANCHORS = [
    (0, _("Not thought about or used")),
    (1, _("Thought about, not used, didn’t want to")),
    (2, _("Thought about, not used, wanted to")),
    (3, _("Tried but couldn’t use them")),
    (4, _("Tried, could do them, but they didn’t help")),
    (5, _("Tried, could use them, helped")),
    (6, _("Didn’t try, used them, didn’t help")),
    (7, _("Didn’t try, used them, helped")),
]


def _scale_choices(top: int) -> list:
    return [("", _("Not rated"))] + [(str(n), str(n)) for n in range(top + 1)]


class CheckInForm(CrispyFormMixin, forms.Form):
    """The day's check-in: a field per active row (``row-<id>``, and ``acted-<id>``
    beside each urge), the 0–7 skills rating and an optional sentence."""

    skills_rating = forms.TypedChoiceField(
        label=_("Skills used today (0–7)"),
        choices=_scale_choices(7),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Choose a number from 0 to 7, or “–” for not rated.")
        },
    )
    sentence = forms.CharField(
        label=_("A sentence about the day (optional)"),
        max_length=SENTENCE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _(
                "Please keep the sentence to %(limit_value)s characters (it has "
                "%(show_value)s now)."
            )
        },
    )

    def __init__(self, *args, rows: list[CardRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"row-{row.pk}"] = self._value_field(row)
            if row.is_urge:
                self.fields[f"acted-{row.pk}"] = forms.TypedChoiceField(
                    label=_("Acted on it"),
                    choices=YES_NO_CHOICES,
                    coerce=lambda answer: answer == "yes",
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose yes or no.")},
                )
        # The sentence last, as on a paper card.
        self.order_fields([*(f for f in self.fields if f != "sentence"), "sentence"])

    @staticmethod
    def _value_field(row: CardRow) -> forms.Field:
        if row.is_scale:
            return forms.TypedChoiceField(
                label=row.name,
                choices=_scale_choices(5),
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": SCALE_ERROR},
            )
        if row.kind == CardRow.Kind.NUMBER:
            message = _("Use a number from 0 to 1,000, such as 7.5.")
            return forms.DecimalField(
                label=row.name,
                required=False,
                min_value=0,
                max_value=NUMBER_LIMIT,
                max_digits=5,
                decimal_places=1,
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
                error_messages={
                    "invalid": message,
                    "min_value": message,
                    "max_value": message,
                    "max_digits": message,
                    "max_whole_digits": message,
                    "max_decimal_places": _("Use at most one decimal, such as 7.5."),
                },
            )
        return forms.TypedChoiceField(
            label=row.name,
            choices=YES_NO_CHOICES,
            coerce=lambda answer: answer == "yes",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Choose yes or no.")},
        )

    def answers(self) -> dict[str, dict]:
        """The cleaned values by row uuid, as the check-in stores them."""
        answers = {}
        for row in self.rows:
            value = self.cleaned_data.get(f"row-{row.pk}")
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral() else float(value)
            answer = {"value": value}
            if row.is_urge:
                answer["acted"] = self.cleaned_data.get(f"acted-{row.pk}")
            answers[str(row.uuid)] = answer
        return answers

    def fields_of(self, row: CardRow):
        """(value field, acted-on field or None) bound, for the template."""
        acted = self[f"acted-{row.pk}"] if row.is_urge else None
        return self[f"row-{row.pk}"], acted

    @staticmethod
    def initial_for(rows: list[CardRow], check_in) -> dict:
        """What a saved check-in shows when the day is opened again."""
        if check_in is None:
            return {}
        initial = {
            "skills_rating": check_in.skills_rating,
            "sentence": check_in.sentence,
        }
        for row in rows:
            answer = check_in.row_answer(row.uuid)
            value, acted = answer.get("value"), answer.get("acted")
            if isinstance(value, bool):
                value = "yes" if value else "no"
            initial[f"row-{row.pk}"] = value
            if row.is_urge and acted is not None:
                initial[f"acted-{row.pk}"] = "yes" if acted else "no"
        return initial
