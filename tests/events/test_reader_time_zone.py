"""An event's time in the reader's own time zone, when their browser told it; hostile cookies are ignored."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests import factories as f

from .helpers import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    start = datetime.datetime(2031, 3, 12, 14, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Lisbon"))
    return event(f.community("Porto teachers"), "Porto workshop", start=start, time_zone="Europe/Lisbon")


def test_a_reader_in_new_york_sees_the_lisbon_workshop_at_her_own_time_beside_the_local_one(client, workshop):
    client.cookies["kollega_tz"] = "America/New_York"
    html = client.get(workshop.url).content.decode()
    assert "Your time" in html
    # 14:00 in Lisbon (WET) on 12 March 2031 is 10:00 in New York (EDT from 9 March).
    assert "March 12, 2031, 10 a.m." in html and "(America/New_York)" in html
    assert "March 12, 2031, 2 p.m." in html  # the event's own time stays


def test_swedish_reader_gets_swedish_formats_and_no_cookie_means_only_the_events_own_time(client, workshop):
    client.cookies["kollega_tz"] = "Europe/Stockholm"
    html = client.get(workshop.url.replace("/en/", "/sv/", 1)).content.decode()
    assert "Din tid" in html and "15:00" in html
    client.cookies.clear()
    assert "Your time" not in client.get(workshop.url).content.decode()


@pytest.mark.parametrize("value", ["Mars/Olympus", "../../etc/passwd", "x" * 10_000, "Europe/Lisbon\x00", "'\"<>"])
def test_a_hostile_time_zone_cookie_is_ignored(client, workshop, value):
    client.cookies["kollega_tz"] = value
    response = client.get(workshop.url)
    assert response.status_code == 200 and "Your time" not in response.content.decode()
    assert timezone.get_current_timezone_name() == timezone.get_default_timezone_name()
