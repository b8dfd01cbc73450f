from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from guide.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "kind", "language", "is_published", "updated_at")
    list_filter = ("kind", "language", "is_published", "skill")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "reading_minutes",
        "updated_at",
        "body_html",
        "source_hash",
        "loaded_hash",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "language",
                    "summary",
                    "body",
                    ("kind", "skill"),
                    ("order", "is_published"),
                )
            },
        ),
        (
            _("Generated"),
            {
                "classes": ("collapse",),
                "description": _(
                    "Filled in on save. Once you edit the title, summary or body "
                    "here, load_guide leaves this page alone unless run with --force."
                ),
                "fields": (
                    "reading_minutes",
                    "updated_at",
                    "body_html",
                    "source_hash",
                    "loaded_hash",
                ),
            },
        ),
    )
