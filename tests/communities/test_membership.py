"""Joining and leaving communities: requests, the facilitators' answers, e-mails and what each person may then open."""

import pytest
from django.core import mail

from communities.models import Membership
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_only():
    community = f.community("Closed circle", visibility="members")
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    return community, facilitator


@pytest.fixture
def public():
    community = f.community("Open circle")
    facilitator = f.person("Fred Facilitator")
    f.join(facilitator, community, role="facilitator")
    return community, facilitator


def test_the_community_page_invites_a_signed_in_visitor_to_ask_to_join(client, public):
    community, _ = public
    teacher = f.person()
    client.force_login(teacher.user)
    html = client.get(community.url).content.decode()
    assert "Ask to join this community" in html


def test_the_community_page_asks_anonymous_visitors_to_sign_in(client, public):
    community, _ = public
    html = client.get(community.url).content.decode()
    assert "Sign in to join this community" in html and "/en/account/sign-in/" in html


def test_asking_to_join_notifies_the_facilitators_and_shows_the_pending_state(client, public):
    community, facilitator = public
    teacher = f.person("Tina Teacher")
    client.force_login(teacher.user)
    response = client.post(f"/en/take-part/community/{community.pk}/join/", follow=True)
    assert "Your request has been sent to the facilitators" in response.content.decode()
    assert Membership.objects.get(person=teacher).status == "requested"
    assert [m.to for m in mail.outbox] == [[facilitator.user.email]]
    assert "Tina Teacher" in mail.outbox[0].subject
    assert f"/en/take-part/community/{community.pk}/requests/" in mail.outbox[0].body
    html = client.get(community.url).content.decode()
    assert "waiting for the facilitators" in html and "Ask to join" not in html


def test_joining_needs_a_post_and_a_signed_in_person(client, public):
    community, _ = public
    assert client.post(f"/en/take-part/community/{community.pk}/join/").status_code == 302
    assert not Membership.objects.filter(status="requested").exists()
    teacher = f.person()
    client.force_login(teacher.user)
    assert client.get(f"/en/take-part/community/{community.pk}/join/").status_code == 405


def test_facilitator_sees_requests_and_accepts_one(client, public):
    community, facilitator = public
    teacher = f.person("Tina Teacher")
    f.join(teacher, community, status="requested")
    client.force_login(facilitator.user)
    assert "1 request to join" in client.get(community.url).content.decode()
    page = client.get(f"/en/take-part/community/{community.pk}/requests/")
    assert "Tina Teacher" in page.content.decode()
    membership = Membership.objects.get(person=teacher)
    response = client.post(
        f"/en/take-part/community/{community.pk}/requests/",
        {"membership": membership.pk, "action": "accept"},
        follow=True,
    )
    assert "Tina Teacher is now a member" in response.content.decode()
    assert Membership.objects.get(person=teacher).status == "active"
    assert mail.outbox[-1].to == [teacher.user.email] and "Welcome" in mail.outbox[-1].subject


def test_facilitator_declines_a_request_and_the_teacher_may_ask_again(client, public):
    community, facilitator = public
    teacher = f.person("Tina Teacher")
    membership = f.join(teacher, community, status="requested")
    client.force_login(facilitator.user)
    client.post(f"/en/take-part/community/{community.pk}/requests/", {"membership": membership.pk, "action": "decline"})
    assert not Membership.objects.filter(person=teacher).exists()
    assert mail.outbox[-1].to == [teacher.user.email]
    client.force_login(teacher.user)
    assert "Ask to join this community" in client.get(community.url).content.decode()


def test_only_facilitators_see_the_requests(client, public):
    community, _ = public
    member = f.person()
    f.join(member, community)
    client.force_login(member.user)
    assert client.get(f"/en/take-part/community/{community.pk}/requests/").status_code == 403
    assert "request to join" not in client.get(community.url).content.decode()


def test_accepting_opens_the_members_only_page_and_leaving_closes_it(client, members_only):
    community, facilitator = members_only
    teacher = f.person("Tina Teacher")
    # Members-only communities are hidden; a facilitator's invitation or an
    # earlier request brings people in. Here: a request made earlier.
    membership = f.join(teacher, community, status="requested")
    client.force_login(teacher.user)
    assert client.get(community.url).status_code == 404  # not a member: as if it did not exist

    client.force_login(facilitator.user)
    client.post(f"/en/take-part/community/{community.pk}/requests/", {"membership": membership.pk, "action": "accept"})

    client.force_login(teacher.user)
    response = client.get(community.url)
    assert response.status_code == 200 and "You are a member of this community." in response.content.decode()

    response = client.post(f"/en/take-part/community/{community.pk}/leave/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert Membership.objects.get(person=teacher).status == "left"
    assert client.get(community.url).status_code == 404


def test_a_non_member_cannot_open_a_members_only_community_or_ask_to_join_it(client, members_only):
    community, _ = members_only
    stranger = f.person()
    client.force_login(stranger.user)
    response = client.get(community.url)
    assert response.status_code == 404  # the page does not confirm the community exists
    # Nor does the join step.
    assert client.post(f"/en/take-part/community/{community.pk}/join/").status_code == 404
    assert not Membership.objects.filter(person=stranger).exists()


def test_the_last_facilitator_cannot_leave(client, public):
    community, facilitator = public
    client.force_login(facilitator.user)
    response = client.post(f"/en/take-part/community/{community.pk}/leave/", follow=True)
    assert "only facilitator" in response.content.decode()
    assert Membership.objects.get(person=facilitator).status == "active"
