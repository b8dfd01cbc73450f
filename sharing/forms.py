"""The form that makes a read-only link for a person's therapist."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from sharing.models import ShareLink


class ShareLinkForm(CrispyFormMixin, forms.ModelForm):
    SINCE_LAST_SESSION = "session"

    weeks = forms.ChoiceField(
        label=_("Which weeks"),
        choices=[
            *((str(value), label) for value, label in ShareLink.Weeks.choices),
            (SINCE_LAST_SESSION, _("Since my last session (keeps updating)")),
        ],
        initial=str(ShareLink.Weeks.FOUR),
        help_text=_(
            "Counting this week, later weeks are never added to a 4, 8 or 12 week "
            "link. A “since my last session” link is different: it keeps showing "
            "what you write next, up to your next session and beyond, until it "
            "expires or you turn it off."
        ),
        error_messages={
            "required": _("Choose which weeks to share."),
            "invalid_choice": _("Choose one of the options shown."),
        },
    )
    understands_rolling = forms.BooleanField(
        label=_(
            "I understand: this link will also show entries I write after making it."
        ),
        required=False,
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("The link stops working after"),
        choices=ShareLink.ExpiresIn.choices,
        coerce=int,
        initial=ShareLink.ExpiresIn.MONTH,
    )

    class Meta:
        model = ShareLink
        fields = (
            "include_notes",
            "include_card",
            "include_urges",
            "include_plan",
            "display_name",
        )
        labels = {
            "include_notes": _("Include my notes and weekly reflections"),
            "include_card": _("Include my diary card rows (emotions and daily items)"),
            "include_urges": _("Include my urge rows too"),
            "include_plan": _("Include my practice plan"),
            "display_name": _("Name your therapist will see"),
        }
        help_texts = {
            "include_notes": _(
                "Off: only the diary card and figures. On: also what you wrote."
            ),
            "include_card": _(
                "Off: only the skills. Rows you hid from your week are never shared."
            ),
            "include_urges": _(
                "Only with the rows above. A share link alerts nobody: your "
                "therapist sees it when they open it."
            ),
            "include_plan": _(
                "What you agreed to practice, how often it happened, the reasons "
                "you gave for days without practice, and your plan for what might "
                "get in the way."
            ),
            "display_name": _(
                "You can leave this blank: the page then says it comes from someone "
                "your therapist works with. Your username is never shown."
            ),
        }

    def __init__(self, *args, display_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].initial = display_name
        self.order_fields(
            [
                "weeks",
                "understands_rolling",
                "include_notes",
                "include_card",
                "include_urges",
                "include_plan",
                "display_name",
                "expires_in_days",
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("include_urges") and not data.get("include_card"):
            self.add_error(
                "include_urges",
                _("Tick “Include my diary card rows” as well to share your urges."),
            )
        rolling = data.get("weeks") == self.SINCE_LAST_SESSION
        if rolling and not data.get("understands_rolling"):
            self.add_error(
                "understands_rolling",
                _(
                    "A “since my last session” link keeps adding what you write. "
                    "Tick this box to say that is what you want."
                ),
            )
        return data

    def _post_clean(self):
        # The span goes on the instance before the model's own checks run on it.
        weeks = self.cleaned_data.get("weeks")
        if weeks is not None:
            self.instance.is_since_last_session = weeks == self.SINCE_LAST_SESSION
            self.instance.weeks = (
                None if self.instance.is_since_last_session else int(weeks)
            )
        super()._post_clean()
