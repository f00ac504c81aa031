"""load_demo builds the full demo site once, idempotently and only on demo-only databases; generate_corpus scales."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from communities.models import CommunityPage, Membership, Person, ProjectPage
from demo.loader import summary_counts
from home.models import StandardPage
from resources.models import CurriculumUnitPage, ResourcePage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the module inside a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield summary_counts()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_required_counts(demo, db):
    demo_resources = ResourcePage.objects.live().filter(external_id__startswith="demo:")
    assert demo_resources.count() >= 200
    for code in ("en", "sv", "de", "pt"):
        written_here = demo_resources.filter(locale__language_code=code).exclude(contributors__role="translator")
        assert written_here.count() >= 40, code
    regional = CommunityPage.objects.filter(locale__language_code="en", scope="regional")
    assert regional.count() >= 12
    european = CommunityPage.objects.get(locale__language_code="en", scope="european")
    assert european.memberships().active().values("person").distinct().count() >= 48
    assert Membership.objects.active().facilitators().values("person").distinct().count() == 24
    assert Person.objects.values("country").distinct().count() >= 4
    assert CommunityPage.objects.filter(visibility="members").exists()
    assert CurriculumUnitPage.objects.filter(locale__language_code="en").count() >= 6
    assert StandardPage.objects.filter(locale__language_code="en", slug="european-cooperation").exists()
    # The demo's projects follow their dates (automatic status): ended ones read "completed" today.
    assert set(ProjectPage.objects.values_list("status", flat=True)) == {"automatic"}
    water = ProjectPage.objects.filter(slug__startswith="water-detectives", locale__language_code="en").get()
    assert water.current_status == "completed" and not water.is_looking_for_partners
    # Translation groups start in every language, not only in English.
    for code in ("sv", "de", "pt"):
        originals = demo_resources.filter(locale__language_code=code, contributors__role="author").exclude(
            contributors__role="translator"
        )
        assert any(r.get_translations(inclusive=False).exists() for r in originals), code
    assert demo_resources.filter(based_on__isnull=False).exists()
    assert demo_resources.filter(licence="urn:kollega:all-rights-reserved").count() == 1
    # Events in every language, one full with a waiting list, one inside the members-only circle.
    from communities.privacy import can_see_page
    from events.models import EventPage

    events = EventPage.objects.live()
    assert {e.locale.language_code for e in events} == {"en", "sv", "de", "pt"}
    assert events.filter(locale__language_code="en").count() >= 4
    assert any(e.is_full and e.registrations().filter(status="waiting").exists() for e in events)
    assert any(not can_see_page(None, e) for e in events)


def test_second_run_changes_nothing(demo, db):
    call_command("load_demo", verbosity=0)
    assert summary_counts() == demo


@pytest.mark.parametrize("prefix", ["en", "sv", "de", "pt"])
def test_home_pages_answer(demo, client, prefix):
    assert client.get(f"/{prefix}/").status_code == 200


def test_refuses_foreign_content_unless_forced(demo, db):
    Person.objects.create(display_name="A Real Teacher", slug="a-real-teacher")
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", verbosity=0)
    call_command("load_demo", "--force", verbosity=0)


def test_generate_corpus_creates_exactly_n_that_render(demo, client):
    before = ResourcePage.objects.filter(external_id__startswith="synthetic:").count()
    call_command("generate_corpus", resources=300, batch=70, people=12, verbosity=0)
    synthetic = ResourcePage.objects.filter(external_id__startswith="synthetic:")
    assert synthetic.count() == before + 300
    for page in synthetic.order_by("pk")[::97]:
        assert client.get(page.url).status_code == 200, page.url


def test_generate_corpus_leaves_the_planner_knowing_the_events_are_few(demo):
    """Without statistics SQLite read every page to list a community's few events (issue 15)."""
    from django.db import connection

    from events.models import EventPage

    call_command("generate_corpus", resources=50, batch=50, people=0, verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN ('wagtailcore_page', 'events_eventpage')")
            rows = {table: int(stat.split()[0]) for table, stat in cursor.fetchall()}
        else:
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN ('wagtailcore_page', 'events_eventpage')"
            )
            rows = {table: int(count) for table, count in cursor.fetchall()}
    assert rows["wagtailcore_page"] >= ResourcePage.objects.count()
    assert rows["events_eventpage"] == EventPage.objects.count() > 0


def test_the_demo_has_events_of_every_kind_and_the_cohort_of_24_facilitators(demo, client):
    """After the second and the forced run too: the demo's events and cohort are made once."""
    import icalendar
    from django.utils import timezone

    from communities.privacy import can_see_page
    from events.choices import EventKind
    from events.models import EventPage
    from learning.models import Certificate, Cohort, Enrolment

    events = list(EventPage.objects.live().filter(locale__language_code="en"))
    assert len(events) >= 20
    assert {e.kind for e in events} == set(EventKind.values)
    assert {"SE", "DE", "PT", "IE"} <= {e.country.code for e in events}
    now = timezone.now()
    assert sum(e.start > now for e in events) >= 12 and sum(e.end < now for e in events) >= 4
    assert sum(e.is_full and e.registrations().filter(status="waiting").exists() for e in events) >= 2
    hidden = [e for e in events if not can_see_page(None, e)]
    assert len(hidden) >= 2
    for e in events:
        assert set(e.get_translations().values_list("locale__language_code", flat=True)) == {"sv", "de", "pt"}
    assert any(e.materials.exists() for e in events)

    response = client.get("/api/v2/pages/?type=events.EventPage&locale=en&limit=100&fields=*")
    listed = {item["id"]: item for item in response.json()["items"]}
    assert set(listed) == {e.pk for e in events if e not in hidden}
    for item in listed.values():
        assert {"start", "end", "time_zone", "kind", "address", "is_online", "capacity", "places_left"} <= set(item)
    upcoming = next(e for e in events if e.start > now and e not in hidden and e.address)
    (component,) = icalendar.Calendar.from_ical(client.get(upcoming.url + "calendar.ics").content).walk("VEVENT")
    assert component.decoded("dtstart") == upcoming.start

    (cohort,) = Cohort.objects.all()
    enrolments = Enrolment.objects.filter(cohort=cohort)
    assert enrolments.count() == 24
    assert {e.person.country.code for e in enrolments} >= {"SE", "DE", "PT", "IE"}
    completed = enrolments.filter(completed_at__isnull=False)
    assert 5 <= completed.count() < 24
    assert Certificate.objects.filter(enrolment__in=completed).count() == completed.count()
    assert enrolments.filter(completed_at__isnull=True, progress__isnull=False).distinct().count() >= 10
    workshop = cohort.workshop_event
    assert workshop.kind == "workshop" and cohort.is_workshop
    assert cohort.workshop_starts_on == workshop.start.astimezone(workshop.zone).date()
    assert client.get("/en/events/?view=list").status_code == 200


def test_demo_teachers_see_the_admin_in_their_language(demo, db):
    """Each demo account's Wagtail admin (and Wagtail's e-mails) speaks the first site language its person speaks."""
    from wagtail.users.models import UserProfile

    from accounts.services import ADMIN_LANGUAGES

    people = Person.objects.filter(user__isnull=False).select_related("user")
    checked = 0
    for person in people:
        code = person.preferred_language
        if code:
            assert UserProfile.get_for_user(person.user).preferred_language == ADMIN_LANGUAGES.get(code, code), person
            checked += 1
    assert checked >= 5
    teacher = Person.objects.get(user__username="teacher")
    assert UserProfile.get_for_user(teacher.user).preferred_language.startswith(teacher.preferred_language)
