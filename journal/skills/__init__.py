"""Named skills: the exact skill a practice used (TIPP, a thought record, DEAR MAN…).

builtin.py holds the built-in ones under the five families (core/skills.py);
the person's own are journal.models.NamedSkill. catalogue.py reads both for one
person in one query, services.py writes, forms.py and views.py are the
/journal/skills/ page, works.py (pure) is "what works for me".
"""
