"""The Spanish catalogue: complete, faithful to its placeholders, compiled, current."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"
# What must survive translation: named placeholders, {braces} and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>")


def entries():
    return list(polib.pofile(str(CATALOGUE / "django.po")))


def forms(entry):
    """(source, translation) pairs: every plural form against its English form."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
    ]


def test_the_catalogue_header_is_not_fuzzy():
    # gettext tools skip a fuzzy header, and with it the Spanish plural rule.
    assert not polib.pofile(str(CATALOGUE / "django.po")).metadata_is_fuzzy


def test_every_string_has_a_spanish_translation():
    missing = [
        e.msgid
        for e in entries()
        if "fuzzy" in e.flags or any(not text.strip() for _src, text in forms(e))
    ]

    assert missing == []


def test_plurals_have_every_spanish_form():
    incomplete = [
        e.msgid for e in entries() if e.msgid_plural and len(e.msgstr_plural) != 3
    ]

    assert incomplete == []


def test_translations_keep_their_placeholders():
    changed = [
        (source, text)
        for e in entries()
        for source, text in forms(e)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]

    assert changed == []


def test_the_compiled_catalogue_matches_its_source():
    compiled = {
        (e.msgid, e.msgid_plural): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.mofile(str(CATALOGUE / "django.mo"))
        if e.msgid
    }
    source = {
        (e.msgid, e.msgid_plural): (e.msgstr, dict(e.msgstr_plural)) for e in entries()
    }

    assert compiled == source, "run `make messages` (or compile_catalogues)"


# `make test` installs gettext where it can; CI must run this, never skip it.
@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("CI"),
    reason="needs GNU gettext (make system-deps installs it)",
)
def test_makemessages_finds_no_string_the_catalogue_lacks(tmp_path):
    # makemessages writes where it runs: run it in a copy of the project.
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "test-artifacts", "docs", "*.pyc", "__pycache__", "*.mo"
        ),
    )
    subprocess.run(  # noqa: S603 - our interpreter and manage.py, fixed arguments
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "es",
            "--ignore",
            "tests/*",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=project,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        check=True,
        capture_output=True,
    )

    fresh = {
        e.msgid for e in polib.pofile(str(project / "locale/es/LC_MESSAGES/django.po"))
    }
    known = {e.msgid for e in entries()}
    assert sorted(fresh - known) == []
    # The other way round: an entry makemessages no longer finds was added by hand
    # for a string marked in a way it cannot see (gettext_lazy imported under
    # another name, say), and the next `make messages` would drop its Spanish.
    assert sorted(known - fresh) == []
