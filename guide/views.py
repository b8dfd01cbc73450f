from functools import cache, wraps

from django.conf import settings
from django.db import connection
from django.db.models import DateTimeField, IntegerField
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.pwa import kept_offline
from guide.forms import SearchForm
from guide.markup import table_of_contents
from guide.models import Article, Kind

# A page with this many sections gets a table of contents even if it is short.
TOC_MIN_SECTIONS = 3


def reads_lang_parameter(view):
    """?lang=es shows a guide page in that language: the page's hreflang alternates.

    Otherwise the reader's language (profile, cookie or browser) decides, and the
    address stays the same in every language.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        requested = request.GET.get("lang")
        if requested in dict(settings.LANGUAGES):
            with translation.override(requested):
                response = view(request, *args, **kwargs)
                response["Content-Language"] = requested
                return response
        return view(request, *args, **kwargs)

    return wrapped


def _alternates(request) -> list[tuple[str, str]]:
    """(hreflang, address) for each language, and x-default, for search engines."""
    base = request.build_absolute_uri(request.path)
    return [(code, f"{base}?lang={code}") for code, _name in settings.LANGUAGES] + [
        ("x-default", base)
    ]


def _language() -> str:
    """The active language, if it is one of ours; else the default (en)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _in_reading_order(pages):
    return sorted(pages, key=lambda page: (page.order, page.title))


def _listed_pages():
    """Every published page once, in the reader's language where it is written.

    A page not translated yet is listed in English, so the guide is never smaller
    in one language than in the other. Two queries at most.
    """
    # Lists show titles and summaries only; the bodies are the bulk of each row.
    pages = Article.objects.published().defer("body", "body_html")
    language = _language()
    chosen = {page.slug: page for page in pages.for_language(settings.LANGUAGE_CODE)}
    if language != settings.LANGUAGE_CODE:
        chosen.update({page.slug: page for page in pages.for_language(language)})
    return _in_reading_order(chosen.values())


def _render_index(request, form):
    pages = list(_listed_pages())
    return render(
        request,
        "guide/index.html",
        {
            "form": form,
            "language_alternates": _alternates(request),
            "articles": [page for page in pages if page.kind == Kind.ARTICLE],
            "skill_pages": [page for page in pages if page.kind == Kind.SKILL],
        },
    )


@require_safe
@kept_offline
@reads_lang_parameter
def index(request):
    return _render_index(request, SearchForm())


@require_safe
@kept_offline
@reads_lang_parameter
def article(request, slug):
    # The reader's language if the page is written in it, else the English page.
    # Without its text: the page's body is drawn from the cache (below) unless the
    # guide changed since, and only then read.
    # (slug, language) is unique: no ordering to work out, at most one row.
    pages = _with_guide_version(Article.objects.defer("body", "body_html").order_by())
    page = _one(pages.filter(slug=slug, language=_language())) or get_object_or_404(
        pages, slug=slug, language=settings.LANGUAGE_CODE
    )
    # Staff see a page before it is published, to check it; everyone else gets the
    # same 404 as for a page that does not exist.
    if not page.is_published and not request.user.is_staff:
        raise Http404
    toc = SimpleLazyObject(lambda: table_of_contents(page.body_html))
    others = SimpleLazyObject(
        lambda: [other for other in _listed_pages() if other.slug != page.slug]
    )
    return render(
        request,
        "guide/article.html",
        {
            "page": page,
            # Any page added, changed or removed: every page is drawn afresh, so
            # the lists of other pages are never older than the guide.
            "guide_version": f"{page.guide_changed}:{page.guide_pages}",
            "toc": toc,
            "show_toc": SimpleLazyObject(
                lambda: page.kind == Kind.ARTICLE or len(toc) >= TOC_MIN_SECTIONS
            ),
            "related_articles": SimpleLazyObject(
                lambda: [
                    other
                    for other in others
                    if other.kind == Kind.ARTICLE and page.kind == Kind.SKILL
                ]
            ),
            "related_skills": SimpleLazyObject(
                lambda: [other for other in others if other.kind == Kind.SKILL]
            ),
            "language_alternates": _alternates(request),
        },
    )


def _one(pages):
    """The only page of a query that finds at most one, or None."""
    found = list(pages[:1])
    return found[0] if found else None


# Made once: a field made for every page view costs more than the subqueries.
_TIME, _COUNT = DateTimeField(), IntegerField()


@cache
def _guide_version_sql() -> tuple[str, str]:
    table = connection.ops.quote_name(Article._meta.db_table)
    changed = connection.ops.quote_name(Article._meta.get_field("updated_at").column)
    return (
        f"SELECT MAX({changed}) FROM {table}",  # noqa: S608 - quoted model names
        f"SELECT COUNT(*) FROM {table}",  # noqa: S608 - quoted model names
    )


def _with_guide_version(pages):
    """Each page read with the guide's version: it changes whenever any guide page
    is added, edited, published or removed (the latest change, and how many)."""
    latest_change, page_count = _guide_version_sql()
    return pages.annotate(
        # Two small subqueries in the page's own query, not a query of their own.
        guide_changed=RawSQL(latest_change, [], output_field=_TIME),  # noqa: S611
        guide_pages=RawSQL(page_count, [], output_field=_COUNT),  # noqa: S611
    )


@require_safe
def search(request):
    form = SearchForm(request.GET)
    query = form.query()
    if not query:
        return _render_index(request, form)
    language = _language()
    results = list(
        Article.objects.published()
        .for_language(language)
        .defer("body_html")
        .search(query, language)
    )
    # The box shows the query as it was searched: cut to length, control characters
    # gone, not the raw parameter.
    form = SearchForm(initial={"q": query})
    return render(
        request,
        "guide/search.html",
        {"form": form, "query": query, "results": results},
    )
