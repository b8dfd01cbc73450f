from django.urls import path

from safety import views

app_name = "safety"

urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("journal/safety-plan/", views.plan_page, name="plan"),
    path("journal/safety-plan/edit/", views.plan_edit, name="plan-edit"),
    path("journal/safety-plan/pdf/", views.plan_pdf, name="plan-pdf"),
    path(
        "journal/safety-plan/pdf/wallet/",
        views.plan_pdf,
        {"size": "wallet"},
        name="plan-pdf-wallet",
    ),
]
