"""Settings for benchmarks/pages.py: the project's own, plus the ceiling view's URL.

Everything else (middleware, templates, cache, database) is exactly what production
runs; only the root URLconf and one template folder are added, and only for the run.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "benchmarks" / "templates"]  # noqa: F405
