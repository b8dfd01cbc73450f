"""Free text encrypted at rest: what people write in their journal.

A copy of the database (a backup, a leaked dump, a curious administrator) must not
be a copy of anyone's therapy notes. Every EncryptedTextField is stored as a Fernet
token (AES-128-CBC with an HMAC-SHA256: authenticated, so a changed value is refused,
never shown). The keys come from DJANGO_FIELD_ENCRYPTION_KEYS, apart from the
database and from SECRET_KEY; the first key encrypts, every key decrypts, so keys
rotate: add a new key first, run `manage.py reencrypt`, then drop the old one.

Empty text is stored empty, not as a token: a token's length already tells an empty
text from any other (it is the shortest there is), so an empty column says nothing
more, and a page of entries with no situation decrypts half as much.
"""

import json
from dataclasses import dataclass
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.core.validators import MaxLengthValidator
from django.db import connection, models, transaction
from django.dispatch import receiver


class UnreadableText(Exception):
    """Stored text that no configured key can open (a wrong key, or tampering)."""


@cache
def _keys() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.FIELD_ENCRYPTION_KEYS])


@cache
def _newest_key() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEYS[0])


@receiver(setting_changed)
def _forget_keys(setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _keys.cache_clear()
        _newest_key.cache_clear()


def encrypt(text: str) -> str:
    """The text as a token, under the newest key."""
    return _keys().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The text of a token made with any configured key."""
    try:
        return _keys().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError):
        # Never the token or the text in the message: it may end up in a log.
        raise UnreadableText("stored text could not be decrypted") from None


class EncryptedTextField(models.TextField):
    """Text stored encrypted; ``max_length`` limits the text, never the column.

    A token is about a third longer than its text, so the column is always
    unbounded text, and the length a person may type is checked on the text, in
    forms (as for any TextField) and in model validation.
    """

    description = "Text, encrypted at rest"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length))

    def from_db_value(self, value, expression, connection):
        if not value:
            return value  # None, or empty text (stored empty)
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)


SEPARATORS = (",", ":")


class EncryptedJSONField(EncryptedTextField):
    """A small JSON value (a dict of answers), encrypted at rest like the text.

    None stays NULL, unencrypted, so rows without a value cost nothing to read.
    """

    description = "JSON, encrypted at rest"

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        return json.loads(text) if text else None

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        # Without the spaces json.dumps puts after "," and ":": a check-in's values
        # and a card's digest are mostly short numbers, and every byte stored is a
        # byte decrypted again on each read.
        text = json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=SEPARATORS
        )
        return encrypt(text)

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))


# --- rotation -----------------------------------------------------------------------

BATCH_SIZE = 500


@dataclass(frozen=True)
class Rotation:
    """How many stored values were (or, on a dry run, would be) re-encrypted."""

    rewritten: int
    already_current: int


def encrypted_columns() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted fields, and those fields' column names."""
    found = []
    for model in apps.get_models():
        columns = [
            field.column
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        ]
        if columns:
            found.append((model, columns))
    return found


def _is_current(token: str) -> bool:
    try:
        _newest_key().decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def reencrypt_all(*, dry_run: bool = False) -> Rotation:
    """Re-encrypt every stored value not yet under the newest key.

    Works on the raw tokens (MultiFernet.rotate), so no text is ever decoded into a
    Python string here, and a value is written only when its key is not the newest.
    """
    rewritten = already_current = 0
    quote = connection.ops.quote_name
    keys = _keys()
    for model, columns in encrypted_columns():
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        selected = ", ".join(quote(column) for column in columns)
        last_pk = None
        while True:
            with connection.cursor() as cursor:
                where = "" if last_pk is None else f" WHERE {pk} > %s"
                cursor.execute(
                    f"SELECT {pk}, {selected} FROM {table}{where}"  # noqa: S608 - quoted names
                    f" ORDER BY {pk} LIMIT {BATCH_SIZE}",
                    [] if last_pk is None else [last_pk],
                )
                rows = cursor.fetchall()
            if not rows:
                break
            with transaction.atomic():
                for row_pk, *tokens in rows:
                    changes = {}
                    for column, token in zip(columns, tokens, strict=True):
                        if not token:
                            continue  # nothing stored, nothing to rotate
                        if _is_current(token):
                            already_current += 1
                            continue
                        rewritten += 1
                        try:
                            rotated = keys.rotate(token.encode("ascii"))
                        except InvalidToken:
                            raise UnreadableText(
                                f"{model._meta.label} {row_pk}: no key opens {column}"
                            ) from None
                        changes[column] = rotated.decode("ascii")
                    if changes and not dry_run:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in changes)
                        with connection.cursor() as cursor:
                            cursor.execute(
                                f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                                [*changes.values(), row_pk],
                            )
            last_pk = rows[-1][0]
    return Rotation(rewritten=rewritten, already_current=already_current)
