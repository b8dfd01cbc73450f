import datetime


class IsoDateConverter:
    """YYYY-MM-DD in a URL; an impossible date such as 2026-02-30 is a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None

    def to_url(self, value: datetime.date) -> str:
        return value.isoformat()
