"""Every state-changing POST needs a valid CSRF token: without one, 403 and no change.

Each flow is also sent once with a valid token, so a refusal is shown to come from
the missing token and not from data that would have been refused anyway.
"""

import datetime
import json
import secrets
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp

from accounts import two_factor
from accounts.emails import confirm_token
from accounts.models import AuthenticatorDevice, Profile, SignedInSession
from accounts.signin_views import PENDING_KEY
from accounts.sudo import SESSION_KEY as SUDO_SESSION_KEY
from journal.card import services as card_services
from journal.models import (
    ActivityPlan,
    CardRow,
    CheckIn,
    Entry,
    NamedSkill,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
    RestDay,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
    WeeklyReflection,
)
from journal.practice import goals as practice_goals
from journal.practice import services as practice_services
from reminders.models import ReminderSettings
from safety.models import SafetyPlan
from sharing.models import ShareLink
from sharing.services import hash_token
from tests.factories import make_entry, make_plan, make_signed_in_session, sign_in
from tests.security.routes import our_routes

pytestmark = pytest.mark.django_db

D = datetime.date
PASSWORD = "a-long-test-password"
NEW_PASSWORD = "quiet-harbour-lanterns-73"
IMPORTED_UUID = "6f1c2d4e-9a8b-4c7d-8e6f-5a4b3c2d1e0f"
NEW_ENTRY_UUID = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a"


@dataclass
class World:
    owner: object
    entry: Entry
    link: ShareLink
    mailbox: list


@pytest.fixture
def world(fixed_clock, owner, mailoutbox):
    owner.email = "owner@example.org"
    owner.save()
    entry = make_entry(owner, practiced_on=D(2026, 11, 18), note="The first note")
    link = ShareLink.objects.create(
        owner=owner,
        token_hash=hash_token("csrf-test-token"),
        weeks=4,
        first_day=D(2026, 10, 26),
        last_day=D(2026, 11, 22),
        expires_at=fixed_clock + datetime.timedelta(days=30),
    )
    return World(owner=owner, entry=entry, link=link, mailbox=mailoutbox)


def card_row(world) -> CardRow:
    """The owner's one diary-card row, made the first time it is asked for."""
    row = CardRow.objects.filter(owner=world.owner).first()
    if row is None:
        row = card_services.add_row(world.owner, "emotion", "Sadness")
    return row


def password_is(user, password) -> bool:
    return get_user_model().objects.get(pk=user.pk).check_password(password)


def import_file():
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": [
            {
                "uuid": IMPORTED_UUID,
                "practiced_on": "2026-11-19",
                "skill": "communication",
                "note": "Imported words",
            }
        ],
        "reflections": [],
    }
    return SimpleUploadedFile(
        "export.json", json.dumps(document).encode(), "application/json"
    )


def without_sudo(client, url):
    session = client.session
    session.pop(SUDO_SESSION_KEY, None)
    session.save()
    return url


def authenticator(world, *, confirmed=True):
    world.device = AuthenticatorDevice.objects.create(
        user=world.owner, name="Authenticator app", confirmed=confirmed
    )
    return world.device


def current_code(world) -> str:
    return f"{totp(world.device.bin_key):06d}"


def pending_code_url(client, world) -> str:
    authenticator(world)
    session = client.session
    session[PENDING_KEY] = {"user": world.owner.pk, "remember": False, "until": 2e9}
    session.save()
    return "/accounts/login/code/"


def named_skill_of(world, is_hidden=False) -> NamedSkill:
    """The owner's named skill for a flow, made once and read fresh each time."""
    found = NamedSkill.objects.filter(owner=world.owner, is_hidden__in=[is_hidden])
    if not found.exists() and not NamedSkill.objects.filter(owner=world.owner).exists():
        return NamedSkill.objects.create(
            owner=world.owner, family="communication", name="Mine", is_hidden=is_hidden
        )
    return NamedSkill.objects.filter(owner=world.owner).get()


def practice_plan_of(world, *, last_week=False) -> PracticePlan:
    """The owner's plan for this week (or last week's), with a free-text item."""
    span = practice_goals.iso_week(timezone.now().date())
    if last_week:
        week = datetime.timedelta(days=7)
        span = practice_goals.PlanSpan(span.starts_on - week, span.ends_on - week)
    return practice_services.create_plan(
        world.owner, span, [{"text": "Evening walk", "times": 3}]
    )


def practice_items(times: str) -> dict:
    return {
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-0-text": "Evening walk",
        "items-0-times": times,
    }


def another_session_url(client, world) -> str:
    world.other_session = make_signed_in_session(world.owner)
    return f"/accounts/sessions/{world.other_session.pk}/sign-out/"


def recovery_codes_url(client, world) -> str:
    authenticator(world)
    world.old_codes = two_factor.new_recovery_codes(world.owner)
    return "/accounts/two-factor/new-codes/"


def reset_set_password_url(client, world) -> str:
    uid = urlsafe_base64_encode(force_bytes(world.owner.pk))
    token = default_token_generator.make_token(world.owner)
    response = client.get(f"/accounts/reset/{uid}/{token}/")
    assert response.status_code == 302  # the token moves into the session
    return response["Location"]


def coming_session(world, **fields) -> TherapySession:
    fields = {
        "owner": world.owner,
        "starts_at": timezone.now() + datetime.timedelta(days=3),
        "time_zone": "UTC",
        **fields,
    }
    return TherapySession.objects.create(**fields)


def session_url(action):
    def url(client, world):
        world.session = coming_session(world, is_skipped=action == "restore")
        return f"/journal/sessions/{world.session.pk}/{action}/"

    return url


def session_now(world):
    return TherapySession.objects.filter(pk=world.session.pk).first()


def talk_point_url(client, world):
    world.point = TalkPoint.objects.create(owner=world.owner, text="Sleep")
    return f"/journal/talk/{world.point.pk}/done/"


def schedule_url(client, world):
    world.schedule = SessionSchedule.objects.create(
        owner=world.owner,
        starts_on=D(2026, 11, 26),
        at=datetime.time(17),
        time_zone="UTC",
        made_until=D(2026, 11, 26),
    )
    return f"/journal/sessions/schedules/{world.schedule.pk}/stop/"


@dataclass(frozen=True)
class Flow:
    signed_in: bool
    url: object  # (client, world) -> str
    data: object  # world -> dict
    changed: object  # (client, world) -> bool


FLOWS = {
    "accounts:signup": Flow(
        False,
        lambda c, w: "/accounts/signup/",
        lambda w: {
            "username": "forged-newcomer",
            "email": "",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "time_zone": "UTC",
        },
        lambda c, w: (
            get_user_model().objects.filter(username="forged-newcomer").exists()
        ),
    ),
    "login": Flow(
        False,
        lambda c, w: "/accounts/login/",
        lambda w: {"username": w.owner.username, "password": PASSWORD},
        lambda c, w: "_auth_user_id" in c.session,
    ),
    "logout": Flow(
        True,
        lambda c, w: "/accounts/logout/",
        lambda w: {},
        lambda c, w: "_auth_user_id" not in c.session,
    ),
    "accounts:settings": Flow(
        True,
        lambda c, w: "/accounts/settings/",
        lambda w: {
            "display_name": "Forged name",
            "time_zone": "Europe/Paris",
            "week_start": "sunday",
            "language": "en",
        },
        lambda c, w: Profile.objects.get(user=w.owner).display_name == "Forged name",
    ),
    "password_change": Flow(
        True,
        lambda c, w: "/accounts/password_change/",
        lambda w: {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        lambda c, w: password_is(w.owner, NEW_PASSWORD),
    ),
    "password_reset": Flow(
        False,
        lambda c, w: "/accounts/password_reset/",
        lambda w: {"email": "owner@example.org"},
        lambda c, w: len(w.mailbox) > 0,
    ),
    "password_reset_confirm": Flow(
        False,
        reset_set_password_url,
        lambda w: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        lambda c, w: password_is(w.owner, NEW_PASSWORD),
    ),
    "journal:entry-new": Flow(
        True,
        lambda c, w: "/journal/entries/new/",
        lambda w: {
            "uuid": NEW_ENTRY_UUID,
            "skill": "communication",
            "note": "A forged entry",
            "practiced_on": "2026-11-21",
        },
        lambda c, w: Entry.objects.filter(uuid=NEW_ENTRY_UUID).exists(),
    ),
    "journal:entry-edit": Flow(
        True,
        lambda c, w: f"/journal/entries/{w.entry.pk}/edit/",
        lambda w: {
            "skill": "communication",
            "note": "Forged change",
            "practiced_on": "2026-11-18",
        },
        lambda c, w: Entry.objects.get(pk=w.entry.pk).note == "Forged change",
    ),
    "journal:entry-delete": Flow(
        True,
        lambda c, w: f"/journal/entries/{w.entry.pk}/delete/",
        lambda w: {},
        lambda c, w: not Entry.objects.filter(pk=w.entry.pk).exists(),
    ),
    "journal:week-reflection": Flow(
        True,
        lambda c, w: "/journal/week/2026-11-16/reflection/",
        lambda w: {
            "what_helped": "Forged reflection",
            "what_was_hard": "",
            "for_next_session": "",
        },
        lambda c, w: WeeklyReflection.objects.filter(owner=w.owner).exists(),
    ),
    "sharing:links": Flow(
        True,
        lambda c, w: "/journal/sharing/",
        lambda w: {"weeks": "4", "expires_in_days": "30", "include_notes": "on"},
        lambda c, w: ShareLink.objects.filter(owner=w.owner).count() > 1,
    ),
    "accounts:confirm": Flow(
        True,
        lambda c, w: without_sudo(c, "/accounts/confirm/"),
        lambda w: {"confirm-password": PASSWORD},
        lambda c, w: SUDO_SESSION_KEY in c.session,
    ),
    "accounts:login-code": Flow(
        False,
        pending_code_url,
        lambda w: {"code": current_code(w)},
        lambda c, w: "_auth_user_id" in c.session,
    ),
    "accounts:two-factor": Flow(
        True,
        lambda c, w: (authenticator(w, confirmed=False), "/accounts/two-factor/")[1],
        lambda w: {"code": current_code(w)},
        lambda c, w: AuthenticatorDevice.objects.filter(
            user=w.owner, confirmed=True
        ).exists(),
    ),
    "accounts:two-factor-off": Flow(
        True,
        lambda c, w: (authenticator(w), "/accounts/two-factor/off/")[1],
        lambda w: {"password": PASSWORD, "code": current_code(w)},
        lambda c, w: not AuthenticatorDevice.objects.filter(user=w.owner).exists(),
    ),
    "accounts:two-factor-new-codes": Flow(
        True,
        recovery_codes_url,
        lambda w: {},
        lambda c, w: two_factor.verify(w.owner, w.old_codes[0]) is None,
    ),
    "accounts:email-confirm": Flow(
        False,
        lambda c, w: f"/accounts/email/confirm/{confirm_token(w.owner)}/",
        lambda w: {},
        lambda c, w: Profile.objects.get(user=w.owner).has_confirmed_email,
    ),
    "accounts:email-resend": Flow(
        True,
        lambda c, w: "/accounts/email/send-link/",
        lambda w: {},
        lambda c, w: len(w.mailbox) > 0,
    ),
    "reminders:settings": Flow(
        True,
        lambda c, w: "/accounts/reminders/",
        lambda w: {
            "enabled": "on",
            "time": "07:30",
            "days": ["1"],
            "channel_email": "on",
        },
        lambda c, w: ReminderSettings.objects.filter(
            user=w.owner, enabled=True
        ).exists(),
    ),
    "journal:exercise": Flow(
        True,
        lambda c, w: "/journal/exercises/distress-tolerance/",
        lambda w: {
            "uuid": "6f1d1c50-7d4c-4a34-8a54-0d6a4b1f6c11",
            "urge": "Wanted to leave the party",
            "strength_before": "7",
            "coping": ["breathing"],
            "practiced_on": "2026-11-20",
        },
        lambda c, w: Entry.objects.filter(
            owner=w.owner, exercise="ride-the-wave"
        ).exists(),
    ),
    "journal:plan": Flow(
        True,
        lambda c, w: (
            f"/journal/exercises/behavioral-activation/plans/{make_plan(w.owner).pk}/"
        ),
        lambda w: {"actual": "6", "achievement": "5", "practiced_on": "2026-11-20"},
        lambda c, w: ActivityPlan.objects.filter(owner=w.owner, status="done").exists(),
    ),
    "journal:plan-not-this-time": Flow(
        True,
        lambda c, w: (
            f"/journal/exercises/behavioral-activation/plans/"
            f"{make_plan(w.owner).pk}/not-this-time/"
        ),
        lambda w: {},
        lambda c, w: ActivityPlan.objects.filter(
            owner=w.owner, status="not-this-time"
        ).exists(),
    ),
    "set_language": Flow(
        True,
        lambda c, w: "/i18n/setlang/",
        lambda w: {"language": "en", "next": "/journal/"},
        lambda c, w: settings.LANGUAGE_COOKIE_NAME in c.cookies,
    ),
    "journal:sessions": Flow(
        True,
        lambda c, w: "/journal/sessions/",
        lambda w: {"repeats": "once", "on": "2026-11-26", "at": "17:00"},
        lambda c, w: TherapySession.objects.filter(owner=w.owner).exists(),
    ),
    "journal:welcome": Flow(
        True,
        lambda c, w: "/journal/welcome/",
        lambda w: {"repeats": "once", "on": "2026-11-26", "at": "17:00"},
        lambda c, w: TherapySession.objects.filter(owner=w.owner).exists(),
    ),
    "reminders:welcome": Flow(
        True,
        lambda c, w: "/accounts/reminders/welcome/",
        lambda w: {"time": "07:30", "days": ["1"], "channel_email": "on"},
        lambda c, w: ReminderSettings.objects.filter(
            user=w.owner, enabled=True
        ).exists(),
    ),
    "accounts:welcome-country": Flow(
        True,
        lambda c, w: "/accounts/welcome/country/",
        lambda w: {"country": "MX"},
        lambda c, w: Profile.objects.filter(user=w.owner, country="MX").exists(),
    ),
    "journal:talk-point-add": Flow(
        True,
        lambda c, w: "/journal/sessions/next/talk/",
        lambda w: {"text": "How I slept"},
        lambda c, w: TalkPoint.objects.filter(owner=w.owner).exists(),
    ),
    "journal:talk-point-change": Flow(
        True,
        talk_point_url,
        lambda w: {},
        lambda c, w: TalkPoint.objects.get(pk=w.point.pk).is_done,
    ),
    "journal:entry-star": Flow(
        True,
        lambda c, w: f"/journal/entries/{w.entry.pk}/star/",
        lambda w: {},
        lambda c, w: SessionStar.objects.filter(entry=w.entry).exists(),
    ),
    "journal:session-move": Flow(
        True,
        session_url("move"),
        lambda w: {"on": "2026-12-01", "at": "09:00"},
        lambda c, w: session_now(w).is_moved,
    ),
    "journal:session-skip": Flow(
        True,
        session_url("skip"),
        lambda w: {},
        lambda c, w: session_now(w).is_skipped,
    ),
    "journal:session-restore": Flow(
        True,
        session_url("restore"),
        lambda w: {},
        lambda c, w: not session_now(w).is_skipped,
    ),
    "journal:session-delete": Flow(
        True,
        session_url("delete"),
        lambda w: {},
        lambda c, w: session_now(w) is None,
    ),
    "journal:schedule-stop": Flow(
        True,
        schedule_url,
        lambda w: {},
        lambda c, w: SessionSchedule.objects.get(pk=w.schedule.pk).ended_on is not None,
    ),
    "safety:plan-edit": Flow(
        True,
        lambda c, w: "/journal/safety-plan/edit/",
        lambda w: {"warning_signs": "Forged warning sign"},
        lambda c, w: SafetyPlan.objects.filter(owner=w.owner).exists(),
    ),
    "journal:card": Flow(
        True,
        lambda c, w: "/journal/card/",
        lambda w: {"kind": "urge", "name": "Forged row"},
        lambda c, w: CardRow.objects.filter(owner=w.owner).exists(),
    ),
    "journal:card-suggestion": Flow(
        True,
        lambda c, w: "/journal/card/suggestions/",
        lambda w: {"suggestion": "sleep"},
        lambda c, w: CardRow.objects.filter(owner=w.owner).exists(),
    ),
    "journal:card-copy": Flow(
        True,
        lambda c, w: "/journal/card/copy/",
        lambda w: {"emotions": "Forged"},
        lambda c, w: CardRow.objects.filter(owner=w.owner).exists(),
    ),
    "journal:card-row-rename": Flow(
        True,
        lambda c, w: f"/journal/card/rows/{card_row(w).pk}/rename/",
        lambda w: {f"r{card_row(w).pk}-name": "Forged name"},
        lambda c, w: CardRow.objects.get(pk=card_row(w).pk).name == "Forged name",
    ),
    "journal:card-row-change": Flow(
        True,
        lambda c, w: f"/journal/card/rows/{card_row(w).pk}/pause/",
        lambda w: {},
        lambda c, w: CardRow.objects.get(pk=card_row(w).pk).is_paused,
    ),
    "journal:card-row-remove": Flow(
        True,
        lambda c, w: f"/journal/card/rows/{card_row(w).pk}/remove/",
        lambda w: {},
        lambda c, w: not CardRow.objects.filter(owner=w.owner).exists(),
    ),
    "journal:check-in": Flow(
        True,
        lambda c, w: "/journal/check-in/",
        lambda w: {"skills_rating": "3"},
        lambda c, w: CheckIn.objects.filter(owner=w.owner).exists(),
    ),
    "journal:check-in-day": Flow(
        True,
        lambda c, w: "/journal/check-in/2026-11-18/",
        lambda w: {"sentence": "Forged sentence"},
        lambda c, w: CheckIn.objects.filter(owner=w.owner).exists(),
    ),
    "journal:check-in-delete": Flow(
        True,
        lambda c, w: (
            "/journal/check-in/"
            f"{card_services.save_check_in(w.owner, D(2026, 11, 18), {}, 3, '').day}"
            "/delete/"
        ),
        lambda w: {},
        lambda c, w: not CheckIn.objects.filter(owner=w.owner).exists(),
    ),
    "journal:practice-plan-new": Flow(
        True,
        lambda c, w: "/journal/practice-plan/new/",
        lambda w: practice_items("3"),
        lambda c, w: PracticePlan.objects.filter(owner=w.owner).exists(),
    ),
    "journal:practice-plan-edit": Flow(
        True,
        lambda c, w: (practice_plan_of(w), "/journal/practice-plan/edit/")[1],
        lambda w: {**practice_items("9"), "items-INITIAL_FORMS": "1"},
        lambda c, w: PracticePlan.objects.get(owner=w.owner).items.get().times == 9,
    ),
    "journal:practice-plan-again": Flow(
        True,
        lambda c, w: (
            practice_plan_of(w, last_week=True),
            "/journal/practice-plan/again/",
        )[1],
        lambda w: {},
        lambda c, w: PracticePlan.objects.filter(owner=w.owner).count() == 2,
    ),
    "journal:practice-plan-missed": Flow(
        True,
        lambda c, w: (practice_plan_of(w), "/journal/practice-plan/missed/")[1],
        lambda w: {"day": "2026-11-16", "reason": "no-time"},
        lambda c, w: PracticeMiss.objects.filter(plan__owner=w.owner).exists(),
    ),
    "journal:practice-item-tick": Flow(
        True,
        lambda c, w: (
            f"/journal/practice-plan/items/{practice_plan_of(w).items.get().uuid}/tick/"
        ),
        lambda w: {},
        lambda c, w: PracticeTick.objects.filter(item__plan__owner=w.owner).exists(),
    ),
    "journal:rest-days": Flow(
        True,
        lambda c, w: "/journal/rest-days/",
        lambda w: {"first": "2026-11-20"},
        lambda c, w: RestDay.objects.filter(owner=w.owner).exists(),
    ),
    "journal:skills": Flow(
        True,
        lambda c, w: "/journal/skills/",
        lambda w: {"family": "communication", "name": "Forged skill"},
        lambda c, w: NamedSkill.objects.filter(owner=w.owner).exists(),
    ),
    "journal:skill-rename": Flow(
        True,
        lambda c, w: f"/journal/skills/{named_skill_of(w).pk}/rename/",
        lambda w: {f"rename-{named_skill_of(w).pk}-name": "Forged name"},
        lambda c, w: any(s.name == "Forged name" for s in NamedSkill.objects.all()),
    ),
    "journal:skill-hide": Flow(
        True,
        lambda c, w: f"/journal/skills/{named_skill_of(w).pk}/hide/",
        lambda w: {},
        lambda c, w: named_skill_of(w).is_hidden,
    ),
    "journal:skill-show": Flow(
        True,
        lambda c, w: f"/journal/skills/{named_skill_of(w, is_hidden=True).pk}/show/",
        lambda w: {},
        lambda c, w: not named_skill_of(w, is_hidden=True).is_hidden,
    ),
    "journal:skill-delete": Flow(
        True,
        lambda c, w: f"/journal/skills/{named_skill_of(w).pk}/delete/",
        lambda w: {},
        lambda c, w: not NamedSkill.objects.filter(owner=w.owner).exists(),
    ),
    "journal:rest-day-delete": Flow(
        True,
        lambda c, w: (
            f"/journal/rest-days/"
            f"{RestDay.objects.create(owner=w.owner, day=D(2026, 11, 19)).pk}/delete/"
        ),
        lambda w: {},
        lambda c, w: not RestDay.objects.filter(owner=w.owner).exists(),
    ),
    "accounts:session-sign-out": Flow(
        True,
        another_session_url,
        lambda w: {},
        lambda c, w: not SignedInSession.objects.filter(pk=w.other_session.pk).exists(),
    ),
    "accounts:sessions-sign-out-others": Flow(
        True,
        another_session_url,
        lambda w: {},
        lambda c, w: not SignedInSession.objects.filter(pk=w.other_session.pk).exists(),
    ),
    "sharing:revoke": Flow(
        True,
        lambda c, w: f"/journal/sharing/{w.link.pk}/revoke/",
        lambda w: {},
        lambda c, w: ShareLink.objects.get(pk=w.link.pk).revoked_at is not None,
    ),
    "portability:your-data": Flow(
        True,
        lambda c, w: "/accounts/import/",
        lambda w: {"file": import_file()},
        lambda c, w: Entry.objects.filter(uuid=IMPORTED_UUID).exists(),
    ),
    "accounts:delete": Flow(
        True,
        lambda c, w: "/accounts/delete/",
        lambda w: {"password": PASSWORD},
        lambda c, w: not get_user_model().objects.filter(pk=w.owner.pk).exists(),
    ),
}


def enforcing_client(world, flow) -> Client:
    client = Client(enforce_csrf_checks=True)
    if flow.signed_in:
        sign_in(client, world.owner)
    return client


def csrf_cookie(client) -> str:
    client.get("/accounts/login/")  # any page with a form sets the cookie
    return client.cookies["csrftoken"].value


# --- the explicit list ---------------------------------------------------------------


@pytest.mark.parametrize("token", ["missing", "wrong"])
@pytest.mark.parametrize("name", FLOWS)
def test_post_without_a_valid_token_is_refused_and_changes_nothing(world, name, token):
    flow = FLOWS[name]
    client = enforcing_client(world, flow)
    url = flow.url(client, world)
    data = flow.data(world)
    if token == "wrong":
        csrf_cookie(client)
        data["csrfmiddlewaretoken"] = secrets.token_hex(16)

    response = client.post(url, data)

    assert response.status_code == 403
    assert "CSRF verification failed" in response.content.decode()
    assert not flow.changed(client, world)


@pytest.mark.parametrize("name", FLOWS)
def test_the_same_post_with_a_valid_token_goes_through(world, name):
    flow = FLOWS[name]
    client = enforcing_client(world, flow)
    url = flow.url(client, world)
    token = csrf_cookie(client)

    response = client.post(url, flow.data(world), HTTP_X_CSRFTOKEN=token)

    assert response.status_code in (200, 302)
    assert flow.changed(client, world)


# --- every route, from the resolver ------------------------------------------------

# Parameters for the owner's own objects, so a POST reaches the view.
ROUTE_KWARGS = {
    "journal:entry-edit": lambda w: {"pk": w.entry.pk},
    "journal:entry-delete": lambda w: {"pk": w.entry.pk},
    "sharing:revoke": lambda w: {"pk": w.link.pk},
    "accounts:session-sign-out": lambda w: {"pk": 1},
    "journal:rest-day-delete": lambda w: {"pk": 1},
    "journal:skill-rename": lambda w: {"pk": 1},
    "journal:skill-hide": lambda w: {"pk": 1},
    "journal:skill-show": lambda w: {"pk": 1},
    "journal:skill-delete": lambda w: {"pk": 1},
    "journal:exercise": lambda w: {"skill": "cognitive-restructuring"},
    "journal:plan": lambda w: {"pk": 1},
    "journal:plan-not-this-time": lambda w: {"pk": 1},
    "journal:entry-star": lambda w: {"pk": w.entry.pk},
    "journal:session": lambda w: {"pk": 1},
    "journal:session-move": lambda w: {"pk": 1},
    "journal:session-skip": lambda w: {"pk": 1},
    "journal:session-restore": lambda w: {"pk": 1},
    "journal:session-delete": lambda w: {"pk": 1},
    "journal:schedule-stop": lambda w: {"pk": 1},
    "journal:talk-point-change": lambda w: {"pk": 1, "action": "done"},
    "journal:card-row-change": lambda w: {"pk": 1, "action": "pause"},
    "journal:card-row-rename": lambda w: {"pk": 1},
    "journal:card-row-remove": lambda w: {"pk": 1},
    "journal:check-in-day": lambda w: {"day": D(2026, 11, 18)},
    "journal:practice-item-tick": lambda w: {
        "item": "6f1c2d4e-9a8b-4c7d-8e6f-5a4b3c2d1e01"
    },
    "journal:check-in-delete": lambda w: {"day": D(2026, 11, 18)},
    "accounts:email-confirm": lambda w: {"token": confirm_token(w.owner)},
    "reminders:unsubscribe": lambda w: {"token": "not-a-token"},
    "journal:week": lambda w: {"day": D(2026, 11, 16)},
    "journal:week-reflection": lambda w: {"day": D(2026, 11, 16)},
    "journal:week-pdf": lambda w: {"day": D(2026, 11, 16)},
    "sharing:shared": lambda w: {"token": "csrf-test-token"},
    "guide:article": lambda w: {"slug": "how-therapy-works"},
    "password_reset_confirm": lambda w: {"uidb64": "MQ", "token": "set-password"},
}
# Routes that take a POST without our CSRF token, on purpose, and why.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail apps POST without our token; the signed
    # URL is the proof, and the only change it can make is to stop reminder e-mails.
    "reminders:unsubscribe",
    # Health probes answer before the CSRF check (core/probes.py) and refuse every
    # POST with 405: they change nothing.
    "core:healthz",
    "core:readyz",
}
# JSON endpoints for scripts: their token-or-403 flows are tested beside them.
JSON_FLOWS_TESTED_ELSEWHERE = {
    "reminders:push-subscribe": "tests/reminders/test_push.py",
    "reminders:push-unsubscribe": "tests/reminders/test_push.py",
}
ALL_ROUTES = sorted({route.name for route in our_routes()} | {"password_reset_confirm"})
PARAMETERISED = {route.name for route in our_routes() if route.has_parameters}


def route_url(name, world) -> str:
    if name in PARAMETERISED or name == "password_reset_confirm":
        if name not in ROUTE_KWARGS:
            pytest.fail(f"add route {name} to ROUTE_KWARGS in the CSRF test")
        return reverse(name, kwargs=ROUTE_KWARGS[name](world))
    return reverse(name)


def test_the_route_list_holds_the_forms_it_should():
    assert set(FLOWS) <= set(ALL_ROUTES)


@pytest.mark.parametrize("name", ALL_ROUTES)
def test_every_route_that_accepts_post_is_in_the_csrf_list(world, client, name):
    client.force_login(world.owner)
    url = route_url(name, world)

    response = client.post(url, {})

    if (
        response.status_code != 405
        and name not in CSRF_EXEMPT
        and name not in JSON_FLOWS_TESTED_ELSEWHERE
    ):
        assert name in FLOWS, f"add route {name} to the CSRF list (it accepts POST)"


@pytest.mark.parametrize("name", sorted(set(ALL_ROUTES) - CSRF_EXEMPT))
def test_every_route_refuses_a_post_without_a_token(world, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner)
    url = route_url(name, world)

    response = client.post(url, {})

    assert response.status_code == 403, f"POST {url} without a token"
    assert Entry.objects.filter(pk=world.entry.pk).exists()
