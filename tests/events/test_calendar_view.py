"""The calendar view: month and list, for the whole site and per community, with filters; hostile input is a 400."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests import factories as f
from tests.events.helpers import event

pytestmark = pytest.mark.django_db

MARCH_12 = datetime(2030, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def world():
    science = f.community("Science circle", country="SE")
    maths = f.community("Maths circle", country="PT")
    circle = f.community("Quiet circle", visibility="members")
    return {
        "science": science,
        "maths": maths,
        "circle": circle,
        "workshop": event(science, "Light workshop", start=MARCH_12, kind="workshop", country="SE"),
        "webinar": event(
            maths, "Fractions webinar", days=5, kind="webinar", online_url="https://meet.example.org/f", country="PT"
        ),
        "secret": event(circle, "Quiet gathering", days=6, kind="community_meeting"),
        "past": event(science, "Old meeting", days=-30, kind="community_meeting", country="SE"),
    }


def test_the_month_grid_shows_an_event_on_its_day_with_neighbouring_months(client, world):
    response = client.get("/en/events/?view=month&year=2030&month=3")
    assert response.status_code == 200
    text = response.content.decode()
    assert "March 2030" in text and "Light workshop" in text
    grid = text.split('class="month-grid"')[1].split("</table>")[0]
    day = grid.split("Light workshop")[0].rsplit('<span class="day-number">', 1)[1]
    assert day.startswith('<span class="day-name">Tuesday, </span>12<')
    assert "year=2030&amp;month=2" in text and "year=2030&amp;month=4" in text
    # Another month does not show it.
    assert (
        "Light workshop"
        not in client.get("/en/events/?view=month&year=2030&month=4")
        .content.decode()
        .split('class="month-grid"')[1]
        .split("</table>")[0]
    )


def test_the_list_shows_upcoming_events_soonest_first_and_past_ones_on_request(client, world):
    text = client.get("/en/events/?view=list").content.decode()
    listed = text.split('class="calendar-list"')[1]
    assert listed.index("Fractions webinar") < listed.index("Light workshop")
    assert "Old meeting" not in listed
    assert "Old meeting" in client.get("/en/events/?view=list&past=on").content.decode()


def test_without_a_chosen_view_the_page_carries_both_and_lets_the_screen_choose(client, world):
    text = client.get("/en/events/").content.decode()
    assert "calendar--auto" in text and 'class="month-grid"' in text and 'class="calendar-list"' in text
    css = f.__file__.rsplit("/tests/", 1)[0] + "/events/static/events/events.css"
    rules = open(css, encoding="utf-8").read()
    assert "@media (max-width: 39.99rem) {\n  .calendar--auto .calendar-month { display: none; }" in rules


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("kind=webinar", "Fractions webinar", "Light workshop"),
        ("country=SE", "Light workshop", "Fractions webinar"),
        ("online=yes", "Fractions webinar", "Light workshop"),
        ("online=no", "Light workshop", "Fractions webinar"),
    ],
)
def test_filters_narrow_the_list(client, world, query, shown, hidden):
    text = client.get(f"/en/events/?view=list&{query}").content.decode().split('class="calendar-list"')[1]
    assert shown in text and hidden not in text


def test_the_country_filter_offers_the_countries_of_the_events(client, world):
    text = client.get("/en/events/").content.decode()
    assert '<option value="SE">Sweden</option>' in text and '<option value="PT">Portugal</option>' in text
    assert '<option value="DE">' not in text


@pytest.mark.parametrize(
    "query",
    [
        "month=13&year=2030",
        "month=0&year=2030",
        "year=99999999999999999999&month=1",
        "year=1&month=1",
        "month=3",
        "month=%00&year=2030",
        "kind=%3Cscript%3E",
        "country=ZZ",
        "country=SE%00",
        "online=maybe",
        "view=" + "x" * 10_000,
    ],
)
def test_hostile_calendar_parameters_are_a_400(client, world, query):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_a_members_only_event_is_in_no_outsiders_calendar(client, world):
    for url in ("/en/events/?view=list", "/en/events/?view=month&year=2030&month=3", "/en/events/calendar.ics"):
        assert "Quiet gathering" not in client.get(url).content.decode(), url
    member = f.person("Member Maria")
    f.join(member, world["circle"])
    client.force_login(member.user)
    assert "Quiet gathering" in client.get("/en/events/?view=list").content.decode()
    # A calendar application fetches without a session: the site feed is the public one for everyone.
    assert "Quiet gathering" not in client.get("/en/events/calendar.ics").content.decode()


def test_a_community_calendar_lives_under_its_address(client, world):
    response = client.get(world["science"].url + "events/?view=list")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Events of Science circle" in text and "Light workshop" in text and "Fractions webinar" not in text
    assert world["science"].url + "events/" in client.get(world["science"].url).content.decode()


def test_a_members_only_communitys_calendar_answers_as_missing_to_outsiders(client, world):
    assert client.get(world["circle"].url + "events/").status_code == 404
    member = f.person("Member Maria")
    f.join(member, world["circle"])
    client.force_login(member.user)
    response = client.get(world["circle"].url + "events/?view=list")
    assert response.status_code == 200 and "Quiet gathering" in response.content.decode()


def test_events_under_a_page_that_is_no_community_stay_wagtails(client, world):
    assert client.get(world["workshop"].url + "events/").status_code == 404
    assert client.get("/en/no-such-page/events/").status_code == 404


def test_the_site_feed_holds_the_upcoming_public_events_in_utc(client, world):
    response = client.get("/en/events/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = {str(c["summary"]): c for c in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}
    assert "Old meeting" not in events
    assert events["Light workshop"].decoded("dtstart") == MARCH_12.astimezone(UTC)


def test_the_calendar_speaks_the_readers_language(client, world):
    text = client.get("/pt/events/?view=month&year=2030&month=3").content.decode()
    assert "Março de 2030" in text or "março de 2030" in text.lower()
    assert "Mês seguinte" in text


def test_translations_of_an_event_are_listed_once(client, world):
    f.translate(world["workshop"], "sv", title="Ljusworkshop")
    text = client.get("/sv/events/?view=list").content.decode().split('class="calendar-list"')[1]
    assert "Ljusworkshop" in text and "Light workshop" not in text
