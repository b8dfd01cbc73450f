from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # For scripts (the offline queue): the token, while the cookie stays HttpOnly.
    path("accounts/csrf-token/", views.csrf_token, name="csrf-token"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("offline/", views.offline, name="offline"),
]
