"""gunicorn settings: `gunicorn -c config/gunicorn.py config.wsgi`.

The access log carries the path without its query string, and never a share token;
with DJANGO_LOG_FORMAT=json each request is one JSON line.
"""

import gc
import os

from gunicorn.glogging import Logger

from core.log_filters import redact
from core.log_format import json_line

# Loopback unless told otherwise: the proxy in front is what faces the network.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's own advice: two workers a core, plus one, so a request waiting on the
# database never holds a core idle (5 on 2 cores).
workers = int(os.environ.get("GUNICORN_WORKERS") or os.cpu_count() * 2 + 1)
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "{raw_uri}e"):
            if key in atoms:
                atoms[key] = redact(atoms[key])
        atoms["q"] = ""
        atoms["f"] = "-"  # the referer may carry a share link too
        return atoms

    def access(self, resp, req, environ, request_time):
        if os.environ.get("DJANGO_LOG_FORMAT", "").strip().lower() != "json":
            return super().access(resp, req, environ, request_time)
        if not self.cfg.accesslog:
            return None
        atoms = self.atoms(resp, req, environ, request_time)
        line = {
            "time": atoms["t"],
            "level": "INFO",
            "logger": "gunicorn.access",
            "remote": atoms["h"],
            "method": atoms["m"],
            "path": atoms["U"],
            "protocol": atoms["H"],
            "status": atoms["s"],
            "bytes": atoms["b"],
            "seconds": atoms["L"],
        }
        self.access_log.info(json_line(line))
        return None


logger_class = PrivateAccessLogger


def post_worker_init(worker):
    """Once the app is loaded, keep its objects out of the garbage collector's way.

    Everything made while starting (Django, the URLconf) lives as long as the
    worker: frozen, the collector never walks it again.
    """
    gc.freeze()


# A worker's first requests make more that lives as long as it does (compiled
# templates, translation catalogues, URL and field caches): about 40,000 objects
# after the first. Left in the collector's oldest generation, each full pass walked
# them all, 40-70 ms in the middle of someone's request on this machine type. So
# after these requests, with the response already sent, they are collected and
# frozen too, and a full pass in a request walks only what is new since.
FREEZE_AFTER_REQUESTS = frozenset({1, 10, 100, 1000})


def post_request(worker, req, environ, resp):
    if worker.nr in FREEZE_AFTER_REQUESTS:
        gc.collect()
        gc.freeze()
