"""A password reset turns off every share link; the person is told."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sharing.models import ShareLink
from tests.factories import make_share_link, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "fresh-harbour-lights-42"


def reset_password(user):
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    form_url = client.get(f"/accounts/reset/{uid}/{token}/")["Location"]
    return client.post(
        form_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )


def test_a_reset_turns_off_every_share_link(db):
    river = make_user("river")
    link, url = make_share_link(river, timezone.now())

    reset_password(river)

    assert ShareLink.objects.get(pk=link.pk).revoked_at is not None
    assert Client().get(url).status_code == 404


def test_the_reset_page_says_the_links_are_off(db):
    river = make_user("river")
    make_share_link(river, timezone.now())

    response = reset_password(river)

    assert "links you had shared with a therapist are turned off" in (
        response.content.decode()
    )


def test_another_persons_links_keep_working(db):
    river, sky = make_user("river"), make_user("sky")
    _, skys_url = make_share_link(sky, timezone.now())

    reset_password(river)

    assert Client().get(skys_url).status_code == 200


def change_password(client, *, end_shared_access):
    data = {
        "old_password": "a-long-test-password",
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
    }
    if end_shared_access:
        data["end_shared_access"] = "on"
    return client.post("/accounts/password_change/", data)


def test_the_password_change_form_offers_to_turn_links_off_ticked(owner_client):
    form = owner_client.get("/accounts/password_change/").context["form"]

    assert form.fields["end_shared_access"].initial is True


def test_changing_the_password_with_the_box_ticked_turns_links_off(owner_client, owner):
    link, url = make_share_link(owner, timezone.now())

    change_password(owner_client, end_shared_access=True)

    assert ShareLink.objects.get(pk=link.pk).revoked_at is not None
    assert Client().get(url).status_code == 404


def test_changing_the_password_with_the_box_unticked_keeps_links(owner_client, owner):
    link, url = make_share_link(owner, timezone.now())

    change_password(owner_client, end_shared_access=False)

    assert ShareLink.objects.get(pk=link.pk).revoked_at is None
    assert Client().get(url).status_code == 200
