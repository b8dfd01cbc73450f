import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from guide.models import Article

CONTENT_DIR = Path(__file__).resolve().parents[2] / "guide" / "content"
SHIPPED_SLUGS = sorted(path.stem for path in CONTENT_DIR.glob("*.md"))
SPANISH_SLUGS = sorted(path.stem for path in (CONTENT_DIR / "es").glob("*.md"))
SHIPPED_PAGES = len(SHIPPED_SLUGS) + len(SPANISH_SLUGS)

pytestmark = pytest.mark.django_db


def load(*args, content_dir=None):
    out = StringIO()
    if content_dir is not None:
        args = (*args, "--content-dir", str(content_dir))
    call_command("load_guide", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content_dir(tmp_path):
    folder = tmp_path / "content"
    # The English pages only: these tests count what one language's files do.
    shutil.copytree(CONTENT_DIR, folder, ignore=shutil.ignore_patterns("es"))
    return folder


def edit_source(folder, slug, old, new):
    path = folder / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_first_load_creates_a_page_for_every_source_file():
    output = load()

    assert f"created {SHIPPED_PAGES}, updated 0, unchanged 0, skipped 0" in output
    english = Article.objects.filter(language="en")
    spanish = Article.objects.filter(language="es")
    assert sorted(english.values_list("slug", flat=True)) == SHIPPED_SLUGS
    assert sorted(spanish.values_list("slug", flat=True)) == SPANISH_SLUGS


def test_loaded_page_has_rendered_html_reading_time_and_fingerprints():
    load()

    page = Article.objects.get(language="en", slug="how-therapy-helps-you-heal")
    assert page.kind == "article"
    assert page.skill == ""
    assert page.order == 1
    assert '<h2 id="by-condition">' in page.body_html
    assert page.reading_minutes > 1
    assert len(page.source_hash) == 64
    assert page.loaded_hash == page.text_hash


def test_loaded_skill_page_belongs_to_its_skill():
    load()

    page = Article.objects.get(language="en", slug="distress-tolerance")
    assert page.kind == "skill"
    assert page.skill == "distress-tolerance"


def test_running_load_guide_again_changes_nothing():
    load()
    before = {
        (a, b): c
        for a, b, c in Article.objects.values_list("slug", "language", "updated_at")
    }

    output = load()

    assert f"created 0, updated 0, unchanged {SHIPPED_PAGES}, skipped 0" in output
    assert {
        (a, b): c
        for a, b, c in Article.objects.values_list("slug", "language", "updated_at")
    } == before


def test_a_changed_source_file_updates_its_page(content_dir):
    load(content_dir=content_dir)
    edit_source(
        content_dir,
        "communication",
        "title: Communication skills",
        "title: Speaking up",
    )

    output = load(content_dir=content_dir)

    assert "communication: updated" in output
    assert "created 0, updated 1, unchanged 6, skipped 0" in output
    page = Article.objects.get(language="en", slug="communication")
    assert page.title == "Speaking up"
    assert page.loaded_hash == page.text_hash


def test_a_changed_body_is_rendered_again(content_dir):
    load(content_dir=content_dir)
    edit_source(content_dir, "communication", "## What it is", "## What it means")

    load(content_dir=content_dir)

    page = Article.objects.get(language="en", slug="communication")
    assert ">What it means</h2>" in page.body_html


def test_load_guide_leaves_admin_edited_page_alone(content_dir):
    load(content_dir=content_dir)
    page = Article.objects.get(language="en", slug="emotional-regulation")
    page.body += "\nA sentence added in the admin.\n"
    page.save()
    edit_source(content_dir, "emotional-regulation", "order: 10", "order: 20")

    output = load(content_dir=content_dir)

    assert "emotional-regulation: skipped (edited in admin)" in output
    assert "created 0, updated 0, unchanged 6, skipped 1" in output
    page.refresh_from_db()
    assert "A sentence added in the admin." in page.body
    assert page.order == 10


@pytest.mark.parametrize("field", ["title", "summary"])
def test_load_guide_notices_a_title_or_summary_edited_in_admin(field):
    load()
    page = Article.objects.get(language="en", slug="communication")
    setattr(page, field, "Changed by an editor")
    page.save()

    output = load()

    assert "communication: skipped (edited in admin)" in output
    page.refresh_from_db()
    assert getattr(page, field) == "Changed by an editor"


def test_load_guide_with_force_overwrites_an_admin_edited_page():
    load()
    page = Article.objects.get(language="en", slug="emotional-regulation")
    page.title = "Changed by an editor"
    page.save()

    output = load("--force")

    assert "emotional-regulation: updated" in output
    assert f"created 0, updated 1, unchanged {SHIPPED_PAGES - 1}, skipped 0" in output
    page.refresh_from_db()
    assert page.title == "Emotional regulation"
    assert page.loaded_hash == page.text_hash


def test_load_guide_skips_a_page_that_was_created_in_admin():
    Article.objects.create(
        slug="how-therapy-works", title="Written in the admin", summary="S", body="B"
    )

    output = load()

    assert "how-therapy-works: skipped (edited in admin)" in output
    assert (
        Article.objects.get(language="en", slug="how-therapy-works").title
        == "Written in the admin"
    )


def test_load_guide_keeps_a_page_unpublished_in_admin(content_dir):
    load(content_dir=content_dir)
    Article.objects.filter(slug="communication").update(is_published=False)
    edit_source(content_dir, "communication", "order: 13", "order: 30")

    output = load(content_dir=content_dir)

    assert "communication: updated" in output
    page = Article.objects.get(language="en", slug="communication")
    assert page.order == 30
    assert page.is_published is False


def test_dry_run_on_an_empty_database_writes_nothing_and_reports():
    output = load("--dry-run")

    assert "Dry run: nothing was written" in output
    assert "how-therapy-works: would be created" in output
    assert f"created {SHIPPED_PAGES}, updated 0, unchanged 0, skipped 0" in output
    assert Article.objects.count() == 0


def test_dry_run_reports_updates_and_skips_without_writing(content_dir):
    load(content_dir=content_dir)
    edit_source(content_dir, "communication", "order: 13", "order: 30")
    Article.objects.filter(slug="distress-tolerance", language="en").update(
        title="Edited"
    )

    output = load("--dry-run", content_dir=content_dir)

    assert "communication: would be updated" in output
    assert "distress-tolerance: skipped (edited in admin)" in output
    assert "created 0, updated 1, unchanged 5, skipped 1" in output
    assert Article.objects.get(language="en", slug="communication").order == 13


def test_a_malformed_source_file_stops_the_load_before_writing(content_dir):
    edit_source(content_dir, "communication", "kind: skill", "kind: poem")

    with pytest.raises(CommandError, match="communication.md"):
        load(content_dir=content_dir)

    assert Article.objects.count() == 0


def test_a_skill_page_named_after_another_skill_is_refused(content_dir):
    (content_dir / "communication.md").rename(content_dir / "talking.md")

    with pytest.raises(CommandError, match="named after its skill"):
        load(content_dir=content_dir)


def test_an_empty_content_folder_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="No guide pages"):
        load(content_dir=tmp_path)


def test_pages_in_another_language_load_from_their_own_folder(tmp_path, settings):
    from guide.loading import load_guide

    settings.LANGUAGES = [("en", "English"), ("es", "Español")]
    page = (
        "---\ntitle: {title}\nsummary: {summary}\nkind: article\nskill:\norder: 1\n---\n\n"
        "## {heading} {{#first}}\n\n{body}\n"
    )
    (tmp_path / "calm.md").write_text(
        page.format(title="Calm", summary="Calm down.", heading="Why", body="Breathe.")
    )
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "calm.md").write_text(
        page.format(
            title="Calma", summary="Con calma.", heading="Por qué", body="Respira."
        )
    )

    report = load_guide(tmp_path)

    assert report.created == ("calm", "es/calm")
    assert Article.objects.get(slug="calm", language="es").title == "Calma"
    assert Article.objects.get(slug="calm", language="en").title == "Calm"
