"""``{{ line|in_words:span_words }}``: a practice plan's item against its goal, in
words (journal/practice/words.py)."""

from django import template

from journal.practice.words import progress_in_words

register = template.Library()


@register.filter
def in_words(line, span_words):
    return progress_in_words(line, span_words)
