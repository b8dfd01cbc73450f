"""Load guide/content/*.md into guide pages; the logic behind `manage.py load_guide`.

Safe to re-run: each file is matched to its page by (slug, language), and a page is
written only when something differs. A page corrected in the admin since the last
load is left alone (unless forced), so a deploy never silently undoes an editor's fix.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from core.skills import Skill
from guide.markup import SourcePage, fields_hash, parse_source, render_markdown
from guide.models import Article, Kind

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SOURCE_LANGUAGE = "en"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class LoadReport:
    """Slugs by what happened to them (or would have, on a dry run)."""

    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[str, ...]
    dry_run: bool


def read_sources(content_dir: Path) -> dict[str, tuple[SourcePage, str]]:
    """Every source file in the folder as slug → (parsed page, source hash).

    Raises ValueError naming the file for any file that cannot become a page, before
    anything is written.
    """
    paths = sorted(content_dir.glob("*.md"))
    if not paths:
        raise ValueError(f"No guide pages (*.md files) found in {content_dir}.")
    skills = set(Skill.values)
    sources = {}
    for path in paths:
        slug = path.stem
        if not SLUG_PATTERN.match(slug):
            raise ValueError(
                f"{path.name}: the file name must be a slug "
                "(lowercase letters, digits and single hyphens)."
            )
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"{path.name}: the file is not UTF-8 text.") from None
        page = parse_source(text, name=path.name)
        if page.kind == Kind.SKILL and page.skill not in skills:
            raise ValueError(
                f"{path.name}: {page.skill!r} is not one of the five skills."
            )
        if page.kind == Kind.SKILL and page.skill != slug:
            raise ValueError(
                f"{path.name}: a skill page's file must be named after its skill "
                f"({page.skill}.md)."
            )
        sources[slug] = (page, hashlib.sha256(raw).hexdigest())
    return sources


def _loaded_values(page: SourcePage) -> dict:
    return {
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "body_html": render_markdown(page.body),
        "kind": page.kind,
        "skill": page.skill,
        "order": page.order,
        "loaded_hash": fields_hash(page.title, page.summary, page.body),
    }


def language_folders(content_dir: Path) -> list[tuple[str, Path]]:
    """(language, folder) for every language the guide is written in.

    English sources are the folder's own *.md files; another language's are in a
    sub-folder named by its code (guide/content/es/), with the same slugs.
    """
    folders = [(SOURCE_LANGUAGE, content_dir)]
    for code, _name in settings.LANGUAGES:
        folder = content_dir / code
        if code != SOURCE_LANGUAGE and folder.is_dir() and any(folder.glob("*.md")):
            folders.append((code, folder))
    return folders


def load_guide(
    content_dir: Path = CONTENT_DIR, *, force: bool = False, dry_run: bool = False
) -> LoadReport:
    """Create or update a page for every source file, in every language."""
    created, updated, unchanged, skipped = [], [], [], []
    # Every file of every language is read and checked before anything is written.
    sources = [
        (language, read_sources(folder))
        for language, folder in language_folders(content_dir)
    ]
    with transaction.atomic():
        for language, pages in sources:
            # Reported as the slug for English, "es/slug" for another language.
            prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
            _load_language(
                language,
                pages,
                force=force,
                dry_run=dry_run,
                outcome=(created, updated, unchanged, skipped),
                prefix=prefix,
            )
    return LoadReport(
        created=tuple(created),
        updated=tuple(updated),
        unchanged=tuple(unchanged),
        skipped=tuple(skipped),
        dry_run=dry_run,
    )


def _load_language(language, sources, *, force, dry_run, outcome, prefix):
    created, updated, unchanged, skipped = outcome
    existing = {
        article.slug: article
        for article in Article.objects.for_language(language).filter(slug__in=sources)
    }
    for slug, (page, source_hash) in sources.items():
        values = _loaded_values(page)
        article = existing.get(slug)
        if article is None:
            created.append(prefix + slug)
            if not dry_run:
                Article(
                    slug=slug,
                    language=language,
                    source_hash=source_hash,
                    **values,
                ).save()
            continue
        if article.text_hash != article.loaded_hash and not force:
            skipped.append(prefix + slug)
            continue
        is_same = article.source_hash == source_hash and all(
            getattr(article, name) == value for name, value in values.items()
        )
        if is_same:
            unchanged.append(prefix + slug)
            continue
        updated.append(prefix + slug)
        if not dry_run:
            # is_published is not in the source: a page hidden in the admin stays
            # hidden.
            for name, value in values.items():
                setattr(article, name, value)
            article.source_hash = source_hash
            article.save()
