from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from guide.forms import SearchForm
from guide.markup import table_of_contents
from guide.models import Article, Kind

# A page with this many sections gets a table of contents even if it is short.
TOC_MIN_SECTIONS = 3


def _language() -> str:
    """The active language if the guide is written in it, else the default (en)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if code == settings.LANGUAGE_CODE or code not in dict(settings.LANGUAGES):
        return settings.LANGUAGE_CODE
    # A language whose pages are not loaded yet reads the English guide.
    has_pages = Article.objects.published().for_language(code).exists()
    return code if has_pages else settings.LANGUAGE_CODE


def _listed_pages():
    # Lists show titles and summaries only; the bodies are the bulk of each row.
    return (
        Article.objects.published().for_language(_language()).defer("body", "body_html")
    )


def _render_index(request, form):
    pages = list(_listed_pages())
    return render(
        request,
        "guide/index.html",
        {
            "form": form,
            "articles": [page for page in pages if page.kind == Kind.ARTICLE],
            "skill_pages": [page for page in pages if page.kind == Kind.SKILL],
        },
    )


@require_safe
def index(request):
    return _render_index(request, SearchForm())


@require_safe
def article(request, slug):
    page = get_object_or_404(Article.objects.for_language(_language()), slug=slug)
    # Staff see a page before it is published, to check it; everyone else gets the
    # same 404 as for a page that does not exist.
    if not page.is_published and not request.user.is_staff:
        raise Http404
    others = list(_listed_pages().exclude(pk=page.pk))
    toc = table_of_contents(page.body_html)
    return render(
        request,
        "guide/article.html",
        {
            "page": page,
            "toc": toc,
            "show_toc": page.kind == Kind.ARTICLE or len(toc) >= TOC_MIN_SECTIONS,
            "related_articles": [
                other
                for other in others
                if other.kind == Kind.ARTICLE and page.kind == Kind.SKILL
            ],
            "related_skills": [other for other in others if other.kind == Kind.SKILL],
        },
    )


@require_safe
def search(request):
    form = SearchForm(request.GET)
    query = form.query()
    if not query:
        return _render_index(request, form)
    results = list(_listed_pages().search(query, _language()))
    # The box shows the query as it was searched: cut to length, control characters
    # gone, not the raw parameter.
    form = SearchForm(initial={"q": query})
    return render(
        request,
        "guide/search.html",
        {"form": form, "query": query, "results": results},
    )
