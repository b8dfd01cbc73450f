# Between Sessions: `make run` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps run test lint format check js migrate clean screenshots messages bench image

# Development mode is never a default in the settings; these targets ask for it.
export DJANGO_DEBUG ?= 1

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

run: migrate
	$(BIN)/python manage.py load_guide
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Chromium (browser tests) and Pango (WeasyPrint's PDFs) come from the system. On
# Debian, as root, they are installed when missing; elsewhere this only explains.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install:$$missing (browser and PDF tests need them)"; \
	  fi; \
	fi

# Two processes (pytest-xdist): the suite is CPU-bound and CI has two cores.
# TEST_WORKERS=0 runs it in this one process; TEST_WORKERS=auto uses every core.
TEST_WORKERS ?= 2

test: install system-deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py build_js --check

# The one script bundle pages load (static/js/site.js, committed) from its sources in
# core/js/site/, and static/css/site.css from core/css/site.css: run after editing any
# of them. No Node toolchain involved.
js: install
	$(BIN)/python manage.py build_js

# The Spanish catalogue: collect new strings (needs GNU gettext, which system-deps
# installs), then compile with polib. The compiled .mo files are committed, so `make
# run` and `make test` need no gettext.
messages: install system-deps
	$(BIN)/python manage.py makemessages -l es --ignore ".venv/*" --ignore "tests/*" --ignore "docs/*" --no-obsolete
	$(BIN)/python manage.py compile_catalogues

# The design document's pictures (docs/img/): a throw-away database, the demo account,
# Debian's Chromium. Never run by the tests, so CI leaves the tree clean.
screenshots: install system-deps
	$(BIN)/python docs/make_screenshots.py

# The page benchmark (benchmarks/pages.py): its own PostgreSQL database, gunicorn with
# DEBUG off, load from wrk (installed here on Debian as root when missing). Not in CI.
bench: install system-deps
	@command -v wrk >/dev/null || { \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "Please install wrk (the benchmark's load tool)"; exit 1; fi; }
	DJANGO_DEBUG=0 $(BIN)/python benchmarks/pages.py $(BENCH_ARGS)

# The container image (Dockerfile), tagged with the version in pyproject.toml. Docker
# when its daemon answers, else podman; IMAGE_BUILD_ARGS passes more, e.g.
# IMAGE_BUILD_ARGS="--build-arg PYTHON_IMAGE=registry.example.org/python:3.11-slim-bookworm".
# podman keeps the HEALTHCHECK only in Docker's image format, hence --format docker.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
CONTAINER ?= $(shell docker info >/dev/null 2>&1 && echo docker || echo podman)
IMAGE ?= between-sessions:$(VERSION)
image:
	$(CONTAINER) build $(if $(filter podman,$(CONTAINER)),--format docker) \
	  $(IMAGE_BUILD_ARGS) --build-arg VERSION=$(VERSION) -t $(IMAGE) .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
