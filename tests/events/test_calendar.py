"""iCalendar: an event's calendar.ics, a community's feed and the personal feed at a secret address."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from events import registration as service
from events.views import feed_token
from tests import factories as f
from tests.events.helpers import event, teacher

pytestmark = pytest.mark.django_db

LISBON_NOON = datetime(2030, 3, 12, 12, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
STOCKHOLM_NINE = datetime(2030, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))  # summer time: 07:00 UTC


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_an_events_calendar_has_its_start_in_utc(client):
    page = event(f.community(), "Water workshop", start=STOCKHOLM_NINE, time_zone="Europe/Stockholm")
    (component,) = events_of(client.get(page.url + "calendar.ics"))
    start = component.decoded("dtstart")
    assert start == datetime(2030, 7, 1, 7, 0, tzinfo=UTC) and start.utcoffset().total_seconds() == 0
    assert component.to_ical().decode().count("DTSTART:20300701T070000Z") == 1
    assert str(component["summary"]) == "Water workshop"


def test_the_online_link_stays_out_of_the_public_calendar(client):
    page = event(f.community(), online_url="https://meet.example.org/secret-room")
    assert b"secret-room" not in client.get(page.url + "calendar.ics").content


def test_a_community_feed_lists_its_events_and_those_of_its_projects(client):
    community = f.community("Porto teachers")
    project = f.project(community)
    event(community, "Meeting one", start=LISBON_NOON)
    event(project, "Project meeting")
    event(f.community("Elsewhere"), "Other meeting")
    found = events_of(client.get(reverse("events:community_calendar", args=[community.pk])))
    assert sorted(str(c["summary"]) for c in found) == ["Meeting one", "Project meeting"]
    assert {c.decoded("dtstart") for c in found} >= {datetime(2030, 3, 12, 12, 0, tzinfo=UTC)}


def test_the_personal_feed_holds_ones_registrations_with_the_online_link(client):
    community = f.community()
    mine = event(community, "Mine", online_url="https://meet.example.org/mine")
    event(community, "Not mine")
    ana = teacher("Ana")
    service.register(ana, mine)
    found = events_of(client.get(reverse("events:personal_calendar", args=[feed_token(ana)])))
    assert [str(c["summary"]) for c in found] == ["Mine"]
    assert "https://meet.example.org/mine" in str(found[0]["description"])


def test_a_forged_or_altered_feed_token_is_404(client):
    ana = teacher("Ana")
    token = feed_token(ana)
    forged = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.get(reverse("events:personal_calendar", args=[forged])).status_code == 404
    assert client.get("/en/events/mine/1/calendar.ics").status_code == 404


def test_an_unknown_or_hostile_community_id_is_404(client):
    assert client.get("/en/events/community/999999/calendar.ics").status_code == 404
    assert client.get("/en/events/community/99999999999999999999999/calendar.ics").status_code == 404
