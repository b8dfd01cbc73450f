import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Print a new VAPID key pair for Web Push, as the two environment lines to "
        "set (DJANGO_VAPID_PUBLIC_KEY, DJANGO_VAPID_PRIVATE_KEY). Writes nothing."
    )

    def handle(self, *args, **options):
        key = ec.generate_private_key(ec.SECP256R1())
        private = key.private_numbers().private_value.to_bytes(32, "big")
        public = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.stdout.write(f"DJANGO_VAPID_PUBLIC_KEY={_b64(public)}")
        self.stdout.write(f"DJANGO_VAPID_PRIVATE_KEY={_b64(private)}")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
