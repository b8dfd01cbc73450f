"""Rest days: a day, or a span, off from practice, with undo at any time.

services.py marks and unmarks them, forms.py asks for them, views.py is the page.
The model stays in journal.models.
"""
