from django.contrib import admin
from django.urls import include, path

from journal.views import pages, sharing

urlpatterns = [
    path("", pages.home, name="home"),
    path("help/", pages.help_page, name="help"),
    path("healthz", pages.healthz, name="healthz"),
    path("accounts/", include("journal.urls_accounts")),
    path("journal/", include("journal.urls")),
    path("share/<str:token>/", sharing.share_view, name="share"),
    path("guide/", include("guide.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "journal.views.pages.page_not_found"
handler500 = "journal.views.pages.server_error"
