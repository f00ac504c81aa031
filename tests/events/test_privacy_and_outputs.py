"""Members-only events stay inside; the API, the JSON-LD and the community page show public events."""

import json
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from communities.privacy import can_see_page
from events import registration as service
from events.views import feed_token
from tests import factories as f
from tests.events.helpers import event, sign_in, teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle():
    community = f.community("Quiet circle", visibility="members")
    member = teacher("Member")
    f.join(member, community)
    return community, member, event(community, "Secret lantern evening", online_url="https://meet.example.org/s")


def test_a_members_only_communitys_event_is_seen_by_its_members_only(client, circle):
    community, member, secret = circle
    outsider = teacher("Outsider")
    assert not can_see_page(AnonymousUser(), secret)
    assert not can_see_page(outsider.user, secret)
    assert can_see_page(member.user, secret)
    for path in ("", "calendar.ics", "register/", "registrants.csv"):
        assert client.get(secret.url + path).status_code == 404
    sign_in(client, outsider)
    for path in ("", "calendar.ics", "registrants.csv"):
        assert client.get(secret.url + path).status_code == 404
    assert client.post(secret.url + "register/").status_code == 404
    assert secret.registrations().count() == 0
    assert client.get(reverse("events:community_calendar", args=[community.pk])).status_code == 404
    sign_in(client, member)
    assert client.get(secret.url).status_code == 200
    assert b"Secret lantern evening" in client.get(secret.url + "calendar.ics").content


def test_a_member_who_leaves_loses_the_event_from_the_personal_feed(client, circle):
    community, member, secret = circle
    service.register(member, secret)
    url = reverse("events:personal_calendar", args=[feed_token(member)])
    assert b"Secret lantern evening" in client.get(url).content
    community.memberships().filter(person=member).delete()
    from communities.privacy import sync_member_groups

    sync_member_groups(member)
    assert b"Secret lantern evening" not in client.get(url).content


def test_the_api_lists_public_events_with_places_and_never_the_online_link(client, circle):
    public = event(
        f.community("Open group"), "Open lantern evening", capacity=3, online_url="https://meet.example.org/o"
    )
    service.register(teacher("Ana"), public)
    response = client.get("/api/v2/pages/?type=events.EventPage&fields=*")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Open lantern evening"]
    item = items[0]
    assert item["kind"] == "workshop" and item["time_zone"] == "Europe/Lisbon"
    assert item["capacity"] == 3 and item["places_left"] == 2 and item["is_online"] is True
    assert item["start"] and item["end"]
    assert "meet.example.org" not in response.text


def test_a_public_event_has_education_event_json_ld_and_a_members_only_one_none(client, circle):
    _community, member, secret = circle
    public = event(f.community("Open group"), "Open evening", address="Rua A 1", country="PT")
    html = client.get(public.url).text
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@type"] == "EducationEvent"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressCountry"] == "PT"
    sign_in(client, member)
    assert "application/ld+json" not in client.get(secret.url).text


def test_community_and_project_pages_list_upcoming_and_past_events(client):
    community = f.community("Braga teachers")
    project = f.project(community, "River project")
    event(community, "Next meeting", days=5)
    event(community, "Last meeting", days=-5)
    event(project, "Project kick-off", days=3)
    html = client.get(community.url).text
    assert html.index("Project kick-off") < html.index("Next meeting") < html.index("Last meeting")
    assert reverse("events:community_calendar", args=[community.pk]) in html
    project_html = client.get(project.url).text
    assert "Project kick-off" in project_html and "Next meeting" not in project_html


def test_the_sitemap_has_public_events_only(client, circle):
    public = event(f.community("Open group"), "Open evening")
    text = client.get("/sitemap.xml").content.decode()
    assert public.slug in text and "secret-lantern-evening" not in text
