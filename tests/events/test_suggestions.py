"""Upcoming events beside a material, a curriculum unit and a profile, with the kind, place and date as reason."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from events.suggestions import related_events, when_and_where
from tests import factories as f
from tests.events.helpers import event

pytestmark = pytest.mark.django_db

# 23:30 in Lisbon on 11 March is already 12 March in Stockholm: the place's date is the one to read.
PORTO_EVENING = datetime(2030, 3, 11, 23, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
GOTHENBURG_MORNING = datetime(2030, 3, 12, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def link(page, materials=(), units=()):
    page.materials.set(materials)
    page.curriculum_units.set(units)
    page.save()
    return page


@pytest.fixture
def world():
    maths = f.community("Porto maths", country="PT")
    circle = f.community("Quiet circle", visibility="members")
    material = f.resource("Dice and chance", subjects=["mathematics"], levels=[2], community=maths)
    other = f.resource("Spinners", subjects=["mathematics"], levels=[2])
    biology = f.resource("Leaves", subjects=["biology"], levels=[2])
    workshop = link(
        event(
            maths,
            "Probability workshop",
            start=GOTHENBURG_MORNING,
            kind="workshop",
            address="Hvitfeldtska gymnasiet, Rektorsgatan 2, Göteborg",
            country="SE",
            time_zone="Europe/Stockholm",
        ),
        [material],
    )
    subject_only = link(event(maths, "Maths evening", days=40, kind="community_meeting", country="PT"), [other])
    garden = f.community("Garden teachers")
    unrelated = link(event(garden, "Garden day", days=3, kind="training"), [biology])
    past = link(event(maths, "Old probability meeting", days=-5), [material])
    secret = link(event(circle, "Secret probability circle", days=2), [material])
    return locals()


def titles(suggestions):
    return [s.event.title for s in suggestions]


def test_an_event_using_the_material_comes_first_then_one_on_its_subject(world):
    found = related_events(world["material"])
    assert titles(found) == ["Probability workshop", "Maths evening"]
    assert "Garden day" not in titles(found) and "Old probability meeting" not in titles(found)
    with translation.override("en"):
        assert found[0].reason == "Uses this material"
        assert found[1].reason == "On the same subject: Mathematics"


def test_the_reason_names_kind_place_and_date_in_the_readers_language(world):
    with translation.override("en"):
        assert when_and_where(world["workshop"]) == "Workshop in Göteborg on March 12, 2030"
    with translation.override("pt"):
        assert when_and_where(world["workshop"]) == "Workshop em Göteborg a 12 de Março de 2030"
    with translation.override("sv"):
        assert when_and_where(world["workshop"]) == "Workshop i Göteborg den 12 mars 2030"


def test_an_event_in_a_place_is_dated_by_the_place(world):
    late = event(world["maths"], "Late talk", start=PORTO_EVENING, address="Rua das Flores, Porto", country="PT")
    with translation.override("en"):
        assert when_and_where(late).endswith("in Porto on March 11, 2030")


def test_an_online_event_is_dated_in_the_readers_time_zone(world):
    online = event(
        world["maths"],
        "Chance webinar",
        start=PORTO_EVENING,
        kind="webinar",
        address="",
        online_url="https://meet.example.org/c",
    )
    with translation.override("de"):
        assert when_and_where(online) == "Webinar online am 12. März 2030 um 00:30 (Europe/Stockholm)"


def test_members_only_events_are_suggested_to_members_only(world):
    assert "Secret probability circle" not in titles(related_events(world["material"], limit=10))
    outsider = f.person("Olga Outsider")
    assert "Secret probability circle" not in titles(related_events(world["material"], viewer=outsider.user, limit=10))
    member = f.person("Maria Member")
    f.join(member, world["circle"])
    assert "Secret probability circle" in titles(related_events(world["material"], viewer=member.user, limit=10))


def test_the_materials_sidebar_shows_the_workshop_in_portuguese(client, world):
    pt = f.translate(world["material"], "pt", title="Dados e acaso")
    text = client.get(pt.url).content.decode()
    sidebar = text.split('class="sidebar sidebar-events')[1].split("</section>")[0]
    assert "Próximos eventos" in sidebar and "Probability workshop" in sidebar
    assert "Workshop em Göteborg a 12 de Março de 2030" in sidebar and "Usa este material" in sidebar
    assert "Secret probability circle" not in text


def test_a_curriculum_unit_suggests_the_event_that_works_on_it(client, world):
    unit = f.unit(1, "Listening in a community")
    link(world["subject_only"], [world["other"]], [unit])
    text = client.get(unit.url).content.decode()
    sidebar = text.split('class="sidebar sidebar-events')[1].split("</section>")[0]
    assert "Maths evening" in sidebar and "Works on this unit" in sidebar
    # And a material of that unit suggests it too.
    from resources.models import CurriculumUnitResource

    reading = f.resource("Reading in a community", subjects=["biology"])
    CurriculumUnitResource.objects.create(unit=unit, resource=reading, sort_order=0)
    found = related_events(reading)
    assert titles(found)[0] == "Maths evening"
    with translation.override("en"):
        assert found[0].reason == "Works on a curriculum unit that uses this material"


def test_a_profile_suggests_events_on_the_persons_subjects_but_not_those_they_registered_for(world):
    from events.registration import register

    teacher = f.person("Ana Maths")
    teacher.subjects.set([f.subject("mathematics")])
    # Both teach the person's subject: the sooner first.
    assert titles(related_events(teacher)) == ["Maths evening", "Probability workshop"]
    register(teacher, world["workshop"])
    assert titles(related_events(teacher)) == ["Maths evening"]


def test_translations_of_an_event_are_suggested_once_in_the_readers_language(world):
    sv = f.translate(world["workshop"], "sv", title="Sannolikhetsworkshop")
    with translation.override("sv"):
        found = related_events(world["material"])
    assert [s.event.pk for s in found].count(sv.pk) == 1
    assert "Probability workshop" not in titles(found)


def test_suggesting_events_takes_as_many_queries_for_many_events_as_for_one(world, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.content_cache import bump

    related_events(world["material"], limit=10)  # caches of the first call (the active locale)
    bump()  # the links are cached per content version: measure the computation itself
    with CaptureQueriesContext(connection) as few:
        related_events(world["material"], limit=10)
    with django_assert_num_queries(0):  # and a warm call reads only the cache
        related_events(world["material"], limit=10)
    for n in range(6):
        link(event(world["maths"], f"More maths {n}", days=20 + n), [world["material"]])
    bump()
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(related_events(world["material"], limit=10)) == 8
