"""Every URL the journal answers, all under /journal/ (``journal:…``).

Sharing (/journal/sharing/…, /share/…) and export and import (/accounts/export/…,
/accounts/import/) are apps of their own: sharing/urls.py, portability/urls.py.
"""

from django.urls import path, register_converter

from journal.card import views as card
from journal.converters import IsoDateConverter
from journal.practice import views as practice_plans
from journal.rest_days import views as rest_days
from journal.sessions import first_run
from journal.sessions import views as therapy_sessions
from journal.skills import views as named_skills
from journal.views import entries, exercises, progress, week

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
    path("progress/", progress.progress, name="progress"),
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
    path("entries/<int:pk>/star/", therapy_sessions.entry_star, name="entry-star"),
    path("sessions/", therapy_sessions.session_list, name="sessions"),
    # The first run after sign-up: the next session (then reminders:welcome).
    path("welcome/", first_run.welcome, name="welcome"),
    path(
        "sessions/next/",
        therapy_sessions.since_last_session,
        name="since-last-session",
    ),
    path(
        "sessions/next/pdf/",
        therapy_sessions.since_last_session_pdf,
        name="since-last-session-pdf",
    ),
    path("sessions/next/talk/", therapy_sessions.talk_point_add, name="talk-point-add"),
    path("sessions/<int:pk>/", therapy_sessions.session_detail, name="session"),
    path("sessions/<int:pk>/move/", therapy_sessions.session_move, name="session-move"),
    path("sessions/<int:pk>/skip/", therapy_sessions.session_skip, name="session-skip"),
    path(
        "sessions/<int:pk>/restore/",
        therapy_sessions.session_restore,
        name="session-restore",
    ),
    path(
        "sessions/<int:pk>/delete/",
        therapy_sessions.session_delete,
        name="session-delete",
    ),
    path(
        "sessions/schedules/<int:pk>/stop/",
        therapy_sessions.schedule_stop,
        name="schedule-stop",
    ),
    path(
        "talk/<int:pk>/<slug:action>/",
        therapy_sessions.talk_point_change,
        name="talk-point-change",
    ),
    path("card/", card.card, name="card"),
    path("card/suggestions/", card.card_suggestion, name="card-suggestion"),
    path("card/copy/", card.card_copy, name="card-copy"),
    path("card/rows/<int:pk>/rename/", card.row_rename, name="card-row-rename"),
    path("card/rows/<int:pk>/remove/", card.row_remove, name="card-row-remove"),
    path("card/rows/<int:pk>/<slug:action>/", card.row_change, name="card-row-change"),
    path("check-in/", card.check_in, name="check-in"),
    path("check-in/<isodate:day>/", card.check_in, name="check-in-day"),
    path(
        "check-in/<isodate:day>/delete/",
        card.check_in_delete,
        name="check-in-delete",
    ),
    path("skills/", named_skills.skill_list, name="skills"),
    path("skills/<int:pk>/rename/", named_skills.skill_rename, name="skill-rename"),
    path("skills/<int:pk>/hide/", named_skills.skill_hide, name="skill-hide"),
    path("skills/<int:pk>/show/", named_skills.skill_show, name="skill-show"),
    path("skills/<int:pk>/delete/", named_skills.skill_delete, name="skill-delete"),
    path("practice-plan/", practice_plans.practice_plan, name="practice-plan"),
    path(
        "practice-plan/new/",
        practice_plans.practice_plan_new,
        name="practice-plan-new",
    ),
    path(
        "practice-plan/edit/",
        practice_plans.practice_plan_edit,
        name="practice-plan-edit",
    ),
    path(
        "practice-plan/again/",
        practice_plans.practice_plan_again,
        name="practice-plan-again",
    ),
    path(
        "practice-plan/missed/",
        practice_plans.practice_plan_missed,
        name="practice-plan-missed",
    ),
    path(
        "practice-plan/items/<uuid:item>/tick/",
        practice_plans.practice_item_tick,
        name="practice-item-tick",
    ),
    path("rest-days/", rest_days.rest_day_list, name="rest-days"),
    path(
        "rest-days/<int:pk>/delete/",
        rest_days.rest_day_delete,
        name="rest-day-delete",
    ),
]
