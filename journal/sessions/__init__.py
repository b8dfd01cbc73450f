"""Therapy sessions: one-offs and repeating schedules, skips and moves, and what a
person brings along (stars and talk points).

dates.py is pure (times, spans); queries.py holds the reads several pages share;
services.py every write; forms.py and views.py the pages. The models stay in
journal.models.
"""
