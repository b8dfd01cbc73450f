"""Health probes answered before anything that reads the Host header.

A container platform, a load balancer or Docker's HEALTHCHECK asks for /healthz and
/readyz by address (``http://10.0.3.7:8000/healthz``), over plain HTTP, with whatever
Host header it likes. Django's CommonMiddleware would refuse a host that is not in
ALLOWED_HOSTS (400, and a DisallowedHost line in the log every few seconds), so this
middleware sits before it (config/settings.py) and answers the two probes itself. The
HTTPS redirect exempts them too (SECURE_REDIRECT_EXEMPT). Neither probe reads a
session, a cookie or anything personal, so skipping the rest of the stack is safe.
"""

from core import views

PROBES = {
    "/healthz": views.healthz,
    "/readyz": views.readyz,
}


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        response = probe(request)
        # The frame refusal every page gets from the clickjacking middleware, which
        # comes later (the headers before this one are already on the response).
        response.setdefault("X-Frame-Options", "DENY")
        return response
