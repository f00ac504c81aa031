"""The events in the open API and the calendar files: what machines read of an event."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events import registration as service
from tests import factories as f
from tests.events.helpers import event, teacher

pytestmark = pytest.mark.django_db

LISBON_TEN = datetime(2030, 5, 20, 10, 0, tzinfo=ZoneInfo("Europe/Lisbon"))  # summer time: 09:00 UTC


def test_the_api_lists_events_with_when_where_and_places_left(client):
    community = f.community("Porto maths", country="PT")
    workshop = event(
        community,
        "Probability workshop",
        start=LISBON_TEN,
        time_zone="Europe/Lisbon",
        address="Rua das Flores 1, Porto",
        country="PT",
        capacity=2,
    )
    webinar = event(community, "Chance webinar", kind="webinar", online_url="https://meet.example.org/secret-room")
    service.register(teacher("Ana"), workshop)
    response = client.get("/api/v2/pages/?type=events.EventPage&fields=*&order=title")
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    got = items["Probability workshop"]
    assert got["start"].startswith("2030-05-20T") and datetime.fromisoformat(got["start"]) == LISBON_TEN
    assert datetime.fromisoformat(got["end"]) > datetime.fromisoformat(got["start"])
    assert got["time_zone"] == "Europe/Lisbon" and got["kind"] == "workshop"
    assert got["address"] == "Rua das Flores 1, Porto" and got["country_code"] == "PT" and got["is_online"] is False
    assert got["capacity"] == 2 and got["places_left"] == 1
    online = items["Chance webinar"]
    assert online["is_online"] is True and online["places_left"] is None
    assert "secret-room" not in response.content.decode()
    assert webinar.pk in {item["id"] for item in response.json()["items"]}


def test_an_events_ics_parses_and_starts_at_the_right_instant_in_utc(client):
    page = event(f.community(), "Probability workshop", start=LISBON_TEN, time_zone="Europe/Lisbon")
    response = client.get(page.url + "calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    (component,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert component.decoded("dtstart") == datetime(2030, 5, 20, 9, 0, tzinfo=UTC)
    assert "DTSTART:20300520T090000Z" in component.to_ical().decode()
