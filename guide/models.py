from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.skills import Skill
from guide.markup import (
    fields_hash,
    plain_text,
    reading_minutes,
    render_markdown,
    search_stems,
)


class Kind(models.TextChoices):
    ARTICLE = "article", _("Article")
    SKILL = "skill", _("Skill page")


# PostgreSQL's text-search configuration for each language the guide is written in.
SEARCH_CONFIGS = {"en": "english", "es": "spanish"}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_language(self, code: str):
        return self.filter(language=code)

    def search(self, query: str, language: str = "en"):
        """Pages matching every word of the query, best matches first.

        PostgreSQL ranks with the language's full-text search (English or Spanish
        stemming), so "regulate" finds
        "regulation"; rough stems matched as substrings give SQLite (and PostgreSQL,
        for partial words) the same answers without a search index.
        """
        stems = search_stems(query)
        if not stems:
            return self.none()
        every_word = Q()
        for stem in stems:
            every_word &= (
                Q(title__icontains=stem)
                | Q(summary__icontains=stem)
                | Q(body__icontains=stem)
            )
        if connections[self.db].vendor != "postgresql":
            return self.filter(every_word)
        config = SEARCH_CONFIGS.get(language, "simple")
        vector = (
            SearchVector("title", weight="A", config=config)
            + SearchVector("summary", weight="B", config=config)
            + SearchVector("body", weight="C", config=config)
        )
        search_query = SearchQuery(query, search_type="websearch", config=config)
        return (
            self.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(Q(document=search_query) | every_word)
            .order_by("-rank", "order", "title")
        )


class Article(models.Model):
    """A guide page: an article about therapy, or the page of one of the five skills.

    Pages are written as guide/content/<slug>.md and loaded by `manage.py load_guide`;
    staff may correct them in the admin, and the loader then leaves them alone.
    """

    # No index of its own: the (slug, language) unique constraint serves slug lookups.
    slug = models.SlugField(_("slug"), max_length=100, db_index=False)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    body = models.TextField(_("body"), help_text=_("Markdown."))
    body_html = models.TextField(_("body as HTML"), blank=True, editable=False)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.ARTICLE
    )
    skill = models.CharField(
        _("skill"),
        max_length=32,
        choices=Skill.choices,
        blank=True,
        help_text=_("Only for skill pages, whose slug is the skill's slug."),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time in minutes"), default=1, editable=False
    )
    is_published = models.BooleanField(_("published"), default=True)
    order = models.IntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    source_hash = models.CharField(
        _("source file fingerprint"), max_length=64, blank=True, editable=False
    )
    # What load_guide last wrote into title, summary and body. When the page's own
    # fingerprint differs, someone edited it in the admin and the loader keeps out.
    loaded_hash = models.CharField(
        _("loaded text fingerprint"), max_length=64, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("guide page")
        verbose_name_plural = _("guide pages")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "language"], name="guide_article_unique_slug_language"
            ),
            # The journal links to a skill page by its skill's slug,
            # so the two must be the same; an article belongs to no skill.
            models.CheckConstraint(
                condition=Q(kind="article", skill="")
                | Q(kind="skill", skill=F("slug")),
                name="guide_article_skill_matches_kind",
                violation_error_message=_(
                    "A skill page needs a skill with the same slug as the page; "
                    "an article has no skill."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.reading_minutes = reading_minutes(plain_text(self.body_html))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("guide:article", kwargs={"slug": self.slug})

    @property
    def is_skill_page(self) -> bool:
        return self.kind == Kind.SKILL

    @property
    def text_hash(self) -> str:
        """Fingerprint of the text an admin can edit, compared with loaded_hash."""
        return fields_hash(self.title, self.summary, self.body)
