"""Sign-up with e-mail confirmation, invitations, sign-in throttling and password reset, as a teacher meets them."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from communities.models import Invitation, Membership
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def sign_up(client, email="anna@example.org", password="a-long-Pass-phrase-42"):
    return client.post(
        "/en/account/sign-up/",
        {
            "display_name": "Anna Svensson",
            "email": email,
            "password1": password,
            "password2": password,
        },
    )


def test_sign_up_sends_a_confirmation_link_and_the_account_waits_for_it(client):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active
    assert user.person.display_name == "Anna Svensson"
    assert user.person.discoverability == "nobody"  # private until the teacher chooses otherwise
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.org"]
    # Not confirmed yet: signing in does not work.
    response = client.post(
        "/en/account/sign-in/", {"username": "anna@example.org", "password": "a-long-Pass-phrase-42"}
    )
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_following_the_confirmation_link_activates_and_signs_in(client):
    sign_up(client)
    link = link_in(mail.outbox[0])
    assert "/en/account/confirm/" in link
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == "/en/account/profile/"
    assert User.objects.get(email="anna@example.org").is_active
    assert client.get("/en/account/profile/").status_code == 200


def test_a_forged_confirmation_link_is_refused(client):
    sign_up(client)
    link = link_in(mail.outbox[0])
    response = client.get(link[:-3] + "xyz/")
    assert response.status_code == 400
    assert not User.objects.get(email="anna@example.org").is_active


def test_a_confirmed_address_cannot_sign_up_twice(client):
    sign_up(client)
    client.get(link_in(mail.outbox[0]))
    client.logout()
    response = sign_up(client)
    # The same answer as a new sign-up (tests/accounts/test_sign_up_enumeration.py), no second account.
    assert "Check your e-mail" in response.content.decode()
    assert User.objects.filter(email="anna@example.org").count() == 1


def test_an_unconfirmed_sign_up_does_not_block_signing_up_again(client):
    sign_up(client)
    response = sign_up(client, password="another-long-Pass-99")
    assert "Check your e-mail" in response.content.decode()
    assert User.objects.filter(email="anna@example.org").count() == 1
    # Only the newest link works.
    assert client.get(link_in(mail.outbox[0])).status_code == 400
    assert client.get(link_in(mail.outbox[1])).status_code == 302


def test_a_weak_password_is_refused_and_the_form_keeps_the_name(client):
    response = sign_up(client, password="12345678")
    html = response.content.decode()
    assert not User.objects.filter(email="anna@example.org").exists()
    assert 'value="Anna Svensson"' in html


def test_facilitator_invites_an_address_and_the_invitee_becomes_an_active_member(client):
    community = factories.community(visibility="members")
    facilitator = factories.person("Fay Facilitator")
    factories.join(facilitator, community, role="facilitator")
    client.force_login(facilitator.user)
    response = client.post(f"/en/take-part/community/{community.pk}/invite/", {"email": "Newbie@Example.org"})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "newbie@example.org"
    link = link_in(mail.outbox[-1])
    assert invitation.token in link

    client.logout()
    newcomer = client
    response = newcomer.post(
        link,
        {"display_name": "Nina Newbie", "password1": "a-long-Pass-phrase-42", "password2": "a-long-Pass-phrase-42"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="newbie@example.org")
    assert user.is_active  # the invitation link proves the address
    membership = Membership.objects.get(person=user.person)
    assert membership.status == "active" and membership.community == community
    # The members-only community page now opens for them.
    assert newcomer.get(community.url).status_code == 200


def test_an_invitation_link_works_once(client):
    community = factories.community()
    invitation = Invitation.objects.create(email="x@example.org", community=community)
    data = {"display_name": "X", "password1": "a-long-Pass-phrase-42", "password2": "a-long-Pass-phrase-42"}
    assert client.post(f"/en/account/invitation/{invitation.token}/", data).status_code == 302
    client.logout()
    assert client.get(f"/en/account/invitation/{invitation.token}/").status_code == 410


def test_only_facilitators_may_invite(client):
    community = factories.community()
    member = factories.person()
    factories.join(member, community)
    client.force_login(member.user)
    response = client.post(f"/en/take-part/community/{community.pk}/invite/", {"email": "a@example.org"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_signing_in_with_the_email_address(client):
    sign_up(client)
    client.get(link_in(mail.outbox[0]))
    client.logout()
    response = client.post(
        "/en/account/sign-in/", {"username": "Anna@Example.org", "password": "a-long-Pass-phrase-42"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_sign_in_is_locked_for_15_minutes_after_five_failures(client):
    teacher = factories.person()
    username = teacher.user.username
    for _ in range(4):
        response = client.post("/en/account/sign-in/", {"username": username, "password": "wrong"})
        assert "Too many failed attempts" not in response.content.decode()
    response = client.post("/en/account/sign-in/", {"username": username, "password": "wrong"})
    assert "Too many failed attempts" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post("/en/account/sign-in/", {"username": username, "password": "pw-kollega-1"})
    assert response.status_code == 200 and "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_address_so_another_computer_can_still_sign_in(client):
    teacher = factories.person()
    for _ in range(5):
        client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
    from django.test import Client

    response = Client(REMOTE_ADDR="10.0.0.9").post(
        "/en/account/sign-in/", {"username": teacher.user.username, "password": "pw-kollega-1"}
    )
    assert response.status_code == 302


def test_the_lock_lifts_after_15_minutes(client, monkeypatch):
    from accounts import throttling

    teacher = factories.person()
    for _ in range(5):
        client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "wrong"})
    assert throttling.LOCK_SECONDS == 15 * 60
    # The cache entry carries the expiry; forgetting it stands in for the clock.
    cache.clear()
    response = client.post("/en/account/sign-in/", {"username": teacher.user.username, "password": "pw-kollega-1"})
    assert response.status_code == 302


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    teacher = factories.person()
    response = client.post("/en/account/password/reset/", {"email": teacher.user.email})
    assert response.status_code == 302 and response["Location"] == "/en/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [teacher.user.email] and "new password" in message.subject
    link = link_in(message)
    assert "/en/account/password/reset/" in link
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Another-long-secret-7", "new_password2": "Another-long-secret-7"}
    )
    assert response.status_code == 302
    teacher.user.refresh_from_db()
    assert teacher.user.check_password("Another-long-secret-7")


def test_members_only_pages_offer_visitors_the_sign_in_page_of_their_language(client):
    # As a missing page would (404), so that outsiders cannot tell the page exists.
    community = factories.community(visibility="members")
    response = client.get(community.url)
    assert response.status_code == 404
    assert f'href="/en/account/sign-in/?next={community.url}"' in response.content.decode()


def test_signing_out(client):
    teacher = factories.person()
    client.force_login(teacher.user)
    response = client.post("/en/account/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
