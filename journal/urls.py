from django.urls import path, register_converter

from journal.converters import IsoDateConverter
from journal.views import entries, sharing, week

app_name = "journal"

register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path("", entries.today, name="today"),
    path("entries/", entries.entry_list, name="entry-list"),
    path("entries/new/", entries.entry_new, name="entry-new"),
    path("entries/<int:pk>/edit/", entries.entry_edit, name="entry-edit"),
    path("entries/<int:pk>/delete/", entries.entry_delete, name="entry-delete"),
    path("week/", week.week_current, name="week-current"),
    path("week/<isodate:day>/", week.week_detail, name="week"),
    path(
        "week/<isodate:day>/reflection/", week.reflection_save, name="week-reflection"
    ),
    path("week/<isodate:day>/pdf/", week.week_pdf, name="week-pdf"),
    path("progress/", week.progress, name="progress"),
    path("sharing/", sharing.sharing_page, name="sharing"),
    path("sharing/<int:pk>/revoke/", sharing.revoke, name="sharing-revoke"),
]
