"""My diary card: the person's own rows (urges, emotions, numbers, yes/no items)
and the daily check-in that rates them, drawn on the week, its PDF, progress and
the shared page.

models live in journal/models/card.py; here: suggestions.py (the rows offered with
one tap), services.py (every write), forms.py, queries.py (what pages read),
views.py.
"""
