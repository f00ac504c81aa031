"""The Networking report: funnels for passive and active contacts, shares, who may read it, CSV, hostile filters."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from messaging import services as messaging
from messaging.models import ContactRequest
from networking import report
from recommender.models import SuggestionTally
from recommender.services import count_opened, count_shown
from resources.models import ResourcePage
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db

URL = "/admin/reports/networking/"
TEXT = "Hej! I teach biology in Uppsala and would love to plan a joint project on rivers."


def speaks(person, *codes):
    person.languages.set([Language.objects.get(code=c) for c in codes])
    person.save()
    return person


def editor_client(client):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw-kollega-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


@pytest.fixture
def world():
    """Sara (SE) and Sven (SE) in a Swedish community; Greta (DE) and Jonas (DE); Ana (PT)."""
    sweden = f.community("Biologi i Uppsala", country="SE")
    germany = f.community("Biologie in Köln", country="DE")
    sara = speaks(f.person("Sara Svensson", country="SE"), "sv", "en")
    sven = speaks(f.person("Sven Berg", country="SE"), "sv")
    greta = speaks(f.person("Greta Gärtner", country="DE"), "de", "en")
    jonas = speaks(f.person("Jonas Koch", country="DE"), "de")
    ana = speaks(f.person("Ana Costa", country="PT"), "pt")
    f.join(sara, sweden)
    f.join(sven, sweden)
    f.join(greta, germany, role="facilitator")
    f.join(jonas, germany)
    return {
        "sweden": sweden,
        "germany": germany,
        "sara": sara,
        "sven": sven,
        "greta": greta,
        "jonas": jonas,
        "ana": ana,
    }


def build_history(w):
    """Passive: Sara→Greta accepted, both replied, then an adaptation; Sara→Ana declined; Jonas→Sven pending.
    Active: Sven→Sara (search) accepted, only the request's message; Jonas→Greta (search) accepted and a joint project.
    """
    sara, sven, greta, jonas, ana = w["sara"], w["sven"], w["greta"], w["jonas"], w["ana"]
    for viewer, place, n in (
        (sara.user, "resource", 6),
        (sara.user, "for_you", 4),
        (sven.user, "search", 5),
        (jonas.user, "search", 3),
        (jonas.user, "person", 2),
    ):
        count_shown(viewer, place, n)
    count_opened(sara.user, "resource")
    count_opened(sara.user, "for_you")
    count_opened(sven.user, "search")
    count_opened(jonas.user, "search")

    one = messaging.ask(sara, greta, TEXT, source="suggestion", place="resource")
    thread = messaging.accept(one)
    messaging.post(thread, greta, "Gerne! Ich unterrichte Biologie in Köln.")
    messaging.post(thread, sara, "Wonderful, let us adapt my river lesson.")
    original = f.resource("Rivers of Uppsala", authors=[sara])
    f.resource("Flüsse in Köln", code="de", authors=[greta], based_on=original)

    two = messaging.ask(sara, ana, TEXT, source="suggestion", place="for_you")
    messaging.decline(two)
    messaging.ask(jonas, sven, TEXT, source="suggestion", place="person")

    three = messaging.ask(sven, sara, TEXT, source="search", place="search")
    messaging.accept(three)
    four = messaging.ask(jonas, greta, TEXT, source="search", place="search")
    thread = messaging.accept(four)
    messaging.post(thread, greta, "Ja, gern.")
    project = f.project(w["germany"], title="Der Rhein")
    project.partners.create(person=jonas)
    project.partners.create(person=greta)
    f.publish(project)

    # Another way in (a profile reached from a member list): counted apart.
    messaging.ask(ana, sven, TEXT, source="profile")


def test_funnels_count_each_stage_for_passive_and_active(world):
    build_history(world)
    month = timezone.localdate().replace(day=1)
    total = report.funnels([month])[None]
    passive, active, other = total["passive"], total["active"], total["other"]
    assert passive.counts == {"shown": 12, "opened": 2, "requested": 3, "accepted": 1, "replied": 1, "joint": 1}
    assert active.counts == {"shown": 8, "opened": 2, "requested": 2, "accepted": 2, "replied": 0, "joint": 1}
    assert other.counts["requested"] == 1 and other.counts["shown"] == 0
    # Sara (SE) → Greta (DE) and Sara → Ana (PT) cross a border; Jonas → Sven (DE → SE) too.
    assert passive.cross_border["requested"] == 3 and passive.cross_border["joint"] == 1
    assert active.cross_border["requested"] == 0
    # Languages: sv→de, sv→pt, de→sv differ; the searches stayed within a language.
    assert passive.cross_language["requested"] == 3 and active.cross_language["requested"] == 0
    assert passive.rate("accepted") == pytest.approx(1 / 3)
    assert passive.per_thousand_shown("joint") == pytest.approx(1000 / 12)


def test_a_reply_from_one_side_only_is_not_a_conversation_and_work_before_the_contact_is_not_joint(world):
    sara, greta = world["sara"], world["greta"]
    original = f.resource("Rivers of Uppsala", authors=[sara])
    earlier = f.resource("Flüsse in Köln", code="de", authors=[greta], based_on=original)
    ResourcePage.objects.filter(pk=earlier.pk).update(first_published_at=timezone.now() - timedelta(days=3))
    thread = messaging.accept(messaging.ask(sara, greta, TEXT, source="suggestion", place="resource"))
    messaging.post(thread, greta, "Gerne!")
    passive = report.funnels([timezone.localdate().replace(day=1)])[None]["passive"]
    assert passive.counts["accepted"] == 1 and passive.counts["replied"] == 0 and passive.counts["joint"] == 0
    messaging.post(thread, sara, "Tack! Then let us start.")
    assert report.funnels([timezone.localdate().replace(day=1)])[None]["passive"].counts["replied"] == 1


def test_requests_count_in_the_month_they_were_sent(world):
    this = timezone.localdate().replace(day=1)
    last = report.add_months(this, -1)
    item = messaging.ask(world["sara"], world["greta"], TEXT, source="suggestion", place="resource")
    ContactRequest.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(days=40))
    result = report.funnels([report.add_months(this, -2), last, this])
    assert result[this]["passive"].counts["requested"] == 0
    assert sum(result[m]["passive"].counts["requested"] for m in (report.add_months(this, -2), last)) == 1
    assert result[None]["passive"].counts["requested"] == 1


def test_community_and_country_filters_follow_the_sender(world):
    build_history(world)
    month = timezone.localdate().replace(day=1)
    germany = str(world["germany"].translation_key)
    in_germany = report.funnels([month], community_key=germany)[None]
    # Jonas (a member in Köln) asked Sven (passive) and Greta (active); Greta asked nobody.
    assert in_germany["passive"].counts["requested"] == 1 and in_germany["active"].counts["requested"] == 1
    assert in_germany["active"].counts["shown"] == 3 and in_germany["passive"].counts["shown"] == 2
    swedes = report.funnels([month], country="SE")[None]
    assert swedes["passive"].counts["requested"] == 2 and swedes["passive"].counts["shown"] == 10


def test_shown_and_opened_store_no_viewer_and_nobody_without_a_profile_counts(world):
    count_shown(world["sara"].user, "resource", 3)
    count_shown(world["sara"].user, "resource", 2)
    count_shown(get_user_model().objects.create_user("noprofile"), "resource", 9)
    count_shown(None, "resource", 9)
    count_shown(world["sara"].user, "nonsense", 9)
    fields = {field.name for field in SuggestionTally._meta.get_fields()}
    assert fields == {"id", "month", "place", "stage", "community_key", "country", "count"}
    # The total row and the row of Sara's one community, both for Sweden: no name, no id.
    rows = sorted(SuggestionTally.objects.values_list("community_key", "country", "count"))
    assert rows == [("", "SE", 5), (str(world["sweden"].translation_key), "SE", 5)]


def test_following_a_suggestion_to_a_profile_counts_an_opening_and_carries_the_place_into_the_contact(client, world):
    sara, greta = world["sara"], world["greta"]
    client.force_login(sara.user)
    html = client.get(f"/en/people/{greta.slug}/?via=for_you").content.decode()
    assert f"/en/people/{greta.slug}/contact/?via=for_you" in html
    assert SuggestionTally.objects.get(stage="opened", community_key="").count == 1
    client.post(f"/en/people/{greta.slug}/contact/", {"message": TEXT, "via": "for_you"})
    item = ContactRequest.objects.get()
    assert (item.source, item.place) == ("suggestion", "for_you")
    # A hostile or unknown via counts nothing and starts from the profile.
    client.get(f"/en/people/{greta.slug}/?via=%00%27" + "x" * 300)
    assert SuggestionTally.objects.filter(stage="opened").count() == 2  # the one opening, total + community row


def test_a_reload_the_same_day_is_not_a_second_suggestion_or_opening(client, world):
    sara, greta = world["sara"], world["greta"]
    client.force_login(sara.user)
    for _ in range(3):
        client.get(f"/en/people/{greta.slug}/?via=for_you")
    assert SuggestionTally.objects.get(stage="opened", community_key="").count == 1
    # What the viewer was shown on counts once a day; another page counts again.
    assert count_shown(sara.user, "resource", 4, once_for="resource:1")
    assert not count_shown(sara.user, "resource", 4, once_for="resource:1")
    assert count_shown(sara.user, "resource", 2, once_for="resource:2")
    assert SuggestionTally.objects.get(stage="shown", place="resource", community_key="").count == 6


def test_editors_see_the_report_side_by_side(client, world):
    build_history(world)
    html = editor_client(client).get(URL).content.decode()
    assert "Passive (suggestions)" in html and "Active (search)" in html
    assert "Joint project or adaptation started" in html and "Cross-border" in html
    assert "per 1,000 shown" in html
    # Names never appear: counts only.
    assert "Sara Svensson" not in html and "Greta" not in html


def test_the_report_is_translated(client, world):
    editor_client(client)
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Passivt (förslag)" in html and "Gemensamt projekt eller bearbetning påbörjad" in html
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Passiv (Vorschläge)" in html


def test_nobody_else_reads_it(client, world):
    assert client.get(URL).status_code in (302, 403)
    teacher = world["sven"].user
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(teacher)
    assert client.get(URL).status_code in (302, 403)


def test_facilitators_see_only_their_own_communities(client, world):
    build_history(world)
    greta = world["greta"].user
    greta.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(greta)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Biologie in Köln" in html and "Biologi i Uppsala" not in html and "All communities" not in html
    # Asking for another community, or for all of them, falls back to her own.
    sweden = str(world["sweden"].translation_key)
    for community in (sweden, ""):
        rows = list(
            csv.DictReader(io.StringIO(client.get(URL, {"community": community, "format": "csv"}).content.decode()))
        )
        total = {r["side"]: r for r in rows if r["month"] == "total"}
        assert {r["community"] for r in rows} == {str(world["germany"].translation_key)}
        assert total["passive"]["requested"] == "1" and total["active"]["requested"] == "1"


def test_csv_has_one_row_per_month_and_side(client, world):
    build_history(world)
    editor_client(client)
    response = client.get(URL, {"format": "csv", "country": "SE"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == (6 + 1) * 3
    total = {r["side"]: r for r in rows if r["month"] == "total"}
    assert total["passive"]["requested"] == "2" and total["passive"]["cross_border_requested"] == "2"
    assert total["active"]["requested"] == "1" and total["active"]["country"] == "SE"


@pytest.mark.parametrize(
    "params",
    [
        {"month": "9999-99"},
        {"month": "2026-1\x00"},
        {"community": "'; DROP TABLE x; --"},
        {"community": "1" * 20},
        {"country": "ZZ"},
        {"country": "x" * 10_000},
        {"format": "xml"},
    ],
)
def test_hostile_filters_are_ignored(client, world, params):
    editor_client(client)
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "Passive (suggestions)" in response.content.decode()


def test_the_command_prints_the_same_table(world):
    from django.core.management import call_command

    build_history(world)
    out = io.StringIO()
    call_command("networking_report", "--months", "1", stdout=out)
    text = out.getvalue()
    assert "| Contact requested" in text and "| Joint project or adaptation" in text
    line = next(row for row in text.splitlines() if row.startswith("| Contact requested "))
    assert [cell.strip() for cell in line.strip("|").split("|")][1:] == ["3 (150 %)", "2 (100 %)", "1"]
