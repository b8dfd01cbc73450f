"""Settings for Between Sessions, read once from the environment.

Development mode is never a default: DJANGO_DEBUG must be set (`make run`, `make test`
and pytest set DJANGO_DEBUG=1). With DJANGO_DEBUG=0 the process refuses to start on
the development key or an empty DJANGO_ALLOWED_HOSTS, so a misconfigured deploy fails
loudly instead of quietly running with a public key.
"""

import datetime
import os
import zoneinfo
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config import policies
from config.env import (
    cache_from_url,
    database_from_env,
    env_bool,
    env_choice,
    env_date,
    env_int,
    env_list,
    env_networks,
    env_str,
    fernet_keys,
    refuse_placeholders,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# Zone data comes from the pinned tzdata package, never from the host, so "today"
# for someone in Pacific/Kiritimati is the same on every machine.
zoneinfo.reset_tzpath(to=[])

# Every value .env.example leaves for the operator to fill in contains this.
PLACEHOLDER = "fill-in-"
DEV_SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 - a marker, refused in prod
# A fixed key so development reloads and several workers agree; refused with DEBUG off.
DEV_FIELD_ENCRYPTION_KEY = "ZGV2LW9ubHktam91cm5hbC1lbmNyeXB0aW9uLWtleSE="  # noqa: S105

if os.environ.get("DJANGO_DEBUG") is None:
    raise ImproperlyConfigured(
        "Set DJANGO_DEBUG: DJANGO_DEBUG=1 for development (make run and make test do "
        "this), or DJANGO_DEBUG=0 with DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, "
        "DJANGO_FIELD_ENCRYPTION_KEYS and DATABASE_URL for production (see the "
        "README's Deploying section)."
    )
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

# A copied .env.example whose marked lines were not filled in must not start a site
# with a published key, whatever the mode.
refuse_placeholders(
    PLACEHOLDER, "DJANGO_SECRET_KEY", "DJANGO_FIELD_ENCRYPTION_KEYS", "DATABASE_URL"
)

if not DEBUG:
    if SECRET_KEY == DEV_SECRET_KEY or not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG=0 needs a real DJANGO_SECRET_KEY (not the development key)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG=0 needs DJANGO_ALLOWED_HOSTS (comma-separated host names)."
        )

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")


# Journal text is stored encrypted with these, kept apart from the database and from
# SECRET_KEY: the first encrypts, all decrypt, so keys can rotate.
FIELD_ENCRYPTION_KEYS = fernet_keys(
    "DJANGO_FIELD_ENCRYPTION_KEYS", DEV_FIELD_ENCRYPTION_KEY, debug=DEBUG
)


# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto and X-Forwarded-For,
# but only on requests that come from the proxy itself (DJANGO_TRUSTED_PROXIES):
# core.middleware.ForwardedHeadersMiddleware drops them from anyone else. Off by
# default: without a proxy, anyone could forge those headers.
TRUST_PROXY = env_bool("DJANGO_TRUST_PROXY", False)
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES", "127.0.0.0/8,::1")
if TRUST_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "core.apps.VerifiedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "accounts",
    "safety",
    "journal",
    "guide",
    "sharing",
    "portability",
    "reminders",
]

MIDDLEWARE = [
    # First: everything after it (HTTPS redirect, client address) sees only the
    # forwarded headers a trusted proxy added.
    "core.middleware.ForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything that reads the Host header (CommonMiddleware): /healthz and
    # /readyz answer a platform's probe by address, over plain HTTP (core/probes.py).
    "core.probes.HealthProbeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor (the admin asks).
    "django_otp.middleware.OTPMiddleware",
    # After LocaleMiddleware and the user: a signed-in person's own language wins.
    "accounts.middleware.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.NoStoreForPrivatePagesMiddleware",
    "accounts.middleware.SignedInSessionMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # After a signed-in person's write, their cached page fragments are out of date.
    "accounts.freshness.BumpOnWriteMiddleware",
    # Last, as django-axes asks: it turns a lock-out into our calm page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.app",
                "core.context_processors.mail",
                "accounts.context_processors.person",
                "safety.context_processors.crisis_lines",
            ],
        },
    },
]

# Production names its database (never a SQLite file quietly made beside the code);
# DJANGO_DISABLE_SERVER_SIDE_CURSORS=1 behind PgBouncer in transaction mode.
DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3", debug=DEBUG)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Rate limits (and anything else that must hold across web processes) live in a
# shared cache: Redis when DJANGO_CACHE_URL names one, else the database in
# production (`manage.py createcachetable`). Development keeps process memory; a
# deploy check warns if production would.
CACHES = {
    "default": cache_from_url(
        env_str("DJANGO_CACHE_URL") or ("locmem://" if DEBUG else "db://")
    ),
    # Page fragments that are the same for everyone (the menu, the footer, a blank
    # entry form, a guide page) stay in each process's own memory: nothing personal,
    # nothing that a write elsewhere could make stale, and no trip to the cache.
    "shared_fragments": {
        "BACKEND": "core.memory_cache.TextMemoryCache",
        "LOCATION": "shared-fragments",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out log-in is refused before a password check.
    "axes.backends.AxesStandaloneBackend",
    # Django's, reading the person with their profile in one query.
    "accounts.backends.ModelBackend",
    # Kept so that sessions signed in before the line above still read their person.
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator"},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]
LOGIN_URL = "login"
OTP_TOTP_ISSUER = "Between Sessions"
LOGIN_REDIRECT_URL = "journal:today"
LOGOUT_REDIRECT_URL = "accounts:logged-out"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "DJANGO_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

# Uploads (a JSON export to import) stop arriving past MAX_UPLOAD_BYTES
# (core/uploads.py); any other request body is capped by DATA_UPLOAD_MAX_MEMORY_SIZE
# (a 2,000-character note is a few kilobytes).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The console backend prints whole messages, reset links included, into the server
# log: fine in development, a deploy-check error with DEBUG off (core/checks.py). An
# operator who wants no mail at all says DJANGO_EMAIL_BACKEND=none.
NO_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
if EMAIL_BACKEND == "none":
    EMAIL_BACKEND = NO_EMAIL_BACKEND
# Seconds an SMTP connection or reply may take: a mail server that hangs must not
# hold a person's request (or a worker) for ever.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 5)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
# Links in e-mails sent outside a request (notices) start with this.
SITE_URL = env_str("DJANGO_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str(
    "DJANGO_DEFAULT_FROM_EMAIL", "Between Sessions <noreply@localhost>"
)

# --- Cookies and sessions ------------------------------------------------------------
# The privacy page (templates/core/privacy.html) names every cookie below with what it
# is for and how long it lasts; tests/core/test_privacy_page.py holds the two together.
# Cookies go only over HTTPS in production, are out of reach of scripts and are not
# sent on cross-site requests other than top-level links.
COOKIES_ARE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)

# sessionid. Without "keep me signed in" (and for a visitor's session) the cookie ends
# with the browser; the server forgets a session after SESSION_COOKIE_AGE without use.
# "Keep me signed in" (accounts/signin_views.py) makes it 30 days since the last use.
# Sessions slide: accounts.middleware.SignedInSessionMiddleware writes the session
# (renewing both expiries) at most once every 15 minutes of use, not on every request.
SESSION_COOKIE_NAME = "sessionid"
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = COOKIES_ARE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Every signed-in page reads its session: from the shared cache, with the database
# behind it (written to both; a session ended through the session store is gone from
# both, accounts/sessions.py).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Messages ("Your settings are saved.") travel in the session, not in a `messages`
# cookie of their own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# csrftoken: one year since the last page with a form.
CSRF_COOKIE_NAME = "csrftoken"
CSRF_COOKIE_AGE = 365 * 24 * 60 * 60
CSRF_COOKIE_SECURE = COOKIES_ARE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# django_language: a visitor's choice from the footer, until the browser closes
# (signed in, the profile's language wins).
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_AGE = None
LANGUAGE_COOKIE_SECURE = COOKIES_ARE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# `device` (accounts/lockout.py): a signed list of the accounts that signed in from
# this browser, one year, with the session cookie's flags.

# --- Security ------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Plain-HTTP health probes from the platform must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = []
if not SECURE_HSTS_PRELOAD:
    # Preloading is a commitment (browsers ship the domain as HTTPS-only for months),
    # so it is opt-in; its deploy check would otherwise warn on every deploy.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

CONTENT_SECURITY_POLICY = policies.CONTENT_SECURITY_POLICY

# Log-in throttling: five wrong passwords for one username from one address, and the
# next attempt is refused for 15 minutes, even with the right password.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "core.network.client_ip"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_DISABLE_ACCESS_LOG = True
# A browser that signed in to the account before passes the pair rule too.
AXES_WHITELIST_CALLABLE = "accounts.lockout.is_known_browser"
# Failed log-ins keep no query string, form data or full user agent.
AXES_HANDLER = "accounts.lockout_records.MinimalAxesHandler"

# /.well-known/security.txt (RFC 9116): where to report a vulnerability, and until
# when that holds. The file must expire; a year from start-up keeps it fresh on every
# deploy.
SECURITY_CONTACT = env_str("DJANGO_SECURITY_CONTACT", "mailto:security@localhost")
SECURITY_TXT_EXPIRES = env_date(
    "DJANGO_SECURITY_TXT_EXPIRES",
    datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=365),
)

# Web Push (reminders as notifications): a VAPID key pair from
# `manage.py generate_vapid_keys`. Without it, the reminders page says so.
VAPID_PUBLIC_KEY = env_str("DJANGO_VAPID_PUBLIC_KEY")
VAPID_PRIVATE_KEY = env_str("DJANGO_VAPID_PRIVATE_KEY")
VAPID_SUBJECT = env_str("DJANGO_VAPID_SUBJECT", "mailto:reminders@localhost")
# Where subscriptions may point: the push services of the browsers in use.
PUSH_SERVICE_HOSTS = env_list("DJANGO_PUSH_SERVICE_HOSTS") or policies.PUSH_SERVICES
PUSH_INSECURE_HOSTS: list[str] = []  # tests add 127.0.0.1 for a local push service

# Reset e-mails per hour, per client address and per e-mail address.
PASSWORD_RESET_RATE_LIMIT = env_int("DJANGO_PASSWORD_RESET_RATE_LIMIT", 5)
SIGNUP_RATE_LIMIT = env_int(
    "DJANGO_SIGNUP_RATE_LIMIT", 10
)  # sign-ups per hour per address

# Error reports never carry what was typed into a form (it may be a journal note).
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.log_filters.PrivateExceptionReporterFilter"

LOG_FORMAT = env_choice("DJANGO_LOG_FORMAT", "text", ("text", "json"))
LOGGING = policies.logging_config(env_str("DJANGO_LOG_LEVEL", "INFO"), LOG_FORMAT)

# Error reports to a Sentry-compatible service, off without a DSN (`sentry` extra);
# journal text, tokens, cookies and query strings are scrubbed (core/error_reports.py).
if env_str("DJANGO_SENTRY_DSN"):
    from core import error_reports

    error_reports.start(env_str("DJANGO_SENTRY_DSN"), env_str("DJANGO_SENTRY_ENV"))

# Erased accounts' ids, kept beside the backups for `restore` to erase them again
# (core/backups/erasures.py). Unset, nothing is kept and `check --deploy` warns.
ERASED_ACCOUNTS_FILE = env_str("DJANGO_ERASED_ACCOUNTS_FILE")
