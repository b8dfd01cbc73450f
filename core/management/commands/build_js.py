"""Build static/js/site.js and static/css/site.css from their sources in core/."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import bundle


class Command(BaseCommand):
    help = (
        "Join the site's per-feature scripts (core/js/site/*.js, in the order "
        "core.bundle.SCRIPT declares) into the one script pages load, "
        "static/js/site.js, and its stylesheet core/css/site.css into "
        "static/css/site.css, leaving out comments and indentation. Safe to re-run; "
        "--check writes nothing and exits 1 when a committed bundle is stale."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when a bundle needs a rebuild.",
        )

    def handle(self, *args, check=False, **options):
        root = settings.BASE_DIR
        for each in bundle.BUNDLES:
            try:
                self.build(each, root, check)
            except bundle.BundleError as error:
                raise CommandError(str(error)) from error

    def build(self, each, root, check):
        if check:
            if not each.is_current(root):
                raise CommandError(f"{each.target} is stale: run {bundle.COMMAND}.")
            self.stdout.write(f"{each.target} is up to date.")
            return
        verb = "Wrote" if each.write(root) else "Unchanged:"
        self.stdout.write(
            f"{verb} {each.target} from {len(each.sources)} "
            f"source{'s' if len(each.sources) > 1 else ''} in {each.folder}."
        )
