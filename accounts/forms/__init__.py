"""The account's forms, one module per concern.

``signin`` (sign-up, log-in, the second-step code), ``passwords`` (the shared password
fields, reset and change), ``profile`` (the settings page), ``two_factor`` (turning it
on and off) and ``confirm`` ("is it really you?" and deleting the account).
"""
