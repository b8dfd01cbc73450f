"""Every URL the journal answers, wherever INTERFACE.md puts it.

Most live under /journal/; the person's data downloads sit under /accounts/ and the
therapist's read-only page under /share/, as INTERFACE.md fixes them. They are all
the journal's, so they share one namespace: ``journal:…``.
"""

from django.urls import include, path, register_converter

from journal.converters import IsoDateConverter
from journal.views import data, entries, exercises, rest_days, sharing, week

app_name = "journal"

register_converter(IsoDateConverter, "isodate")

journal_patterns = [
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
    path("exercises/", exercises.exercise_list, name="exercises"),
    path("exercises/<slug:skill>/", exercises.exercise, name="exercise"),
    path(
        "exercises/behavioral-activation/plans/<int:pk>/",
        exercises.plan_detail,
        name="plan",
    ),
    path(
        "exercises/behavioral-activation/plans/<int:pk>/not-this-time/",
        exercises.plan_not_this_time,
        name="plan-not-this-time",
    ),
    path("rest-days/", rest_days.rest_day_list, name="rest-days"),
    path(
        "rest-days/<int:pk>/delete/",
        rest_days.rest_day_delete,
        name="rest-day-delete",
    ),
    path("sharing/", sharing.sharing_page, name="sharing"),
    path("sharing/<int:pk>/revoke/", sharing.revoke, name="sharing-revoke"),
]

data_patterns = [
    path("export/csv/", data.export_csv, name="export-csv"),
    path("export/json/", data.export_json, name="export-json"),
    path("import/", data.your_data, name="your-data"),
]

urlpatterns = [
    path("journal/", include(journal_patterns)),
    path("accounts/", include(data_patterns)),
    path("share/<str:token>/", sharing.share_view, name="share"),
]
