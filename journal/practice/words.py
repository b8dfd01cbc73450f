"""An item of a practice plan against its goal, in words: "Paced breathing: 2 of
4 times this week".

Written here rather than as a template of nine translated sentences chosen by
nested conditions: Today draws it on every visit, and the template cost a
twentieth of the page. The sentences are the same (the same Spanish applies).
"""

from django.utils.translation import ngettext

from journal.practice.queries import SINCE_SESSION, THIS_WEEK

# The plan reviewed at a session: no span named ("2 of 8 times").
REVIEW = "review"


def _days(span_words: str, goal: int) -> str:
    if span_words == REVIEW:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s day",
            "%(label)s: %(done)s of %(counter)s days",
            goal,
        )
    if span_words == THIS_WEEK:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s day this week",
            "%(label)s: %(done)s of %(counter)s days this week",
            goal,
        )
    if span_words == SINCE_SESSION:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s day since your session",
            "%(label)s: %(done)s of %(counter)s days since your session",
            goal,
        )
    return ngettext(
        "%(label)s: %(done)s of %(counter)s day of this plan",
        "%(label)s: %(done)s of %(counter)s days of this plan",
        goal,
    )


def _times(span_words: str, goal: int) -> str:
    if span_words == REVIEW:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s time",
            "%(label)s: %(done)s of %(counter)s times",
            goal,
        )
    if span_words == THIS_WEEK:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s time this week",
            "%(label)s: %(done)s of %(counter)s times this week",
            goal,
        )
    if span_words == SINCE_SESSION:
        return ngettext(
            "%(label)s: %(done)s of %(counter)s time since your session",
            "%(label)s: %(done)s of %(counter)s times since your session",
            goal,
        )
    return ngettext(
        "%(label)s: %(done)s of %(counter)s time in this plan",
        "%(label)s: %(done)s of %(counter)s times in this plan",
        goal,
    )


def progress_in_words(line, span_words: str) -> str:
    """``line`` (an ItemProgress) in words for the span: THIS_WEEK, SINCE_SESSION,
    REVIEW, or anything else for "in this plan" (queries.IN_THIS_PLAN). Plain
    text: the page escapes it (the label is the person's words)."""
    sentence = (_days if line.counts_days else _times)(span_words, line.goal)
    return sentence % {"label": line.label, "done": line.done, "counter": line.goal}
