"""Build static/js/site.js from the per-feature sources in core/js/site/."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import bundle


class Command(BaseCommand):
    help = (
        "Join the site's per-feature scripts (core/js/site/*.js, in the order "
        "core.bundle.SOURCES declares) into the one bundle pages load, "
        "static/js/site.js. Safe to re-run; --check writes nothing and exits 1 when "
        "the committed bundle is stale."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when static/js/site.js needs a rebuild.",
        )

    def handle(self, *args, check=False, **options):
        root = settings.BASE_DIR
        try:
            if check:
                if not bundle.is_current(root):
                    raise CommandError(
                        f"{bundle.BUNDLE} is stale: run manage.py build_js."
                    )
                self.stdout.write(f"{bundle.BUNDLE} is up to date.")
                return
            changed = bundle.write(root)
        except bundle.BundleError as error:
            raise CommandError(str(error)) from error
        verb = "Wrote" if changed else "Unchanged:"
        self.stdout.write(
            f"{verb} {bundle.BUNDLE} from {len(bundle.SOURCES)} sources in "
            f"{bundle.SOURCE_FOLDER}."
        )
