"""``{{ line|in_words:span_words }}``: a practice plan's item against its goal, in
words (journal/practice/words.py)."""

from django import template

from journal.practice.missed_days import render_missed_days
from journal.practice.words import progress_in_words

register = template.Library()


@register.filter
def in_words(line, span_words):
    return progress_in_words(line, span_words)


@register.simple_tag(takes_context=True)
def missed_days(context, days_to_ask):
    """``{% missed_days days_to_ask %}``: the plan page's days without practice."""
    return render_missed_days(days_to_ask, context.get("csrf_token"))
