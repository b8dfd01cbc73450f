"""The forms of named skills: the entry form's ``technique``, the history's
"Named skill" filter, and the /journal/skills/ page's add and rename forms."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from core.skills import Skill
from journal.models import NamedSkill
from journal.models.skills import NAME_MAX_LENGTH
from journal.skills.catalogue import Catalogue, Technique, built_in_catalogue


class TechniqueMixin:
    """An entry form's ``technique``: one of the person's named skills of the
    entry's family, or none. The form declares the field; this checks it."""

    def start_techniques(self, catalogue: Catalogue | None) -> None:
        # Without the person's catalogue, only the built-in named skills are known.
        self.catalogue = catalogue or built_in_catalogue()
        self.chosen_named_skill = (
            self.instance.named_skill if self.instance.pk else None
        )
        if self.instance.pk:
            self.initial["technique"] = self.instance.technique_key

    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("technique") or ""
        technique = self.catalogue.find(key)
        skill = cleaned.get("skill")
        if key and technique is None:
            self.add_error(
                "technique", _("Choose one of the named skills offered, or none.")
            )
        elif technique is not None and skill and technique.family != skill:
            self.add_error(
                "technique",
                _(
                    "%(name)s is a named skill of %(family)s. Choose one of "
                    "%(skill)s, or none."
                )
                % {
                    "name": technique.name,
                    "family": technique.family_label,
                    "skill": Skill(skill).label,
                },
            )
        else:
            # Stored as a built-in slug, or as the person's own row (never both).
            is_own = technique is not None and technique.is_own
            self.chosen_named_skill = technique.own if is_own else None
            cleaned["technique"] = technique.key if technique and not is_own else ""
        return cleaned

    def _post_clean(self):
        # Before the model's own checks, so its one-named-skill rule sees both.
        self.instance.named_skill = self.chosen_named_skill
        super()._post_clean()

    @property
    def technique_value(self) -> str:
        """The chosen named skill's key, as typed or as the entry has it."""
        return str(self["technique"].value() or "")

    @property
    def technique_groups(self):
        """Each family with the named skills offered as chips under it."""
        return self.catalogue.families(keep=self.technique_value)


def technique_key(typed: str) -> str:
    """A named skill's key as the catalogue spells it: a uuid in its usual form."""
    try:
        return str(uuid.UUID(typed))
    except ValueError:
        return typed


class TechniqueFilterMixin:
    """The history's ``technique``: one of the person's named skills, built-in or
    their own (hidden ones too: their entries are still there). Anything else,
    another person's uuid included, is a filter we cannot use."""

    def start_technique_filter(self, catalogue: Catalogue | None) -> None:
        self.catalogue = catalogue or built_in_catalogue()

    def clean_technique(self) -> str:
        key = technique_key(self.cleaned_data.get("technique") or "")
        if key and self.catalogue.find(key) is None:
            raise forms.ValidationError(_("Choose one of the named skills listed."))
        return key

    @property
    def chosen_technique(self) -> Technique | None:
        """The named skill the history shows, once the filters are checked."""
        if not self.is_valid():
            return None
        return self.catalogue.find(self.cleaned_data.get("technique") or "")

    @property
    def technique_value(self) -> str:
        return technique_key(str(self["technique"].value() or ""))


NAME_MESSAGES = {
    "required": _("Give it a name, as your therapist calls it."),
    "max_length": _(
        "Please keep the name to %(limit_value)s characters (it has %(show_value)s "
        "now)."
    ),
}


def _clean_name(form, name: str, family: str | None, *, other_than: str = ""):
    """The name, unless the family already has a named skill called that."""
    if not family:
        return name
    wanted = name.casefold()
    for technique in form.catalogue.all:
        if (
            technique.family == family
            and technique.key != other_than
            and technique.name.casefold() == wanted
        ):
            form.add_error(
                "name",
                _("%(skill)s already has a named skill called “%(name)s”.")
                % {"skill": Skill(family).label, "name": technique.name},
            )
    return name


class NamedSkillForm(CrispyFormMixin, forms.ModelForm):
    """Add a named skill of one's own. The owner is set by the view."""

    class Meta:
        model = NamedSkill
        fields = ("family", "name")
        labels = {"family": _("Under which skill?"), "name": _("Name")}
        help_texts = {
            "name": _("As your therapist calls it, in up to 40 characters."),
        }
        widgets = {"name": forms.TextInput(attrs={"maxlength": NAME_MAX_LENGTH})}
        error_messages = {
            "family": {
                "required": _("Choose one of the five skills."),
                "invalid_choice": _("Choose one of the five skills."),
            },
            "name": NAME_MESSAGES,
        }

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        self.fields["family"].choices = Skill.choices  # no empty "-----" choice

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name"):
            _clean_name(self, cleaned["name"], cleaned.get("family"))
        return cleaned


class RenameForm(CrispyFormMixin, forms.ModelForm):
    """A new name for a named skill of one's own."""

    class Meta:
        model = NamedSkill
        fields = ("name",)
        labels = {"name": _("New name")}
        widgets = {"name": forms.TextInput(attrs={"maxlength": NAME_MAX_LENGTH})}
        error_messages = {"name": NAME_MESSAGES}

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        # Each skill's form has its own ids: the page shows one per skill.
        self.prefix = f"rename-{self.instance.pk}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name"):
            _clean_name(
                self,
                cleaned["name"],
                self.instance.family,
                other_than=self.instance.key,
            )
        return cleaned
