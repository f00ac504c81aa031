"""Registrants, CSV and attendance are for organisers and the community's facilitators only."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from events import registration as service
from events.choices import RegistrationStatus
from tests import factories as f
from tests.events.helpers import event, sign_in, teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    community = f.community("Gothenburg teachers")
    facilitator = teacher("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    organiser = teacher("Olle Organiser")
    page = event(community, "Lantern workshop")
    page.organisers.set([organiser])
    page.save()
    f.publish(page)
    ana = teacher('=HYPERLINK("http://evil")')
    service.register(ana, page)
    return {"page": page, "facilitator": facilitator, "organiser": organiser, "ana": ana}


@pytest.mark.parametrize("who", ["organiser", "facilitator"])
def test_organisers_and_facilitators_download_the_registrants(client, setting, who):
    response = sign_in(client, setting[who]).get(setting["page"].url + "registrants.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Name"
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'  # never a formula in a spreadsheet
    assert rows[1][3] == "Registered"


def test_a_registrant_or_a_stranger_may_not(client, setting):
    page = setting["page"]
    assert client.get(page.url + "registrants.csv").status_code == 302  # to sign in
    sign_in(client, setting["ana"])
    assert client.get(page.url + "registrants.csv").status_code == 403
    assert client.get(page.url + "registrants/").status_code == 403
    assert client.post(page.url + "registrants/", {"attended": ["1"]}).status_code == 403


def test_organisers_mark_attendance_after_the_start(client, setting):
    page, ana = setting["page"], setting["ana"]
    registration = page.registration_of(ana)
    sign_in(client, setting["organiser"])
    client.post(page.url + "registrants/", {"attended": [str(registration.pk)]})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED  # not yet started
    page.start = timezone.now() - timedelta(hours=1)
    page.save()
    client.post(page.url + "registrants/", {"attended": [str(registration.pk), "x", "99999999999999999999"]})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    assert "Lantern workshop" in client.get(page.url + "registrants/").text


def test_organisers_see_the_online_link_without_registering(client, setting):
    page = setting["page"]
    page.online_url = "https://meet.example.org/organisers"
    f.publish(page)
    assert "meet.example.org/organisers" not in sign_in(client, teacher("Stranger")).get(page.url).text
    assert "meet.example.org/organisers" in sign_in(client, setting["organiser"]).get(page.url).text
