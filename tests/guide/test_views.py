import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core.skills import all_skills
from guide.models import Article, Kind

ARTICLE_SLUGS = ["how-therapy-helps-you-heal", "how-therapy-works"]
SKILL_SLUGS = [skill.slug for skill in all_skills()]

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    call_command("load_guide", stdout=StringIO())


@pytest.fixture
def staff_client(client):
    staff = User.objects.create_user("editor", is_staff=True)
    client.force_login(staff)
    return client


def make_page(**overrides):
    fields = {
        "slug": "extra-page",
        "title": "An extra page",
        "summary": "Something more to read.",
        "body": "## One {#one}\n\nWords.\n",
        "order": 50,
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


@pytest.mark.parametrize("slug", ARTICLE_SLUGS + SKILL_SLUGS)
def test_every_shipped_page_renders_with_its_title(client, guide, slug):
    page = Article.objects.get(slug=slug, language="en")

    response = client.get(f"/guide/{slug}/")

    assert response.status_code == 200
    assertContains(response, f'<h1 id="guide-page-title">{page.title}</h1>', html=True)
    assertContains(response, page.summary)
    assertContains(response, f'<meta name="description" content="{page.summary}">')


def test_article_page_shows_its_reading_time_and_body(client, guide):
    response = client.get("/guide/how-therapy-works/")

    assertContains(response, "minutes to read")
    assertContains(response, '<h2 id="how-long">How long therapy takes</h2>', html=True)


def test_article_page_has_a_table_of_contents(client, guide):
    response = client.get("/guide/how-therapy-works/")

    assertContains(response, '<nav class="guide-toc" aria-label="On this page">')
    assertContains(
        response, '<a href="#how-long">How long therapy takes</a>', html=True
    )


def test_short_article_with_few_sections_still_has_a_table_of_contents(client):
    make_page(body="## Only one {#only-one}\n\nWords.\n")

    response = client.get("/guide/extra-page/")

    assertContains(response, 'aria-label="On this page"')


def test_short_skill_page_with_few_sections_has_no_table_of_contents(client):
    make_page(
        slug="communication",
        kind="skill",
        skill="communication",
        body="## One {#one}\n\n## Two {#two}\n",
    )

    response = client.get("/guide/communication/")

    assertNotContains(response, 'aria-label="On this page"')


def test_article_page_links_to_the_five_skill_pages(client, guide):
    response = client.get("/guide/how-therapy-helps-you-heal/")

    for skill in all_skills():
        assertContains(response, f'href="/guide/{skill.slug}/"')


def test_skill_page_links_to_the_articles_and_the_other_skills(client, guide):
    response = client.get("/guide/communication/")

    for slug in ARTICLE_SLUGS:
        assertContains(response, f'href="/guide/{slug}/"')
    assertContains(response, "The other skills")
    assertContains(response, 'href="/guide/distress-tolerance/"')
    assertNotContains(
        response, 'class="guide-card-title h5"><a href="/guide/communication/"'
    )


@pytest.mark.parametrize("slug", SKILL_SLUGS)
def test_skill_page_has_a_log_this_skill_button(client, guide, slug):
    response = client.get(f"/guide/{slug}/")

    assertContains(
        response,
        f'<a class="btn btn-primary btn-lg" href="/journal/entries/new/?skill={slug}">'
        "Log this skill</a>",
        html=True,
    )


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_page_has_no_log_this_skill_button(client, guide, slug):
    response = client.get(f"/guide/{slug}/")

    assertNotContains(response, "Log this skill")


def test_tables_have_a_caption_and_a_scroll_region(client, guide):
    response = client.get("/guide/how-therapy-helps-you-heal/")

    assertContains(
        response, "<caption>Which approaches help with which conditions</caption>"
    )
    assertContains(
        response,
        '<div aria-label="Which approaches help with which conditions" '
        'class="table-scroll" role="region" tabindex="0">',
    )
    assertContains(response, '<th scope="col">Condition</th>', html=True)


def test_unknown_slug_returns_404(client, guide):
    response = client.get("/guide/no-such-page/")

    assert response.status_code == 404


def test_page_in_another_language_is_not_shown(client):
    make_page(language="es")

    response = client.get("/guide/extra-page/")

    assert response.status_code == 404


def test_unpublished_page_returns_404_for_a_visitor(client):
    make_page(is_published=False)

    response = client.get("/guide/extra-page/")

    assert response.status_code == 404


def test_unpublished_page_returns_404_for_a_signed_in_person(client):
    make_page(is_published=False)
    client.force_login(User.objects.create_user("reader"))

    response = client.get("/guide/extra-page/")

    assert response.status_code == 404


def test_unpublished_page_is_visible_to_staff_with_a_notice(staff_client):
    make_page(is_published=False)

    response = staff_client.get("/guide/extra-page/")

    assert response.status_code == 200
    assertContains(response, "Not published.")
    assertContains(response, '<meta name="robots" content="noindex">')


def test_unpublished_page_is_left_out_of_the_index(client, guide):
    make_page(is_published=False)

    response = client.get("/guide/")

    assertNotContains(response, "An extra page")


def test_page_body_with_a_script_renders_inert(client):
    make_page(
        body=(
            "<script>alert('x')</script>\n\n"
            '<img src="x" onerror="alert(1)">\n\n'
            "[Click me](javascript:alert(1))\n"
        )
    )

    response = client.get("/guide/extra-page/")

    content = response.content.decode()
    assert "alert" not in content
    assert "onerror" not in content
    assert "javascript:" not in content
    assertContains(response, "<a>Click me</a>", html=True)


def test_index_lists_articles_then_skills_with_reading_time(client, guide):
    response = client.get("/guide/")

    content = response.content.decode()
    positions = [
        content.index(f'href="/guide/{slug}/"') for slug in ARTICLE_SLUGS + SKILL_SLUGS
    ]
    assert positions == sorted(positions)
    assert content.count("minutes to read") + content.count("minute to read") == 7
    assertContains(response, "The five skills")


def test_index_shows_each_summary(client, guide):
    response = client.get("/guide/")

    for page in Article.objects.filter(language="en"):
        assertContains(response, page.summary)


def test_index_has_a_search_form_and_the_help_link(client, guide):
    response = client.get("/guide/")

    assertContains(response, 'action="/guide/search/"')
    assertContains(response, 'role="search"')
    assertContains(response, 'name="q"')
    assertContains(response, 'href="/help/"')


def test_index_without_pages_says_so_kindly(client):
    response = client.get("/guide/")

    assertContains(response, "There are no guide pages here yet.")


@pytest.mark.parametrize(
    "url",
    ["/guide/", "/guide/search/?q=EMDR", "/guide/search/?q=nothing-matches-this"]
    + [f"/guide/{slug}/" for slug in ARTICLE_SLUGS + SKILL_SLUGS],
)
def test_every_guide_page_ends_with_the_not_therapy_note(client, guide, url):
    response = client.get(url)

    assertContains(response, "This guide is for learning. It is not a replacement")
    assertContains(response, 'href="/help/"')
    assertContains(response, "/static/css/guide.css")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("EMDR", {"how-therapy-helps-you-heal"}),
        ("amygdala", {"how-therapy-helps-you-heal", "emotional-regulation"}),
        ("regulate", {"emotional-regulation"}),
    ],
)
def test_search_finds_the_right_pages(client, guide, query, expected):
    response = client.get("/guide/search/", {"q": query})

    found = {page.slug for page in response.context["results"]}
    assert expected <= found
    for slug in expected:
        assertContains(response, f'href="/guide/{slug}/"')


def test_search_for_emdr_does_not_list_unrelated_pages(client, guide):
    response = client.get("/guide/search/", {"q": "EMDR"})

    found = [page.slug for page in response.context["results"]]
    assert found == ["how-therapy-helps-you-heal"]
    assertContains(response, "1 page matches “EMDR”.")


def test_search_needs_every_word_to_match(client, guide):
    response = client.get("/guide/search/", {"q": "amygdala sister"})

    found = [page.slug for page in response.context["results"]]
    assert found == ["emotional-regulation"]


def test_search_leaves_out_unpublished_pages(client, guide):
    Article.objects.filter(slug="emotional-regulation").update(is_published=False)

    response = client.get("/guide/search/", {"q": "regulate"})

    found = {page.slug for page in response.context["results"]}
    assert "emotional-regulation" not in found


def test_search_without_matches_says_so_with_the_query_escaped(client, guide):
    response = client.get("/guide/search/", {"q": "<b>zebra</b>"})

    assert response.status_code == 200
    assertContains(response, "No pages match “&lt;b&gt;zebra&lt;/b&gt;”.")
    assertNotContains(response, "<b>zebra</b>")


@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_search_with_an_empty_query_shows_the_index(client, guide, query):
    response = client.get("/guide/search/", {"q": query})

    assert response.status_code == 200
    assert [template.name for template in response.templates][0] == "guide/index.html"
    assertContains(response, "The five skills")


def test_search_without_a_query_parameter_shows_the_index(client, guide):
    response = client.get("/guide/search/")

    assert response.status_code == 200
    assertContains(response, 'href="/guide/how-therapy-works/"')


def test_search_cuts_a_very_long_query_to_200_characters(client, guide):
    response = client.get("/guide/search/", {"q": "EMDR " + "x" * 245})

    assert response.status_code == 200
    assert response.context["query"] == ("EMDR " + "x" * 245)[:200]
    assertContains(response, f'value="{response.context["query"]}"')


def test_search_with_a_nul_byte_still_answers(client, guide):
    response = client.get("/guide/search/", {"q": "EMDR\x00"})

    assert response.status_code == 200
    assertNotContains(response, "\x00")
    found = [page.slug for page in response.context["results"]]
    assert found == ["how-therapy-helps-you-heal"]


def test_search_with_punctuation_only_finds_nothing_kindly(client, guide):
    response = client.get("/guide/search/", {"q": "?!&|"})

    assert response.status_code == 200
    assertContains(response, "No pages match")


@pytest.mark.parametrize(
    "url", ["/guide/", "/guide/search/", "/guide/how-therapy-works/"]
)
def test_post_is_refused(client, guide, url):
    response = client.post(url)

    assert response.status_code == 405


@pytest.mark.parametrize(
    ("url", "first", "then"),
    [
        ("/guide/", 1, 1),
        ("/guide/search/?q=regulate", 1, 1),
        ("/guide/search/?q=", 1, 1),
        # A page: itself with the guide's version, in one query; drawn afresh (its
        # text and the other pages) only the first time, or after the guide changed.
        ("/guide/how-therapy-helps-you-heal/", 3, 1),
        ("/guide/communication/", 3, 1),
    ],
)
def test_each_page_takes_a_constant_number_of_queries(
    client, guide, django_assert_num_queries, url, first, then
):
    for number in range(5):
        make_page(slug=f"extra-{number}", title=f"Extra {number}")

    with django_assert_num_queries(first):
        response = client.get(url)
    with django_assert_num_queries(then):
        again = client.get(url)

    assert response.status_code == again.status_code == 200
    assert without_tokens(again) == without_tokens(response)


def without_tokens(response) -> str:
    """The page as a reader sees it: CSRF tokens are masked afresh each time."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)


def test_a_changed_guide_is_drawn_afresh_at_once(client, guide):
    """The page's body and its lists of other pages come from the cache, until
    any page of the guide changes."""
    client.get("/guide/communication/")
    make_page(slug="a-new-page", title="A page added just now", kind=Kind.ARTICLE)

    html = client.get("/guide/communication/").content.decode()
    assert "A page added just now" in html

    page = Article.objects.get(slug="communication", language="en")
    page.body += "\n\nFreshly edited.\n"
    page.save()

    assert "Freshly edited." in client.get("/guide/communication/").content.decode()


def test_page_urls_use_the_interface_names():
    assert reverse("guide:index") == "/guide/"
    assert reverse("guide:search") == "/guide/search/"
    assert reverse("guide:article", kwargs={"slug": "communication"}) == (
        "/guide/communication/"
    )


@pytest.mark.postgresql
def test_search_on_postgresql_ranks_a_title_match_first(client, guide):
    response = client.get("/guide/search/", {"q": "communication"})

    found = [page.slug for page in response.context["results"]]
    assert found[0] == "communication"
    assert len(found) > 1
