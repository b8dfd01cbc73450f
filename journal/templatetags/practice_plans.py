"""``{{ line|in_words:span_words }}``: a practice plan's item against its goal, in
words (journal/practice/words.py); Today's plan line and an item's tick button
(journal/practice/today_line.py); the plan page's days without practice."""

from django import template

from journal.practice.missed_days import render_missed_days
from journal.practice.today_line import render_tick_button, render_today_line
from journal.practice.words import progress_in_words

register = template.Library()


@register.filter
def in_words(line, span_words):
    return progress_in_words(line, span_words)


@register.simple_tag(takes_context=True)
def missed_days(context, days_to_ask):
    """``{% missed_days days_to_ask %}``: the plan page's days without practice."""
    return render_missed_days(days_to_ask, context.get("csrf_token"))


@register.simple_tag(takes_context=True)
def tick_button(context, line, next_url):
    """``{% tick_button line next_url %}``: a free-text item's "I did it"."""
    return render_tick_button(line, next_url, context.get("csrf_token"))


@register.simple_tag(takes_context=True)
def practice_today_line(context, progress):
    """``{% practice_today_line practice_plan %}``: Today's line of the plan."""
    return render_today_line(progress, context.get("csrf_token"))
