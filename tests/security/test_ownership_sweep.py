"""Every URL that takes a parameter, pointed at another person's things.

The routes come from the resolver, so a new URL pattern joins the sweep by itself: a
parameterised route missing from SWEEP fails with "add route X to the ownership
sweep" until someone says how to fill it and what a stranger must get back.
"""

import datetime
import io
import re
import secrets
import uuid
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.emails import confirm_token
from accounts.models import Profile, SignedInSession
from core.skills import Skill
from guide.models import Article
from journal.card import services as card_services
from journal.models import (
    ActivityPlan,
    CardRow,
    CheckIn,
    Entry,
    NamedSkill,
    PracticeItem,
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
from reminders.channels import unsubscribe_url
from sharing.models import ShareLink, ShareLinkView
from sharing.services import hash_token
from tests.factories import (
    make_entry,
    make_exercise_entry,
    make_named_skill,
    make_plan,
    make_signed_in_session,
)
from tests.security.routes import our_routes

pytestmark = pytest.mark.django_db

D = datetime.date
OTHER_NOTE = "Lakeside-dawn note that belongs to someone else"
OTHER_SITUATION = "Bus-stop situation of someone else"
OTHER_HELPED = "Quince-tea reflection of someone else"
OTHER_HARD = "Marigold-hard reflection of someone else"
OTHER_NEXT = "Harbour-lights question of someone else"
OTHER_NAME = "Robin Otherperson"
OTHER_ACTIVITY = "Kite-flying plan of someone else"
OTHER_THOUGHT = "Lantern-thought of someone else"
OTHER_TALK = "Driftwood talk point of someone else"
OTHER_LABEL = "Dr. Otherperson"
OTHER_ROW = "Thistle-urge row of someone else"
OTHER_DAY_SENTENCE = "Pebble-day sentence of someone else"
OTHER_SKILL_NAME = "Heron-pose skill of someone else"
OTHER_PRACTICE = "Marsh-walk practice of someone else"
OTHER_PRACTICE_WHY = "Lighthouse reason of someone else"
OTHER_SECRETS = (
    OTHER_PRACTICE,
    OTHER_PRACTICE_WHY,
    OTHER_ROW,
    OTHER_DAY_SENTENCE,
    OTHER_SKILL_NAME,
    OTHER_TALK,
    OTHER_LABEL,
    OTHER_ACTIVITY,
    OTHER_THOUGHT,
    OTHER_NOTE,
    OTHER_SITUATION,
    OTHER_HELPED,
    OTHER_HARD,
    OTHER_NEXT,
    OTHER_NAME,
)
WEEK_FIRST_DAY = D(2026, 11, 16)
ENTRY_DAY = D(2026, 11, 17)

PARAMETERISED = sorted(r.name for r in our_routes() if r.has_parameters)
WITHOUT_PARAMETERS = sorted(r.name for r in our_routes() if not r.has_parameters)


# --- another person's things -------------------------------------------------------


@dataclass
class World:
    owner: object
    other_user: object
    entry: Entry
    reflection: WeeklyReflection
    link: ShareLink
    token: str
    revoked_token: str
    expired_token: str
    published_slug: str
    draft_slug: str
    missing_pk: int
    other_session: object
    other_rest_day: object
    other_plan: object
    other_therapy_session: object = None
    other_past_session: object = None
    other_schedule: object = None
    other_talk_point: object = None
    other_card_row: object = None
    other_named_skill: object = None
    other_practice_item: object = None


def make_link(owner, now, token, **overrides):
    fields = {
        "owner": owner,
        "token_hash": hash_token(token),
        "weeks": 4,
        "include_notes": True,
        "display_name": OTHER_NAME,
        "first_day": D(2026, 10, 26),
        "last_day": D(2026, 11, 22),
        "created_at": now,
        "expires_at": now + datetime.timedelta(days=30),
    }
    fields.update(overrides)
    return ShareLink.objects.create(**fields)


@pytest.fixture
def world(fixed_clock, owner, other_user):
    Profile.objects.filter(user=other_user).update(display_name=OTHER_NAME)
    make_entry(owner, practiced_on=ENTRY_DAY, note="The owner's own note")
    entry = make_entry(
        other_user, practiced_on=ENTRY_DAY, note=OTHER_NOTE, situation=OTHER_SITUATION
    )
    reflection = WeeklyReflection.objects.create(
        owner=other_user,
        week_of=WEEK_FIRST_DAY,
        what_helped=OTHER_HELPED,
        what_was_hard=OTHER_HARD,
        for_next_session=OTHER_NEXT,
    )
    token, revoked_token, expired_token = (secrets.token_urlsafe(32) for _ in "abc")
    link = make_link(other_user, fixed_clock, token)
    make_link(other_user, fixed_clock, revoked_token, revoked_at=fixed_clock)
    make_link(
        other_user,
        fixed_clock,
        expired_token,
        expires_at=fixed_clock - datetime.timedelta(seconds=1),
    )
    Article.objects.create(
        slug="sweep-published", title="Published", summary="S.", body="Words."
    )
    Article.objects.create(
        slug="sweep-draft",
        title="Draft",
        summary="S.",
        body="Words.",
        is_published=False,
    )
    make_exercise_entry(
        other_user, practiced_on=ENTRY_DAY, answers={"thought": OTHER_THOUGHT}
    )
    missing_pk = (
        max(
            Entry.objects.order_by("-pk").first().pk,
            ShareLink.objects.order_by("-pk").first().pk,
        )
        + 1000
    )
    return World(
        owner=owner,
        other_user=other_user,
        entry=entry,
        reflection=reflection,
        link=link,
        token=token,
        revoked_token=revoked_token,
        expired_token=expired_token,
        published_slug="sweep-published",
        draft_slug="sweep-draft",
        missing_pk=missing_pk,
        other_session=make_signed_in_session(other_user),
        other_rest_day=RestDay.objects.create(owner=other_user, day=ENTRY_DAY),
        other_plan=make_plan(other_user, activity=OTHER_ACTIVITY),
        other_named_skill=make_named_skill(other_user, name=OTHER_SKILL_NAME),
        **other_sessions(other_user, fixed_clock, entry),
        other_card_row=other_card(other_user),
        other_practice_item=other_practice_plan(other_user, fixed_clock),
    )


def other_practice_plan(other_user, now):
    """Another person's plan for this week: a free-text item, ticked, and a
    missed day's reason."""
    plan = practice_services.create_plan(
        other_user,
        practice_goals.iso_week(now.date()),
        [{"text": OTHER_PRACTICE, "times": 3, "why": OTHER_PRACTICE_WHY}],
    )
    item = plan.items.get()
    practice_services.tick(item, now.date())
    practice_services.set_missed_reason(plan, plan.starts_on, "forgot")
    return item


def other_card(other_user):
    """Another person's diary-card row and their check-in of the entry's day."""
    (row,) = card_services.add_rows(other_user, [("urge", OTHER_ROW, True)])
    card_services.save_check_in(
        other_user,
        ENTRY_DAY,
        {str(row.uuid): {"value": 5, "acted": True}},
        2,
        OTHER_DAY_SENTENCE,
    )
    return row


def other_sessions(other_user, now, entry) -> dict:
    """Another person's schedule, a past and a coming session, a star, a talk point."""
    schedule = SessionSchedule.objects.create(
        owner=other_user,
        starts_on=D(2026, 11, 26),
        at=datetime.time(17),
        time_zone="UTC",
        label=OTHER_LABEL,
        made_until=D(2026, 11, 26),
    )
    coming = TherapySession.objects.create(
        owner=other_user,
        schedule=schedule,
        scheduled_on=D(2026, 11, 26),
        starts_at=now + datetime.timedelta(days=5),
        time_zone="UTC",
        label=OTHER_LABEL,
    )
    past = TherapySession.objects.create(
        owner=other_user,
        starts_at=now - datetime.timedelta(days=2),
        time_zone="UTC",
        label=OTHER_LABEL,
    )
    SessionStar.objects.create(entry=entry, session=coming)
    point = TalkPoint.objects.create(owner=other_user, session=coming, text=OTHER_TALK)
    return {
        "other_therapy_session": coming,
        "other_past_session": past,
        "other_schedule": schedule,
        "other_talk_point": point,
    }


def snapshot(user) -> dict:
    """Every row the user owns, field by field."""
    return {
        "user": list(get_user_model().objects.filter(pk=user.pk).values()),
        "profile": list(Profile.objects.filter(user=user).values()),
        "entries": list(Entry.objects.filter(owner=user).order_by("pk").values()),
        "reflections": list(
            WeeklyReflection.objects.filter(owner=user).order_by("pk").values()
        ),
        "links": list(ShareLink.objects.filter(owner=user).order_by("pk").values()),
        "sessions": list(
            SignedInSession.objects.filter(user=user).order_by("pk").values()
        ),
        "rest_days": list(RestDay.objects.filter(owner=user).order_by("pk").values()),
        "plans": list(ActivityPlan.objects.filter(owner=user).order_by("pk").values()),
        "therapy_sessions": list(
            TherapySession.objects.filter(owner=user).order_by("pk").values()
        ),
        "schedules": list(
            SessionSchedule.objects.filter(owner=user).order_by("pk").values()
        ),
        "stars": list(
            SessionStar.objects.filter(entry__owner=user).order_by("pk").values()
        ),
        "talk_points": list(
            TalkPoint.objects.filter(owner=user).order_by("pk").values()
        ),
        "card_rows": list(CardRow.objects.filter(owner=user).order_by("pk").values()),
        "check_ins": list(CheckIn.objects.filter(owner=user).order_by("pk").values()),
        "named_skills": list(
            NamedSkill.objects.filter(owner=user).order_by("pk").values()
        ),
        "practice_plans": list(
            PracticePlan.objects.filter(owner=user).order_by("pk").values()
        ),
        "practice_items": list(
            PracticeItem.objects.filter(plan__owner=user).order_by("pk").values()
        ),
        "practice_ticks": list(
            PracticeTick.objects.filter(item__plan__owner=user).order_by("pk").values()
        ),
        "practice_misses": list(
            PracticeMiss.objects.filter(plan__owner=user).order_by("pk").values()
        ),
        "link_views": list(
            ShareLinkView.objects.filter(link__owner=user).order_by("pk").values()
        ),
    }


# --- how to fill each parameterised route, and what a stranger gets ---------------

OBJECT = "another person's object: 404 like a missing one"
OWN_WEEK = "a date: the requester's own week only"
OWN_PAGE = "a skill: the requester's own exercise page (404 for no such skill)"
TOKEN = "a share token: 404 unless it is a live one"
PUBLIC = "public: 200 or 404, the same for everyone"
SIGNED = "a signed link: a page that asks on GET; a broken one changes nothing (400)"


@dataclass(frozen=True)
class Sweep:
    kind: str
    # world -> [(kwargs, status of a GET: by the owner, or by anyone if public)]
    variants: object
    post_data: object = lambda world: {}
    missing: object = None  # world -> kwargs of something that does not exist


def entry_post_data(world):
    return {
        "skill": "communication",
        "note": "Overwritten by the wrong person",
        "situation": "",
        "practiced_on": "2026-11-20",
    }


SWEEP = {
    "journal:entry-edit": Sweep(
        OBJECT,
        lambda w: [({"pk": w.entry.pk}, 404)],
        entry_post_data,
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:entry-delete": Sweep(
        OBJECT,
        lambda w: [({"pk": w.entry.pk}, 404)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "accounts:email-confirm": Sweep(
        SIGNED,
        lambda w: [
            ({"token": confirm_token(w.other_user)[:-2] + "xx"}, 200),
            ({"token": "not-a-signed-value"}, 200),
        ],
    ),
    "reminders:unsubscribe": Sweep(
        SIGNED,
        lambda w: [
            (
                {"token": unsubscribe_url(w.other_user).rsplit("/", 2)[1][:-2] + "xx"},
                400,
            ),
            ({"token": "not-a-signed-value"}, 400),
        ],
    ),
    "accounts:session-sign-out": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_session.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:skill-rename": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_named_skill.pk}, 405)],
        lambda w: {f"rename-{w.other_named_skill.pk}-name": "Overwritten"},
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:skill-hide": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_named_skill.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:skill-show": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_named_skill.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:skill-delete": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_named_skill.pk}, 404)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:practice-item-tick": Sweep(
        OBJECT,
        lambda w: [({"item": w.other_practice_item.uuid}, 405)],
        lambda w: {"next": "/journal/"},
        missing=lambda w: {"item": uuid.uuid4()},
    ),
    "journal:rest-day-delete": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_rest_day.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:exercise": Sweep(
        OWN_PAGE,
        lambda w: [
            *(({"skill": skill}, 200) for skill in Skill.values),
            ({"skill": "no-such-skill"}, 404),
        ],
    ),
    "journal:plan": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_plan.pk}, 404)],
        lambda w: {"actual": "7", "achievement": "7", "practiced_on": "2026-11-20"},
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:plan-not-this-time": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_plan.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:entry-star": Sweep(
        OBJECT,
        lambda w: [({"pk": w.entry.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:session": Sweep(
        OBJECT,
        lambda w: [
            ({"pk": w.other_therapy_session.pk}, 404),
            ({"pk": w.other_past_session.pk}, 404),
        ],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:session-move": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_therapy_session.pk}, 404)],
        lambda w: {"on": "2026-12-01", "at": "09:00"},
        missing=lambda w: {"pk": w.missing_pk},
    ),
    **{
        name: Sweep(
            OBJECT,
            lambda w: [({"pk": w.other_therapy_session.pk}, 405)],
            missing=lambda w: {"pk": w.missing_pk},
        )
        for name in (
            "journal:session-skip",
            "journal:session-restore",
            "journal:session-delete",
        )
    },
    "journal:schedule-stop": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_schedule.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:talk-point-change": Sweep(
        OBJECT,
        lambda w: [
            ({"pk": w.other_talk_point.pk, "action": action}, 405)
            for action in ("done", "up", "down", "delete")
        ],
        missing=lambda w: {"pk": w.missing_pk, "action": "done"},
    ),
    "journal:card-row-change": Sweep(
        OBJECT,
        lambda w: [
            ({"pk": w.other_card_row.pk, "action": action}, 405)
            for action in (
                "up",
                "down",
                "pause",
                "resume",
                "mark-risk",
                "unmark-risk",
                "hide",
                "show",
            )
        ],
        missing=lambda w: {"pk": w.missing_pk, "action": "pause"},
    ),
    "journal:card-row-rename": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_card_row.pk}, 405)],
        lambda w: {f"r{w.other_card_row.pk}-name": "Renamed by the wrong person"},
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:card-row-remove": Sweep(
        OBJECT,
        lambda w: [({"pk": w.other_card_row.pk}, 404)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:check-in-day": Sweep(
        OWN_WEEK,
        lambda w: [({"day": ENTRY_DAY}, 200)],
        lambda w: {
            f"row-{w.other_card_row.pk}": "0",
            "sentence": "The owner's own words",
        },
    ),
    # The owner has no check-in that day: theirs is a 404, the other's untouched.
    "journal:check-in-delete": Sweep(OWN_PAGE, lambda w: [({"day": ENTRY_DAY}, 404)]),
    "sharing:revoke": Sweep(
        OBJECT,
        lambda w: [({"pk": w.link.pk}, 405)],
        missing=lambda w: {"pk": w.missing_pk},
    ),
    "journal:week": Sweep(
        OWN_WEEK, lambda w: [({"day": WEEK_FIRST_DAY}, 200), ({"day": ENTRY_DAY}, 302)]
    ),
    "journal:week-reflection": Sweep(
        OWN_WEEK,
        lambda w: [({"day": WEEK_FIRST_DAY}, 405), ({"day": ENTRY_DAY}, 405)],
        lambda w: {
            "what_helped": "The owner's own words",
            "what_was_hard": "",
            "for_next_session": "",
        },
    ),
    "journal:week-pdf": Sweep(
        OWN_WEEK, lambda w: [({"day": WEEK_FIRST_DAY}, 200), ({"day": ENTRY_DAY}, 302)]
    ),
    "sharing:shared": Sweep(
        TOKEN,
        lambda w: [
            ({"token": secrets.token_urlsafe(32)}, 404),
            ({"token": w.revoked_token}, 404),
            ({"token": w.expired_token}, 404),
            # What a copy of the database holds is never a working link.
            ({"token": w.link.token_hash}, 404),
            ({"token": w.token[:-1] + ("A" if w.token[-1] != "A" else "B")}, 404),
        ],
        missing=lambda w: {"token": "not-a-real-token-at-all"},
    ),
    "guide:article": Sweep(
        PUBLIC,
        lambda w: [
            ({"slug": w.published_slug}, 200),
            ({"slug": w.draft_slug}, 404),
            ({"slug": "no-such-page"}, 404),
        ],
    ),
}


# --- reading responses ---------------------------------------------------------------


def body_text(response) -> str:
    """What the response shows: decoded HTML or text, or a PDF's extracted text."""
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(content))
        return "\n".join(page.extract_text() for page in reader.pages)
    return content.decode("utf-8", "replace")


CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def comparable(response) -> str:
    # The masked CSRF token differs on every render; nothing else may.
    return CSRF_VALUE.sub('name="csrfmiddlewaretoken" value=""', body_text(response))


def assert_shows_nothing_of_theirs(response, url):
    text = body_text(response)
    for secret in OTHER_SECRETS:
        assert secret not in text, f"{url} showed another person's data: {secret!r}"


def assert_login_redirect(response, url):
    assert response.status_code == 302, f"{url}: {response.status_code}"
    location = response["Location"]
    assert location.startswith("/accounts/login/?next="), f"{url}: {location}"
    assert unquote(location.split("next=", 1)[1]) == urlsplit(url).path


def visitor_client(world, visitor) -> Client:
    client = Client()
    if visitor == "owner":
        client.force_login(world.owner)
    return client


def send(client, method, url, data):
    if method == "GET":
        return client.get(url)
    return client.post(url, data)


# --- the sweep -----------------------------------------------------------------------


def test_the_sweep_finds_the_routes_it_knows():
    assert {
        "journal:entry-edit",
        "journal:week",
        "sharing:shared",
        "guide:article",
    } <= set(PARAMETERISED)


def test_every_parameterised_route_is_in_the_sweep():
    missing = [name for name in PARAMETERISED if name not in SWEEP]

    assert not missing, "; ".join(
        f"add route {name} to the ownership sweep" for name in missing
    )


def test_the_sweep_names_no_route_that_is_gone():
    assert set(SWEEP) <= set(PARAMETERISED)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("visitor", ["owner", "anonymous"])
@pytest.mark.parametrize("name", PARAMETERISED)
def test_another_persons_url_shows_nothing_of_theirs_and_changes_nothing(
    world, name, visitor, method
):
    if name not in SWEEP:
        pytest.fail(f"add route {name} to the ownership sweep")
    sweep = SWEEP[name]
    client = visitor_client(world, visitor)
    before = snapshot(world.other_user)
    missing_body = None
    if sweep.missing is not None:
        missing_url = reverse(name, kwargs=sweep.missing(world))
        missing_response = send(client, method, missing_url, sweep.post_data(world))
        missing_body = comparable(missing_response)

    for kwargs, get_status in sweep.variants(world):
        url = reverse(name, kwargs=kwargs)
        response = send(client, method, url, sweep.post_data(world))

        assert response.status_code < 500, f"{method} {url}"
        assert_shows_nothing_of_theirs(response, url)
        assert snapshot(world.other_user) == before, f"{method} {url} changed data"
        if sweep.kind == PUBLIC:
            expected = get_status if method == "GET" else 405
            assert response.status_code == expected, f"{method} {url}"
        elif sweep.kind == TOKEN:
            expected = 404 if method == "GET" else 405
            assert response.status_code == expected, f"{method} {url}"
            assert comparable(response) == missing_body, f"{url} differs from unknown"
        elif sweep.kind == SIGNED:
            expected = get_status if method == "GET" else 400
            assert response.status_code == expected, f"{method} {url}"
        elif visitor == "anonymous":
            assert_login_redirect(response, url)
        elif sweep.kind == OBJECT:
            assert response.status_code in (404, 405), f"{method} {url}"
            if response.status_code == 404:
                assert comparable(response) == missing_body, (
                    f"{url} differs from a missing id"
                )
            if method == "GET":
                assert response.status_code == get_status, f"{method} {url}"
        elif sweep.kind in (OWN_WEEK, OWN_PAGE):
            allowed = (
                (200, 302, 404, 405) if sweep.kind == OWN_PAGE else (200, 302, 405)
            )
            assert response.status_code in allowed, f"{method} {url}"
            if method == "GET":
                assert response.status_code == get_status, f"{method} {url}"
            if response.status_code == 302:
                assert urlsplit(response["Location"]).path.startswith("/journal/")
        else:
            pytest.fail(f"unknown kind {sweep.kind!r} for route {name}")


@pytest.mark.parametrize("visitor", ["owner", "anonymous"])
@pytest.mark.parametrize("name", WITHOUT_PARAMETERS)
def test_pages_without_parameters_never_show_another_persons_data(world, name, visitor):
    client = visitor_client(world, visitor)
    before = snapshot(world.other_user)
    url = reverse(name)

    response = client.get(url)

    assert response.status_code < 500
    assert_shows_nothing_of_theirs(response, url)
    assert snapshot(world.other_user) == before


# --- the one way in: holding the token ---------------------------------------------


def test_a_live_token_shows_the_summary_to_whoever_holds_it(world):
    response = Client().get(reverse("sharing:shared", kwargs={"token": world.token}))

    text = body_text(response)
    assert response.status_code == 200
    assert OTHER_NOTE in text and OTHER_HELPED in text and OTHER_NAME in text


@pytest.mark.parametrize("kind", ["unknown", "revoked", "expired", "hash"])
def test_a_dead_token_reads_exactly_like_an_unknown_one(world, kind):
    token = {
        "unknown": secrets.token_urlsafe(32),
        "revoked": world.revoked_token,
        "expired": world.expired_token,
        "hash": world.link.token_hash,
    }[kind]

    response = Client().get(reverse("sharing:shared", kwargs={"token": token}))
    unknown = Client().get("/share/not-a-real-token-at-all/")

    assert response.status_code == unknown.status_code == 404
    # Byte for byte, but for the per-response mask of the CSRF token (the footer form).
    assert comparable(response) == comparable(unknown)
    assert ShareLink.objects.get(pk=world.link.pk).view_count == 0
