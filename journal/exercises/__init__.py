"""Guided exercises: one short, structured practice per skill, saved as an entry.

``definitions`` holds the questions (versioned, like the five skills' definition in
core), ``answers`` checks, stores and shows what people answered, and ``forms`` turns
a definition into the form a person fills in.
"""
