"""What works for me: the typical drop in distress per named skill, honestly."""

import pytest

from journal.skills.works import MINIMUM_RATED, Rated, what_works
from tests.factories import make_entry, make_named_skill

DT = "distress-tolerance"


def rows(technique, *pairs, family=DT):
    return [Rated(family, technique, before, after) for before, after in pairs]


def test_a_named_skill_is_ranked_by_its_median_drop():
    works = what_works(
        rows("tipp", (8, 4), (7, 4), (9, 2), (6, 5), (8, 5))
        + rows("stop", (8, 7), (7, 6), (9, 8), (6, 5), (8, 7), (5, 4))
    )

    assert [(d.key, d.typical, d.count) for d in works.ranked] == [
        ("tipp", 3, 5),
        ("stop", 1, 6),
    ]


def test_fewer_than_five_ratings_are_listed_never_ranked():
    works = what_works(rows("tipp", *[(9, 0)] * (MINIMUM_RATED - 1)))

    assert works.ranked == ()
    assert [(d.key, d.count) for d in works.not_enough] == [("tipp", 4)]


def test_one_very_good_day_cannot_pull_the_typical_drop_far():
    works = what_works(rows("tipp", (5, 4), (5, 4), (5, 4), (5, 4), (10, 0)))

    assert works.ranked[0].typical == 1


def test_families_count_every_rated_practice_named_or_not():
    works = what_works(rows("", *[(6, 3)] * 5, family="communication"))

    assert [(d.key, d.typical) for d in works.families] == [("communication", 3)]
    assert works.ranked == () and works.not_enough == ()


def test_a_rise_is_said_as_a_rise():
    works = what_works(rows("stop", *[(3, 5)] * 5))

    assert works.ranked[0].is_higher and works.ranked[0].points == 2


@pytest.mark.django_db
def test_progress_says_it_in_words_with_counts_and_a_table(owner_client, owner):
    mine = make_named_skill(owner, name="Cold can")
    for _ in range(5):
        make_entry(
            owner, skill=DT, named_skill=mine, distress_before=8, distress_after=5
        )
    for _ in range(14):
        make_entry(
            owner,
            skill=DT,
            technique="paced-breathing",
            distress_before=7,
            distress_after=4,
        )
    make_entry(owner, skill=DT, technique="tipp", distress_before=9, distress_after=2)

    html = owner_client.get("/journal/progress/").content.decode()

    assert "Paced breathing: usually 3 points lower, from 14 practices" in html
    assert "Cold can: usually 3 points lower, from 5 practices" in html
    assert "TIPP: 1 rated practice so far, not enough ratings yet" in html
    assert "not a measure of what works for everyone" in html
    assert '<th scope="row">Paced breathing</th>' in html
    summary = owner_client.get("/journal/sessions/next/").content.decode()
    assert "Paced breathing: usually 3 points lower, from 14 practices" in summary


@pytest.mark.django_db
def test_another_persons_named_skills_never_show_on_my_progress(
    owner_client, owner, other_user
):
    theirs = make_named_skill(other_user, name="Their secret")
    for _ in range(6):
        make_entry(
            other_user,
            skill=DT,
            named_skill=theirs,
            distress_before=8,
            distress_after=2,
        )

    html = owner_client.get("/journal/progress/").content.decode()

    assert "Their secret" not in html
    assert "Nothing to show yet" in html


@pytest.mark.django_db
def test_progress_costs_the_same_queries_however_long_the_history(
    owner_client, owner, django_assert_max_num_queries
):
    def visit_count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            owner_client.get("/journal/progress/")
        return len(captured)

    make_entry(owner, skill=DT, technique="tipp", distress_before=8, distress_after=5)
    owner_client.get("/journal/progress/")
    short = visit_count()
    for number in range(40):
        skill = make_named_skill(owner, name=f"Skill {number}")
        make_entry(
            owner, skill=DT, named_skill=skill, distress_before=8, distress_after=5
        )
    owner_client.get("/journal/progress/")

    assert visit_count() == short


@pytest.mark.django_db
def test_a_kept_visit_reads_no_rated_practice_and_the_cache_holds_no_name(
    owner_client, owner
):
    import pickle

    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    own = make_named_skill(owner, name="Quillfeather breathing")
    for _ in range(5):
        make_entry(
            owner, skill=DT, named_skill=own, distress_before=8, distress_after=4
        )
    owner_client.get("/journal/progress/")

    with CaptureQueriesContext(connection) as captured:
        html = owner_client.get("/journal/progress/").content.decode()

    assert "Quillfeather breathing" in html
    assert not any("distress_before" in q["sql"] for q in captured.captured_queries)
    # The tests' local-memory cache keeps every value pickled, under its full key.
    stored = caches["default"]._cache.values()
    kept = " ".join(str(pickle.loads(value)) for value in stored)  # noqa: S301 - our own cache
    assert str(own.uuid) in kept, "the figures should be kept, by key"
    assert "Quillfeather" not in kept


@pytest.mark.parametrize(
    ("language", "typical", "count", "sentence"),
    [
        ("es", 2.5, 6, "Box: normalmente 2.5 puntos menos, según 6 prácticas"),
        ("en", 2.5, 6, "Box: usually 2.5 points lower, from 6 practices"),
        ("en", -1, 5, "Box: usually 1 point higher, from 5 practices"),
        ("en", 0, 7, "Box: usually about the same, from 7 practices"),
        ("en", 3, 2, "Box: 2 rated practices so far, not enough ratings yet"),
        ("es", 0, 7, "Box: normalmente más o menos igual, según 7 prácticas"),
        ("en", 3, 1, "Box: 1 rated practice so far, not enough ratings yet"),
    ],
)
def test_the_words_remembered_for_a_figure_follow_the_language_asked_for(
    language, typical, count, sentence
):
    from django.utils import translation

    from journal.skills.reports import NamedDrop
    from journal.skills.works import Drop

    drop = NamedDrop("Box", Drop("box", count, typical), 50)

    with translation.override(language):
        said, said_in = drop.sentence, drop.sentence_in(language)

    assert said == said_in == sentence
