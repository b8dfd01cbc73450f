"""Is this process ready for people? The database, the cache, the migrations.

Each check answers OK or says what is wrong in a word or two; nothing here raises.
"""

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

OK = "ok"
DOWN = "unavailable"


def check() -> dict[str, str]:
    """The state of each dependency, by name, in the order they are listed."""
    database = _database()
    return {
        "database": database,
        "cache": _cache(),
        # Without the database there is no telling which migrations are applied.
        "migrations": _migrations() if database == OK else "unknown",
    }


def as_text(states: dict[str, str]) -> str:
    return "".join(f"{name}: {state}\n" for name, state in states.items())


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return DOWN
    return OK


def _cache() -> str:
    store = caches["default"]
    # core.cache.RedisCache turns an outage into a miss; ask it directly instead.
    answers = getattr(store, "answers", None)
    try:
        if answers is not None:
            return OK if answers() else DOWN
        store.get("readiness-probe")
    except Exception:  # noqa: BLE001 - any backend's failure means "not ready"
        return DOWN
    return OK


def _migrations() -> str:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return DOWN
    return OK if not plan else f"{len(plan)} not applied"
