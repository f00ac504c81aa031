"""Following people, communities and projects: the buttons, the POST, privacy and hostile input."""

import pytest

from notifications.models import Follow
from notifications.services import followers_of, is_following
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    me = f.person("Rita Reader")
    client.force_login(me.user)
    return me


def follow(client, lang="en", **data):
    data.setdefault("action", "follow")
    return client.post(f"/{lang}/notifications/follow/", data)


def test_a_teacher_follows_and_unfollows_a_person_from_the_profile(client, reader):
    colleague = f.person("Carla Colleague")
    profile = client.get(colleague.get_absolute_url()).content.decode()
    assert 'action="/en/notifications/follow/"' in profile and ">Follow<" in profile

    response = follow(client, person=colleague.pk, next=colleague.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == colleague.get_absolute_url()
    assert is_following(reader, colleague)
    assert "Unfollow" in client.get(colleague.get_absolute_url()).content.decode()
    # Following twice is still one follow.
    follow(client, person=colleague.pk)
    assert Follow.objects.filter(follower=reader).count() == 1

    follow(client, person=colleague.pk, action="unfollow")
    assert not is_following(reader, colleague)


def test_following_a_community_counts_for_all_its_translations(client, reader):
    community = f.community("Baltic Science Teachers")
    swedish = f.translate(community, "sv", title="Östersjöns naturvetare")
    page = client.get(swedish.url).content.decode()
    assert 'action="/sv/notifications/follow/"' in page

    follow(client, "sv", page=swedish.pk)
    assert is_following(reader, community)
    assert list(followers_of(community)) == [reader]
    assert "Unfollow" in client.get(community.url).content.decode()


def test_a_project_can_be_followed(client, reader):
    project = f.project(f.community(), "River Watch")
    assert ">Follow<" in client.get(project.url).content.decode()
    follow(client, page=project.pk)
    assert is_following(reader, project)


def test_signed_out_visitors_see_no_button_and_cannot_follow(client):
    colleague = f.person("Carla Colleague")
    assert "notifications/follow/" not in client.get(colleague.get_absolute_url()).content.decode()
    response = follow(client, person=colleague.pk)
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert not Follow.objects.exists()


def test_nobody_follows_what_they_may_not_see(client, reader):
    private = f.person("Pia Private", discoverability="nobody")
    circle = f.community("Quiet Circle", visibility="members")
    for data in ({"person": private.pk}, {"page": circle.pk}, {"person": reader.pk}):
        assert follow(client, **data).status_code == 404, data
    # A page that is neither a community nor a project is not followable either.
    assert follow(client, page=f.resource("A worksheet").pk).status_code == 404
    assert not Follow.objects.exists()


def test_a_member_may_follow_their_members_only_community(client, reader):
    circle = f.community("Quiet Circle", visibility="members")
    f.join(reader, circle)
    assert ">Follow<" in client.get(circle.url).content.decode()
    assert follow(client, page=circle.pk).status_code == 302
    assert is_following(reader, circle)


def test_hostile_follow_requests_are_refused_with_4xx(client, reader):
    colleague = f.person("Carla Colleague")
    for data in (
        {"person": "9" * 20},
        {"page": "9" * 20},
        {"person": "1\x00"},
        {"person": "'; DROP TABLE"},
        {"page": "x" * 10_000},
        {"person": colleague.pk, "page": f.community().pk},
        {},
        {"person": colleague.pk, "action": "explode"},
        {"person": colleague.pk, "next": "x" * 10_000},
    ):
        response = follow(client, **data) if "action" not in data else client.post("/en/notifications/follow/", data)
        assert 400 <= response.status_code < 500, (data, response.status_code)
    assert client.get("/en/notifications/follow/").status_code == 405
    # An address elsewhere is not where "next" leads.
    response = follow(client, person=colleague.pk, next="https://evil.example/")
    assert response["Location"] == colleague.get_absolute_url()
