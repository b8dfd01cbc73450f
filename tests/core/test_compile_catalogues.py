"""compile_catalogues: .po to .mo with polib, so no machine needs GNU gettext."""

import gettext
from io import StringIO

import polib
from django.core.management import call_command


def write_catalogue(folder):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="Save", msgstr="Guardar"))
    po.append(polib.POEntry(msgid="%(count)d entry", msgstr="%(count)d entrada"))
    path = folder / "es" / "LC_MESSAGES"
    path.mkdir(parents=True)
    po.save(str(path / "django.po"))
    return path


def test_a_catalogue_compiles_into_a_mo_that_gettext_reads(tmp_path, settings):
    settings.LOCALE_PATHS = [tmp_path]
    folder = write_catalogue(tmp_path)
    output = StringIO()

    call_command("compile_catalogues", stdout=output)

    with (folder / "django.mo").open("rb") as mo:
        spanish = gettext.GNUTranslations(mo)
    assert spanish.gettext("Save") == "Guardar"
    assert output.getvalue().endswith("1 catalogues compiled.\n")


def test_a_dry_run_writes_nothing(tmp_path, settings):
    settings.LOCALE_PATHS = [tmp_path]
    folder = write_catalogue(tmp_path)

    call_command("compile_catalogues", "--dry-run", stdout=StringIO())

    assert not (folder / "django.mo").exists()
