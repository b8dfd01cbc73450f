"""Kept fragments: every piece declared once (core/fragments.py), {% kept %} gets
each response's token, and {% text_form %} draws a form exactly as crispy does."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.utils import make_template_fragment_key
from django.middleware.csrf import _does_token_match  # Django's own check
from django.template import TemplateSyntaxError, engines
from django.test import RequestFactory
from django.utils import translation

from core import fragments
from core.forms import CrispyFormMixin
from journal.forms import ReflectionForm
from journal.models import WeeklyReflection

TEMPLATE = (
    "{% load fragments %}{% kept a-form which %}"
    '<form method="post">{% csrf_token %}<button>Go</button></form>{{ drawn }}'
    "{% endkept %}"
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def a_form_piece(monkeypatch):
    """A piece of these tests' own, kept like a person's pieces (shared cache)."""
    pieces = {**fragments.PIECES, "a-form": fragments.Piece(3, fragments.SHARED, 60)}
    monkeypatch.setattr(fragments, "PIECES", pieces)


def a_form_key(which="one") -> str:
    return make_template_fragment_key("a-form.v3", [which])


def render(**context):
    request = RequestFactory().get("/")
    template = engines["django"].from_string(TEMPLATE)
    return template.render({"which": "one", **context}, request), request


def test_the_fragment_is_kept_and_each_response_gets_its_own_token():
    first, first_request = render(drawn="first drawing")
    again, again_request = render(drawn="second drawing")

    assert "first drawing" in again  # kept, not drawn again
    assert TOKEN.search(first).group(1) != TOKEN.search(again).group(1)
    for html, request in ((first, first_request), (again, again_request)):
        # This request's secret, masked: what CsrfViewMiddleware will accept.
        secret = request.META["CSRF_COOKIE"]
        assert _does_token_match(TOKEN.search(html).group(1), secret)


@pytest.mark.parametrize("token", [None, "NOTPROVIDED"])
def test_without_a_token_there_is_no_token_field(token):
    template = engines["django"].from_string(TEMPLATE)

    html = template.render({"which": "two", "csrf_token": token})

    assert "csrfmiddlewaretoken" not in html
    assert "<button>Go</button>" in html


def test_the_cache_never_holds_a_real_token():
    html, request = render()

    kept = cache.get(a_form_key())
    assert "<button>Go</button>" in kept
    assert TOKEN.search(html).group(1) not in kept
    assert request.META["CSRF_COOKIE"] not in kept


def test_a_fragment_the_view_read_ahead_is_used_without_asking_the_cache(
    monkeypatch,
):
    key = a_form_key()
    kept = '<form method="post"><input type="hidden" name="csrfmiddlewaretoken"'
    kept += ' value="csrf-token-is-added-to-each-response">read ahead</form>'
    monkeypatch.setattr(cache, "get", pytest.fail)  # no second trip

    html, request = render(read_ahead={key: kept}, drawn="drawn again")

    assert "read ahead" in html
    assert "drawn again" not in html
    assert _does_token_match(TOKEN.search(html).group(1), request.META["CSRF_COOKIE"])


def test_a_fragment_missing_from_what_was_read_ahead_is_drawn_and_kept():
    html, _request = render(read_ahead={"another-key": "not this"}, drawn="drawn")

    assert "drawn" in html
    assert "not this" not in html
    assert "drawn" in cache.get(a_form_key())


def test_a_piece_is_kept_under_its_name_and_version():
    assert fragments.key("a-form", "one") == a_form_key()


def test_a_new_version_never_reads_a_piece_of_the_old_shape(monkeypatch):
    render(drawn="old shape")
    pieces = {**fragments.PIECES, "a-form": fragments.Piece(4, fragments.SHARED, 60)}
    monkeypatch.setattr(fragments, "PIECES", pieces)

    html, _request = render(drawn="new shape")

    assert "new shape" in html


def test_a_template_naming_an_undeclared_piece_fails_when_read():
    with pytest.raises(TemplateSyntaxError, match="core/fragments.py"):
        engines["django"].from_string(
            "{% load fragments %}{% kept no-such %}{% endkept %}"
        )


def test_a_view_reads_pieces_by_name_in_one_trip():
    cache.set(a_form_key("one"), "first")
    cache.set(fragments.key("today-days", "person"), "days")

    found = fragments.read_ahead(
        ("a-form", "one"), ("today-days", "person"), ("a-form", "two")
    )

    assert found == {
        a_form_key("one"): "first",
        fragments.key("today-days", "person"): "days",
    }


@pytest.mark.parametrize("name", sorted(fragments.PIECES))
def test_every_declared_piece_lives_in_a_configured_cache(name):
    assert fragments.store(name) is caches[fragments.PIECES[name].cache]


def test_every_kept_tag_in_the_templates_names_a_declared_piece():
    used = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        used |= set(re.findall(r"{% kept ([\w-]+)", template.read_text()))

    assert used and used <= set(fragments.PIECES)


# --- {% text_form %} ------------------------------------------------------------------


class Notes(CrispyFormMixin, forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=50, required=False
    )
    # A name that starts with the other's: each text goes to its own field.
    note_more = forms.CharField(
        widget=forms.Textarea, help_text="Anything else.", required=False
    )


def crispy_and_text_form(form):
    template = engines["django"].from_string(
        "{% load crispy_forms_tags fragments %}{% crispy form %}|{% text_form form %}"
    )
    crispy, fast = template.render({"form": form}).split("|")
    return crispy, fast


TEXTS = [
    {},
    {"note": "", "note_more": ""},
    {"note": 'Line one\n<b>"bold" & co</b>\n\nline four', "note_more": "More"},
    {"note": "[field-text-goes-here:note_more]", "note_more": "{{ not a tag }}"},
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("initial", TEXTS)
def test_a_text_form_is_drawn_exactly_as_crispy_draws_it(language, initial):
    with translation.override(language):
        for _ in range(2):  # drawn, then from the kept HTML
            crispy, fast = crispy_and_text_form(Notes(initial=initial))
            assert fast == crispy


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_reflection_form_is_drawn_exactly_as_crispy_draws_it(language):
    reflection = WeeklyReflection(
        what_helped="Walking <fast>\nwith the dog",
        what_was_hard="",
        for_next_session="Ask about “Sunday” & sleep",
    )
    with translation.override(language):
        for form in (ReflectionForm(), ReflectionForm(instance=reflection)):
            crispy, fast = crispy_and_text_form(form)
            assert fast == crispy
        crispy, fast = crispy_and_text_form(ReflectionForm(instance=reflection))
        assert "Walking &lt;fast&gt;\nwith the dog</textarea>" in fast


def test_a_submitted_form_with_its_mistakes_is_drawn_by_crispy():
    form = Notes({"note": "x" * 51, "note_more": "kept"})
    assert not form.is_valid()
    crispy, fast = crispy_and_text_form(form)
    assert fast == crispy
    assert "is-invalid" in fast and "kept" in fast


def test_the_kept_html_never_holds_what_someone_wrote():
    crispy_and_text_form(Notes(initial={"note": "My private words"}))
    kept = caches["shared_fragments"]
    key = fragments.key("text-form", f"{Notes.__module__}.{Notes.__qualname__}", "en")
    with translation.override("en"):
        crispy_and_text_form(Notes(initial={"note": "My private words"}))
    assert "My private words" not in kept.get(key)
    assert "[field-text-goes-here:note]" in kept.get(key)


# --- {% blank_form %} -----------------------------------------------------------------


def crispy_and_blank_form(form):
    template = engines["django"].from_string(
        "{% load crispy_forms_tags fragments %}{% crispy form %}|{% blank_form form %}"
    )
    crispy, fast = template.render({"form": form}).split("|")
    return crispy, fast


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_blank_form_is_drawn_exactly_as_crispy_draws_it(language):
    from journal.skills.catalogue import built_in_catalogue
    from journal.skills.forms import NamedSkillForm

    with translation.override(language):
        for _ in range(2):  # drawn, then from the kept HTML
            form = NamedSkillForm(catalogue=built_in_catalogue())
            crispy, fast = crispy_and_blank_form(form)
            assert fast == crispy


def test_a_form_with_something_in_it_is_never_kept():
    crispy_and_blank_form(Notes(initial={"note": "My private words"}))
    crispy, fast = crispy_and_blank_form(Notes({"note": "x" * 51, "note_more": "kept"}))

    assert fast == crispy and "kept" in fast
    kept = caches["shared_fragments"]
    assert not any(
        "My private words" in str(kept.get(key)) or "kept" in str(kept.get(key))
        for key in kept._cache
        if "blank-form" in key
    )
