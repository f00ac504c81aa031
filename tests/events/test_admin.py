"""Editors add events under communities and projects; the dates must make sense."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from tests import factories as f
from tests.events.helpers import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-kollega-1")
    client.force_login(user)
    return client


def test_an_event_can_be_added_under_a_community_and_a_project(admin_client):
    community = f.community()
    project = f.project(community)
    for parent in (community, project):
        response = admin_client.get(f"/admin/pages/add/events/eventpage/{parent.pk}/")
        assert response.status_code == 200


def test_an_event_under_the_community_index_is_refused(admin_client):
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{f.community_index().pk}/")
    assert response.status_code in (302, 403)


def test_an_event_cannot_end_before_it_starts_or_use_an_unknown_time_zone():
    page = event(f.community())
    page.end = page.start - timedelta(hours=1)
    with pytest.raises(ValidationError):
        page.full_clean()
    page.end = page.start + timedelta(hours=1)
    page.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_times_are_shown_in_the_events_zone_with_its_offset(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    page = event(f.community(), start=datetime(2030, 1, 15, 18, 30, tzinfo=ZoneInfo("UTC")), time_zone="Europe/Berlin")
    html = client.get(page.url).text
    assert "UTC+01:00" in html and "Jan. 15, 2030, 7:30 p.m." in html  # 19:30 in Berlin
