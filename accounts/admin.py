"""Nothing of the accounts app in the admin, and no authenticator keys anywhere.

django-otp registers its TOTPDevice with a form that shows the key; those rows moved
to accounts.AuthenticatorDevice (migration 0010), which has no admin at all: a key
read once is every code forever.
"""

from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice

if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
