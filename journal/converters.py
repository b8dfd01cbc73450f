import datetime

# Nothing in a journal predates EARLIEST_DAY, and near year 1 the week arithmetic
# would step outside the calendar Python can represent.
from journal.stats import EARLIEST_DAY


class IsoDateConverter:
    """YYYY-MM-DD in a URL; an impossible or pre-2000 date is a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None
        if day < EARLIEST_DAY:
            raise ValueError(value)
        return day

    def to_url(self, value: datetime.date) -> str:
        return value.isoformat()
