"""The person's data, under /accounts/ as INTERFACE.md fixes it (portability:…)."""

from django.urls import path

from portability import views

app_name = "portability"

urlpatterns = [
    path("export/csv/", views.export_csv, name="export-csv"),
    path("export/json/", views.export_json, name="export-json"),
    path("import/", views.your_data, name="your-data"),
]
