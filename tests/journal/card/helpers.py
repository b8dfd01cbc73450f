"""Diary-card rows and check-ins for tests."""

from journal.card import services
from journal.models import CardRow


def make_row(owner, name="Urge to drink", kind=CardRow.Kind.URGE, **marks):
    row = services.add_row(owner, kind, name, is_risk=marks.pop("risk", False))
    if marks:
        row.marks = {**row.marks, **marks}
        row.save()
    return row


def make_paper_card(owner) -> list[CardRow]:
    """A DBT card as a therapist hands it out: three urges, four emotions, sleep,
    medication."""
    return services.add_rows(
        owner,
        [
            ("urge", "Urge to self-harm", True),
            ("urge", "Urge to drink", False),
            ("urge", "Urge to quit therapy", False),
            ("emotion", "Sadness", False),
            ("emotion", "Anger", False),
            ("emotion", "Fear", False),
            ("emotion", "Shame", False),
            ("number", "Hours slept", False),
            ("yes-no", "Took medication", False),
        ],
    )


def check_in(owner, day, answers: dict, skills=None, sentence=""):
    """answers: {row: value or (value, acted)}."""
    stored = {}
    for row, answer in answers.items():
        value, acted = answer if isinstance(answer, tuple) else (answer, None)
        stored[str(row.uuid)] = (
            {"value": value, "acted": acted} if row.is_urge else {"value": value}
        )
    return services.save_check_in(owner, day, stored, skills, sentence)
