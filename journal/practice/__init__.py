"""The practice plan agreed in a session (/journal/practice-plan/): its span and
goals (goals.py, pure), how its items are counted (counting.py), what pages read
(queries.py), every write (services.py), its forms and views."""
