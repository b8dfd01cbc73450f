"""The therapist's side: the person's links under /journal/sharing/, the shared page
under /share/ (INTERFACE.md fixes both)."""

from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("journal/sharing/", views.sharing_page, name="links"),
    path("journal/sharing/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("share/<str:token>/", views.share_view, name="shared"),
]
