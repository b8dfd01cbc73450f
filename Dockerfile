# Between Sessions: the web app, its periodic job and its management commands in one
# image. Build with `make image` (or `docker build -t between-sessions .`); run it
# with compose.yaml. Nothing secret is built in: every setting comes from the
# environment at run time (.env.example lists them).
#
# Base images are build arguments so that a registry mirror, or an image made
# locally, can stand in (scripts/smoke.sh builds with a local one).
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: the dependencies, the compiled catalogues and the static files -----------
FROM ${PYTHON_IMAGE} AS build
# Extras from pyproject.toml to install as well, space-separated (e.g. "sentry").
ARG EXTRAS=""
# Where pip may need a certificate bundle the base image lacks (a proxy that
# inspects TLS), pass its path inside the build: --build-arg PIP_CERT=/path and a
# --volume with the file. Unset, pip uses the image's own certificates.
ARG PIP_CERT=""
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
WORKDIR /app

# The dependencies first, read from pyproject.toml, so that a change to the code
# alone reuses this layer. polib (compiling the catalogues) goes to /tmp/build-tools
# and stays in this stage.
COPY pyproject.toml ./
COPY docker/requirements.py docker/
RUN if [ -n "$PIP_CERT" ]; then export PIP_CERT; else unset PIP_CERT; fi \
    && python docker/requirements.py $EXTRAS > /tmp/requirements.txt \
    && python docker/requirements.py --build-tools > /tmp/build-tools.txt \
    && /opt/venv/bin/pip install --quiet -r /tmp/requirements.txt \
    && /opt/venv/bin/pip install --quiet --target /tmp/build-tools -r /tmp/build-tools.txt

COPY . .
# Translations compiled and static files collected with a throw-away environment:
# a key made here and forgotten, a SQLite file in /tmp that is never kept. Only the
# files these commands write (locale/*.mo, staticfiles/) reach the final image.
RUN export DJANGO_DEBUG=0 \
        DJANGO_SECRET_KEY="build-only-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
        DJANGO_ALLOWED_HOSTS=build.invalid \
        DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        DJANGO_EMAIL_BACKEND=none \
    && export DJANGO_FIELD_ENCRYPTION_KEYS="$(/opt/venv/bin/python -c \
        'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
    && PYTHONPATH=/tmp/build-tools /opt/venv/bin/python manage.py compile_catalogues \
    && /opt/venv/bin/python manage.py collectstatic --noinput --verbosity 0 \
    && rm -f /tmp/build.sqlite3 \
    && rm -rf tests benchmarks docs .ci .git

# --- the image that runs ----------------------------------------------------------------
FROM ${PYTHON_IMAGE}
ARG VERSION=0.2.0
LABEL org.opencontainers.image.title="Between Sessions" \
      org.opencontainers.image.version="${VERSION}"
# Pango for the week's PDF (WeasyPrint), fonts to draw it with, and pg_dump /
# pg_restore for `manage.py backup` and `restore` (Debian bookworm's client is
# PostgreSQL 15: a backup needs pg_dump at least the server's version).
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home \
       between-sessions \
    && mkdir -p /srv/backups \
    && chown between-sessions:between-sessions /srv/backups

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
# XDG_CACHE_HOME: fontconfig (the PDF) keeps its cache where it may write.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_DEBUG=0 \
    XDG_CACHE_HOME=/tmp/.cache \
    GUNICORN_BIND=0.0.0.0:8000 \
    DJANGO_ERASED_ACCOUNTS_FILE=/srv/backups/erased-accounts.jsonl

# Never root, and nothing under /app is writable by the app.
USER between-sessions
EXPOSE 8000
VOLUME ["/srv/backups"]

# Liveness: /healthz asks the database only, so a cache outage the app survives
# never marks the container unhealthy (/readyz is for a load balancer). Answered
# whatever the Host header and never redirected to HTTPS (core/probes.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# Migrations never run here: the compose file's one-shot `migrate` service (or you,
# by hand) runs them before the web processes start.
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi"]
