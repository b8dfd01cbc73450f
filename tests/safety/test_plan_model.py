"""The plan is stored encrypted, one per person, and goes with the account."""

import pytest
from django.db import IntegrityError, connection

from accounts.erasure import erase_account
from safety.models import SafetyPlan
from safety.services import save_plan
from safety.steps import STEPS, phone_link_number
from tests.safety.plans import PLAN_VALUES, SECRETS, make_safety_plan


@pytest.mark.parametrize(
    ("written", "dialled"),
    [
        ("+34 600 123 456", "+34600123456"),
        ("(555) 010-2030", "5550102030"),
        ("116 123", "116123"),
        ("", ""),
    ],
)
def test_a_phone_link_dials_the_digits_and_a_leading_plus(written, dialled):
    assert phone_link_number(written) == dialled


def test_every_step_explains_itself_and_offers_examples():
    for step in STEPS:
        assert str(step.explanation).endswith(".")
        assert len(step.examples) >= 3


def test_the_safer_surroundings_examples_say_what_the_person_will_do():
    step = next(step for step in STEPS if step.key == "safer_surroundings")

    starts = {str(example).split()[0] for example in step.examples}

    # Each example is something the person does (an action), never an object.
    assert starts <= {"Ask", "Go", "Stay"}


@pytest.mark.django_db
def test_the_raw_plan_row_holds_no_plain_text(owner):
    plan = make_safety_plan(owner)
    columns = [step.key for step in STEPS]

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM safety_safetyplan WHERE id = %s",  # noqa: S608
            [plan.pk],
        )
        row = cursor.fetchone()

    raw = " ".join(row)
    assert all(value.startswith("gAAAA") for value in row)
    for secret in SECRETS:
        assert secret not in raw


@pytest.mark.django_db
def test_a_saved_plan_reads_back_in_the_persons_words(owner):
    make_safety_plan(owner)

    plan = SafetyPlan.objects.get(owner=owner)

    assert plan.warning_signs == PLAN_VALUES["warning_signs"]
    assert plan.items_of("contacts")[0].link_number == "+34600123456"
    assert "Ana" not in str(plan)


@pytest.mark.django_db
def test_saving_again_changes_the_one_plan(owner):
    make_safety_plan(owner)

    make_safety_plan(owner, reasons_for_living=["The sea"])

    assert SafetyPlan.objects.get(owner=owner).reasons_for_living == ["The sea"]


@pytest.mark.django_db
def test_a_plan_left_empty_is_removed(owner):
    make_safety_plan(owner)

    assert save_plan(owner, {step.key: [] for step in STEPS}) is None

    assert not SafetyPlan.objects.filter(owner=owner).exists()


@pytest.mark.django_db
def test_a_person_has_at_most_one_plan(owner):
    make_safety_plan(owner)

    with pytest.raises(IntegrityError):
        SafetyPlan.objects.create(owner=owner, warning_signs=["x"])


@pytest.mark.django_db
def test_erasing_the_account_erases_the_plan(owner):
    make_safety_plan(owner)

    erase_account(owner)

    assert SafetyPlan.objects.count() == 0
