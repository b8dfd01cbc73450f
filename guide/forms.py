from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SEARCH_MAX_LENGTH
from guide.markup import clean_query


class QueryField(forms.CharField):
    """Free text that is tidied rather than refused.

    Control characters become spaces and an over-long query is cut, before Django's
    validators (which reject NUL) ever see it: a strange URL still gets a search.
    """

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    """The guide's search box. Every GET parameter goes through here."""

    q = QueryField(
        label=_("Search the guide"),
        required=False,
        widget=forms.SearchInput(
            attrs={"maxlength": SEARCH_MAX_LENGTH, "enterkeyhint": "search"}
        ),
    )

    def query(self) -> str:
        """The tidied query, or an empty string."""
        if not self.is_valid():
            return ""
        return self.cleaned_data["q"]
