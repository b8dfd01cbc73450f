from django.urls import path, register_converter

from journal.converters import IsoDateConverter
from journal.views import entries, week

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
    path("progress/", week.progress, name="progress"),
]
