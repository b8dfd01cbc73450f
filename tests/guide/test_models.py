import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from guide.models import Article

pytestmark = pytest.mark.django_db


def make_page(**overrides):
    fields = {
        "slug": "a-page",
        "title": "A page",
        "summary": "A short summary.",
        "body": "## Start {#start}\n\nSome words.\n",
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


def test_saving_renders_the_body_and_its_reading_time():
    page = make_page(body="## Start {#start}\n\n" + "word " * 450)

    page.refresh_from_db()
    assert page.body_html.startswith('<h2 id="start">Start</h2>')
    assert page.reading_minutes == 3


def test_saving_only_the_body_still_renders_it():
    page = make_page()
    page.body = "## Changed {#changed}\n"

    page.save(update_fields=["body"])

    page.refresh_from_db()
    assert '<h2 id="changed">' in page.body_html


def test_saving_sanitises_the_body():
    page = make_page(
        body='<script>alert(1)</script>\n\n<a href="javascript:x()">x</a>\n'
    )

    assert "script" not in page.body_html


def test_the_same_slug_cannot_repeat_in_one_language():
    make_page()

    with pytest.raises(IntegrityError):
        make_page(title="Another")


def test_the_same_slug_can_exist_in_another_language():
    make_page()

    make_page(language="es")

    assert Article.objects.filter(slug="a-page").count() == 2


def test_an_article_cannot_belong_to_a_skill():
    with pytest.raises(IntegrityError):
        make_page(skill="communication")


def test_a_skill_page_slug_must_be_its_skill():
    with pytest.raises(IntegrityError):
        make_page(kind="skill", skill="communication")


def test_full_clean_explains_a_skill_page_with_the_wrong_slug():
    page = Article(
        slug="talking",
        title="T",
        summary="S",
        body="B",
        kind="skill",
        skill="communication",
    )

    with pytest.raises(ValidationError, match="same slug as the page"):
        page.full_clean()


def test_published_and_for_language_narrow_the_pages():
    make_page(slug="shown")
    make_page(slug="hidden", is_published=False)
    make_page(slug="shown", language="es")

    slugs = list(
        Article.objects.published().for_language("en").values_list("slug", flat=True)
    )

    assert slugs == ["shown"]


def test_pages_are_ordered_by_order_then_title():
    make_page(slug="b", title="Bravo", order=2)
    make_page(slug="a", title="Alpha", order=2)
    make_page(slug="z", title="Zulu", order=1)

    assert list(Article.objects.values_list("slug", flat=True)) == ["z", "a", "b"]


def test_a_page_links_to_its_guide_url():
    assert make_page().get_absolute_url() == "/guide/a-page/"


def test_a_page_reads_as_its_title():
    assert str(make_page()) == "A page"
