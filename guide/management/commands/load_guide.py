"""Create or update the guide's pages from guide/content/*.md.

Run on every deploy (and by `make run`): it is safe to re-run, writes only what
changed, and leaves alone any page edited in the admin since it was last loaded
unless told --force.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guide.loading import CONTENT_DIR, load_guide


class Command(BaseCommand):
    help = (
        "Create or update guide pages from guide/content/*.md. Safe to re-run; pages "
        "edited in the admin since the last load are skipped unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would change without writing anything.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite pages edited in the admin with their source files.",
        )
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIR,
            help="Folder of Markdown sources (default: guide/content).",
        )

    def handle(self, *args, dry_run, force, content_dir, **options):
        try:
            report = load_guide(content_dir, force=force, dry_run=dry_run)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error

        if report.dry_run:
            self.stdout.write(
                "Dry run: nothing was written. This is what would happen."
            )
        verb = "would be " if report.dry_run else ""
        for label, slugs in (
            ("created", report.created),
            ("updated", report.updated),
        ):
            for slug in slugs:
                self.stdout.write(f"  {slug}: {verb}{label}")
        for slug in report.skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"  {slug}: skipped (edited in admin); use --force to overwrite it"
                )
            )
        self.stdout.write(
            f"created {len(report.created)}, updated {len(report.updated)}, "
            f"unchanged {len(report.unchanged)}, skipped {len(report.skipped)}"
        )
