"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile every translation catalogue (locale/<language>/LC_MESSAGES/*.po) "
        "into the .mo file Django reads, with polib: no GNU gettext needed. Safe to "
        "re-run; --dry-run lists what would be written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        import polib

        written = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if not dry_run:
                    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                written += 1
                self.stdout.write(str(mo_path))
        verb = "would be compiled" if dry_run else "compiled"
        self.stdout.write(f"{written} catalogues {verb}.")
