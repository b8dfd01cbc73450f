from django.urls import path

from safety import views

app_name = "safety"

urlpatterns = [
    path("help/", views.help_page, name="help"),
]
