"""Search across languages through the recommender's vectors, the projects and events tabs, chips and next steps."""

import datetime

import pytest
from django.utils import timezone

from recommender import conf
from tests import factories as f
from tests.events.helpers import event
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [r.title for r in response.context["results"]]


@pytest.fixture
def concepts(settings):
    """The concept encoder as the configured one (see concept_encoder.py)."""
    settings.KOLLEGA_RECOMMENDER = {
        **settings.KOLLEGA_RECOMMENDER,
        "ENCODER": "concepts",
        "ENCODERS": {
            **settings.KOLLEGA_RECOMMENDER["ENCODERS"],
            "concepts": {"BACKEND": "tests.search.concept_encoder.ConceptEncoder"},
        },
    }
    conf.reset()
    yield
    conf.reset()


def test_klimat_with_other_languages_finds_the_german_klima_material_through_the_vectors(client, concepts):
    f.resource("Klima und Wasser", code="de", summary="Der Wasserkreislauf in einem sich wandelnden Klima.")
    f.resource("Brüche", code="de", summary="Brüche und Dezimalzahlen für die fünfte Klasse.")
    f.resource("Fotosyntes", code="sv", summary="Ljus och blad.")
    secret = f.community("Geheimer Kreis", visibility="members")
    f.resource("Klima im Geheimen", code="de", summary="Klima, nur für Mitglieder.", community=secret)
    index_all()
    # No Swedish material says "klimat", and no German one has the word: only the meaning matches.
    assert titles(client, "/sv/search/?q=klimat") == []
    assert titles(client, "/sv/search/?q=klimat&all_languages=on") == ["Klima und Wasser"]
    outsider = f.person("Nyfiken", country="SE")
    client.force_login(outsider.user)
    assert titles(client, "/sv/search/?q=klimat&all_languages=on") == ["Klima und Wasser"]


def test_a_work_found_in_several_languages_is_shown_once_in_the_reader_language_when_it_has_one(client, concepts):
    original = f.resource("Klima und Wasser", code="de", summary="Wasser in einem sich wandelnden Klima.")
    f.translate(original, "pt", title="Clima e água", summary="A água num clima em mudança.")
    f.translate(original, "sv", title="Vatten i ett nytt klimat", summary="Vatten och klimat.")
    garden = f.resource("Klima im Garten", code="de", summary="Der Garten im Klima von morgen.")
    f.translate(garden, "pt", title="O clima na horta", summary="A horta no clima de amanhã.")
    index_all()
    found = titles(client, "/sv/search/?q=klimat&all_languages=on")
    assert found.count("Vatten i ett nytt klimat") == 1
    assert "Klima und Wasser" not in found and "Clima e água" not in found
    # A work with no Swedish translation appears once, in one of its languages.
    assert len([t for t in found if t in ("Klima im Garten", "O clima na horta")]) == 1
    assert len(found) == 2


def test_projects_are_a_tab_and_members_only_projects_stay_hidden(client):
    open_group = f.community("Open rain network")
    secret = f.community("Closed rain circle", visibility="members")
    f.project(open_group, "Rain gardens partnership", theme="Rain gardens for schools")
    f.project(secret, "Rain secrets exchange", theme="Rain in the members' schools")
    response = client.get("/en/search/?q=rain&tab=projects")
    page = response.content.decode()
    assert "Rain gardens partnership" in page and "Rain secrets exchange" not in page
    assert {t["key"]: t["count"] for t in response.context["tabs"]}["projects"] == 1


@pytest.fixture
def calendar():
    soon = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    later = soon + datetime.timedelta(days=62)
    open_group = f.community("Open rain network")
    secret = f.community("Closed rain circle", visibility="members")
    member = f.person("Circle Member")
    f.join(member, secret)
    event(
        open_group, "Rain workshop", start=soon, kind="workshop", country="SE", online_url="https://meet.example.org/r"
    )
    event(open_group, "Rain conference", start=later, kind="conference", country="DE", address="Messe 1")
    event(secret, "Rain members meeting", start=soon, kind="community_meeting", country="SE")
    return {"soon": soon, "later": later, "member": member}


def facet(response, key):
    for fc, values in response.context["facets"]:
        if fc.key == key:
            return {fv.label: fv.count for fv in values}
    return {}


def event_titles(response):
    return [e.title for e in response.context["events"]]


def test_events_tab_has_kind_country_online_and_month_facets_within_the_privacy_rule(client, calendar):
    response = client.get("/en/search/?q=rain&tab=events")
    assert sorted(event_titles(response)) == ["Rain conference", "Rain workshop"]
    assert "Rain members meeting" not in response.content.decode()
    assert facet(response, "kind") == {"Workshop": 1, "Conference": 1}
    assert facet(response, "country") == {"Sweden": 1, "Germany": 1}
    assert facet(response, "online") == {"Online": 1, "On site only": 1}
    months = facet(response, "month")
    assert sum(months.values()) == 2 and len(months) == 2
    assert {t["key"]: t["count"] for t in response.context["tabs"]}["events"] == 2

    online = client.get("/en/search/?q=rain&tab=events&online=yes")
    assert event_titles(online) == ["Rain workshop"]
    assert facet(online, "online") == {"Online": 1, "On site only": 1}  # its own facet is counted without it
    month = calendar["later"].strftime("%Y-%m")
    assert event_titles(client.get(f"/en/search/?q=rain&tab=events&month={month}")) == ["Rain conference"]

    client.force_login(calendar["member"].user)
    assert "Rain members meeting" in event_titles(client.get("/en/search/?q=rain&tab=events"))


def test_browsing_events_lists_the_upcoming_ones_soonest_first(client, calendar):
    assert event_titles(client.get("/en/search/?tab=events")) == ["Rain workshop", "Rain conference"]


def test_an_active_filter_is_a_chip_that_removes_it(client, calendar):
    response = client.get("/en/search/?q=rain&tab=events&kind=workshop&online=yes")
    chips = [(fc.key, fv.querystring) for fc, fv in response.context["chips"]]
    assert [key for key, _ in chips] == ["kind", "online"]
    page = response.content.decode()
    kind_link = dict(chips)["kind"]
    assert f'href="?{kind_link.replace("&", "&amp;")}"' in page and "kind=" not in kind_link
    assert event_titles(client.get("/en/search/?" + kind_link)) == ["Rain workshop"]


def test_no_results_offer_next_steps_in_the_reader_language(client):
    f.resource("Fotosyntes", code="sv", summary="Ljus och blad.")
    page = client.get("/sv/search/?q=zebrafink").content.decode()
    assert "all_languages=on" in page
    assert 'href="/sv/contribute/"' in page
    assert "Share a material of your own" not in page
    filtered = client.get("/sv/search/?q=zebrafink&subject=biology&all_languages=on").content.decode()
    assert "all_languages=on" in filtered  # kept in the link that removes the filters
    assert "subject=biology" in filtered


@pytest.mark.parametrize(
    "query",
    [
        "tab=events&q=rain&month=9999-99&online=maybe&kind=%3Cscript%3E&country=ZZ",
        "tab=events&month=" + "1" * 20 + "&month=0000-01&month=2026-13",
        "tab=events&q=rain&page=99999999999999999999&sort=newest",
        "tab=projects&q=%00rain",
        "tab=events&online=yes&online=no&kind=workshop&kind=webinar&month=2030-07",
    ],
)
def test_hostile_parameters_on_the_new_tabs_give_a_normal_page(client, calendar, query):
    assert client.get("/en/search/?" + query).status_code == 200


def test_when_the_encoder_fails_search_in_every_language_still_finds_words(client, concepts, monkeypatch):
    from recommender.encoders.base import EncoderError
    from tests.search.concept_encoder import ConceptEncoder

    f.resource("Klima und Wasser", code="de", summary="Klima.")
    f.resource("Klimat och vatten", code="sv", summary="Klimat.")
    index_all()

    def broken(self, texts):
        raise EncoderError("model missing")

    monkeypatch.setattr(ConceptEncoder, "_encode_batch", broken)
    assert titles(client, "/sv/search/?q=klimat&all_languages=on") == ["Klimat och vatten"]
