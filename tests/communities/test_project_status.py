"""A project's status follows its dates; "looking for partners" ends with the project (issue 14, defect 3).

Today is fixed at 1 December 2026 (django.utils.timezone.now is replaced), so
nothing depends on the day the tests run.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from communities.choices import ProjectStatus
from communities.models import ProjectPage, project_status
from recommender.services import related_people
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)
D = datetime.date


@pytest.fixture(autouse=True)
def first_of_december(monkeypatch):
    noon = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: noon)


@pytest.fixture
def community():
    return f.community("Teachers across borders")


def badges(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [b.get_text(strip=True) for b in soup.select(".project .badges .badge")], soup


@pytest.mark.parametrize(
    "stored, start, end, expected",
    [
        ("automatic", D(2025, 9, 1), D(2026, 6, 30), "completed"),  # ended in June
        ("automatic", D(2027, 1, 15), D(2027, 6, 30), "planned"),  # starts in January
        ("automatic", D(2025, 9, 1), D(2026, 12, 1), "ongoing"),  # its last day
        ("automatic", D(2026, 12, 1), None, "ongoing"),  # its first day
        ("automatic", None, None, "ongoing"),
        ("automatic", None, D(2026, 11, 30), "completed"),
        ("ongoing", D(2025, 9, 1), D(2026, 6, 30), "ongoing"),  # an editor extended it
        ("completed", D(2025, 9, 1), D(2027, 6, 30), "completed"),  # ended early
        ("planned", D(2025, 9, 1), None, "planned"),
    ],
)
def test_status_from_the_dates_unless_an_editor_chose_one(stored, start, end, expected):
    assert project_status(stored, start, end, TODAY) == expected


def test_a_project_that_ended_in_june_shows_completed_and_no_longer_asks_for_partners(client, community):
    ended = f.project(
        community, "Water detectives", looking_for_partners=True, start_date=D(2025, 9, 1), end_date=D(2026, 6, 30)
    )
    shown, soup = badges(client, ended)
    assert shown == ["Completed"]
    assert soup.find(id="suggested-partners-title") is None
    community_html = client.get(community.url).content.decode()
    assert "Completed" in community_html and "Looking for partners" not in community_html


def test_a_project_starting_in_january_shows_planned_and_may_ask_for_partners(client, community):
    planned = f.project(
        community,
        "Scratch across borders",
        looking_for_partners=True,
        start_date=D(2027, 1, 15),
        end_date=D(2027, 6, 30),
    )
    shown, soup = badges(client, planned)
    assert shown == ["Planned", "Looking for partners"]
    assert soup.find(id="suggested-partners-title") is not None


def test_an_ongoing_project_keeps_asking_until_its_last_day(client, community):
    running = f.project(
        community, "Energy savers", looking_for_partners=True, start_date=D(2025, 1, 15), end_date=D(2026, 12, 1)
    )
    assert badges(client, running)[0] == ["Ongoing", "Looking for partners"]


def test_the_editors_explicit_status_wins_over_the_dates(client, community):
    extended = f.project(
        community,
        "Extended",
        status=ProjectStatus.ONGOING,
        looking_for_partners=True,
        start_date=D(2025, 9, 1),
        end_date=D(2026, 6, 30),
    )
    stopped = f.project(
        community,
        "Stopped early",
        status=ProjectStatus.COMPLETED,
        looking_for_partners=True,
        start_date=D(2025, 9, 1),
        end_date=D(2027, 6, 30),
    )
    assert badges(client, extended)[0] == ["Ongoing", "Looking for partners"]
    assert badges(client, stopped)[0] == ["Completed"]


def test_a_new_project_follows_its_dates(client, community):
    assert ProjectPage._meta.get_field("status").default == ProjectStatus.AUTOMATIC
    person = f.person("Ana Teacher")
    f.join(person, community)
    client.force_login(person.user)
    response = client.post(
        f"/en/take-part/community/{community.pk}/projects/new/",
        {
            "title": "Rivers next year",
            "theme": "Climate and water",
            "start_date": "2027-01-10",
            "end_date": "2027-05-30",
        },
    )
    assert response.status_code == 302, response.content[:500]
    assert badges(client, ProjectPage.objects.get(title="Rivers next year"))[0] == ["Planned"]


def test_the_labels_are_translated(client, community):
    ended = f.project(community, "Water detectives", start_date=D(2025, 9, 1), end_date=D(2026, 6, 30))
    planned = f.project(community, "Next year", start_date=D(2027, 1, 15))
    expected = {"sv": ("Avslutat", "Planerat"), "de": ("Abgeschlossen", "Geplant"), "pt": ("Concluído", "Planeado")}
    for code, (completed, planned_label) in expected.items():
        with translation.override(code):
            assert ProjectPage.objects.get(pk=ended.pk).current_status_label == completed
            assert ProjectPage.objects.get(pk=planned.pk).current_status_label == planned_label
        sv = f.translate(ended, code, title=f"Water detectives ({code})")
        assert badges(client, sv)[0] == [completed]


def test_the_queryset_and_the_page_agree_on_every_day(community):
    projects = [
        f.project(community, status=stored, looking_for_partners=True, start_date=start, end_date=end)
        for stored in ("automatic", "ongoing", "completed", "planned")
        for start, end in [
            (None, None),
            (D(2025, 9, 1), D(2026, 6, 30)),
            (D(2027, 1, 15), None),
            (None, D(2026, 12, 1)),
        ]
    ]
    for day in (D(2026, 6, 30), D(2026, 7, 1), D(2026, 12, 1), D(2026, 12, 2), D(2027, 2, 1)):
        looking = set(ProjectPage.objects.looking_for_partners(day).values_list("pk", flat=True))
        completed = set(ProjectPage.objects.completed_on(day).values_list("pk", flat=True))
        for project in projects:
            assert (project.pk in looking) == project.looking_for_partners_on(day), (project.status, day)
            assert (project.pk in completed) == (project.status_on(day) == "completed"), (project.status, day)
    # Without a day, both mean today.
    today = {p.pk for p in ProjectPage.objects.looking_for_partners()}
    assert today == {p.pk for p in ProjectPage.objects.all() if p.is_looking_for_partners}


def test_the_api_answers_what_the_page_shows(client, community):
    ended = f.project(
        community, "Water detectives", looking_for_partners=True, start_date=D(2025, 9, 1), end_date=D(2026, 6, 30)
    )
    data = client.get(f"/api/v2/pages/{ended.pk}/").json()
    assert data["status"] == "completed" and data["looking_for_partners"] is False


def test_the_recommender_stops_favouring_open_people_when_the_project_has_ended(community):
    rita = f.person("Rita Sousa", country="PT", open_to_collaboration=True)
    f.resource(
        "Photosynthesis quiz",
        summary="Pupils measure how light changes plant growth and photosynthesis.",
        subjects=["biology"],
        levels=[2],
        authors=[rita],
    )
    summary = "Pupils measure how plants use light, water and carbon dioxide to grow in the school garden."
    running = f.project(
        community,
        "Photosynthesis across borders",
        theme="Plants, light and photosynthesis",
        summary=summary,
        looking_for_partners=True,
        start_date=D(2026, 9, 1),
        end_date=D(2027, 6, 30),
    )
    ended = f.project(
        community,
        "Photosynthesis last year",
        theme="Plants, light and photosynthesis",
        summary=summary,
        looking_for_partners=True,
        start_date=D(2025, 9, 1),
        end_date=D(2026, 6, 30),
    )
    index_all()
    assert "Open to collaboration" in [str(r) for s in related_people(running) for r in s.reasons]
    assert "Open to collaboration" not in [str(r) for s in related_people(ended) for r in s.reasons]


def test_the_migration_reads_the_old_default_as_automatic_and_keeps_completed(client, community):
    """Before, every project was stored "ongoing" (the default); "completed" was someone's decision."""
    import importlib

    from django.apps import apps
    from wagtail_localize.models import TranslationSource

    migration = importlib.import_module("communities.migrations.0004_project_status_from_dates")
    stale = f.project(
        community, "Water detectives", looking_for_partners=True, start_date=D(2025, 9, 1), end_date=D(2026, 6, 30)
    )
    done = f.project(
        community, "Voices of Europe", status="completed", start_date=D(2023, 9, 1), end_date=D(2027, 6, 15)
    )
    ProjectPage.objects.filter(pk=stale.pk).update(status="ongoing")  # as the old code stored it
    revision = stale.latest_revision
    revision.content["status"] = "ongoing"
    revision.save()
    source, _created = TranslationSource.get_or_create_from_instance(ProjectPage.objects.get(pk=stale.pk))
    assert '"status": "ongoing"' in source.content_json

    migration.ongoing_to_automatic(apps, None)

    assert ProjectPage.objects.get(pk=stale.pk).status == "automatic"
    assert ProjectPage.objects.get(pk=done.pk).status == "completed"
    assert ProjectPage.objects.get(pk=stale.pk).get_latest_revision().content["status"] == "automatic"
    source.refresh_from_db()
    assert '"status": "automatic"' in source.content_json
    assert badges(client, stale)[0] == ["Completed"]
