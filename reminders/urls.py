from django.urls import path

from reminders import first_run, views

app_name = "reminders"

urlpatterns = [
    path("", views.settings_page, name="settings"),
    # The first run's second question (after journal:welcome).
    path("welcome/", first_run.welcome, name="welcome"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("push/subscribe/", views.push_subscribe, name="push-subscribe"),
    path("push/unsubscribe/", views.push_unsubscribe, name="push-unsubscribe"),
]
