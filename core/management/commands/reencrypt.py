from django.core.management.base import BaseCommand

from core.encryption import reencrypt_all


class Command(BaseCommand):
    help = (
        "Re-encrypt journal text and authenticator keys with the newest key in "
        "DJANGO_FIELD_ENCRYPTION_KEYS. "
        "Rotate keys by putting a new key first, running this, then removing the old "
        "key. Safe to re-run: values already under the newest key are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be re-encrypted; write nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        rotation = reencrypt_all(dry_run=dry_run)
        verb = "would be re-encrypted" if dry_run else "re-encrypted"
        self.stdout.write(
            f"{rotation.rewritten} values {verb}; "
            f"{rotation.already_current} already under the newest key."
        )
