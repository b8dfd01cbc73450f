"""The site's periodic work: one runner, each app's jobs registered by the app.

``manage.py run_periodic`` runs every registered job once; cron or a scheduler runs it
every minute. An app registers its jobs in its ``AppConfig.ready`` (so no app imports a
sibling to reach another's job), in the order of INSTALLED_APPS. One job failing is
logged and the others still run: a mail server that is down must not stop sessions
being made ahead or share-link visitor marks being wiped on time.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# A job takes the moment of the run and whether it is a dry run, does its work (or
# only counts it), and returns what it did in a line or two for the operator.
JobFunction = Callable[[datetime.datetime, bool], str]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction


@dataclass(frozen=True)
class Outcome:
    name: str
    report: str
    has_failed: bool


_jobs: dict[str, Job] = {}


def register(name: str, run: JobFunction) -> None:
    """Add a job; registering the same name again replaces it (a reloaded app)."""
    _jobs[name] = Job(name, run)


def registered() -> list[Job]:
    return list(_jobs.values())


def run_all(now: datetime.datetime, *, dry_run: bool = False) -> list[Outcome]:
    """Run every job once, in order; a failure is logged and the rest still run."""
    outcomes = []
    for job in registered():
        try:
            report = job.run(now, dry_run)
        except Exception:
            # The traceback names code, never journal text (the log filters redact
            # what could); the other jobs carry on.
            logger.exception("Periodic job %s failed", job.name)
            outcomes.append(
                Outcome(job.name, f"{job.name}: failed (see the log).", True)
            )
        else:
            outcomes.append(Outcome(job.name, report, False))
    return outcomes
