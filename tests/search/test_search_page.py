"""The search page as a reader uses it: results, facets and counts within the privacy rule, tabs, paging, sorting, languages."""

import pytest
from django.test import override_settings

from search import views
from tests import factories

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def facet_count(response, facet, label):
    """The count shown beside a facet value, or None when the value is not listed."""
    for f, values in response.context["facets"]:
        if f.key == facet:
            for fv in values:
                if fv.label == label:
                    return fv.count
    return None


@pytest.fixture
def library():
    bio = factories.subject("biology", "Biology")
    chem = factories.subject("chemistry", "Chemistry")
    worksheet = factories.resource_type("worksheet", "Worksheet")
    public = factories.community("Garden teachers", country="SE")
    factories.resource(
        "Photosynthesis lab",
        summary="Plants and light in the school garden.",
        subjects=[bio],
        levels=[2],
        resource_type=worksheet,
        community=public,
        licence="https://creativecommons.org/licenses/by-sa/4.0/",
    )
    factories.resource(
        "Leaf pigments",
        summary="Chromatography of plants pigments.",
        subjects=[bio, chem],
        levels=[3],
        community=public,
    )
    factories.resource("Acids and bases", summary="Kitchen chemistry with red cabbage.", subjects=[chem], levels=[2])
    return {"biology": bio, "chemistry": chem, "community": public}


def test_search_finds_materials_in_the_reader_locale(client, library):
    response = client.get("/en/search/?q=plants")
    assert response.status_code == 200
    page = html(response)
    assert "Photosynthesis lab" in page and "Leaf pigments" in page
    assert "Acids and bases" not in page


def test_a_minus_word_excludes_and_quotes_keep_a_phrase_together(client, library):
    titles = {r.title for r in client.get("/en/search/?q=plants+-pigments").context["results"]}
    assert titles == {"Photosynthesis lab"}
    titles = {r.title for r in client.get('/en/search/?q="school+garden"').context["results"]}
    assert titles == {"Photosynthesis lab"}
    assert client.get('/en/search/?q="garden+school"').context["results"].paginator.count == 0


def test_facet_counts_match_the_results(client, library):
    response = client.get("/en/search/?q=plants")
    assert facet_count(response, "subject", "Biology") == 2
    assert facet_count(response, "subject", "Chemistry") == 1
    assert facet_count(response, "level", "ISCED 2: Lower secondary education") == 1
    assert facet_count(response, "type", "Worksheet") == 1
    assert facet_count(response, "language", "English") == 2
    assert facet_count(response, "community", "Garden teachers") == 2
    assert facet_count(response, "country", "Sweden") == 2
    assert facet_count(response, "licence", "CC BY-SA 4.0 (attribution, share alike)") == 1


def test_choosing_a_facet_value_narrows_results_and_keeps_other_values_of_that_facet(client, library):
    response = client.get("/en/search/?q=plants&subject=chemistry")
    page = html(response)
    assert "Leaf pigments" in page and "Photosynthesis lab" not in page
    assert response.context["results"].paginator.count == 1
    # Counted with the other facets applied but not its own: Biology still shows 2.
    assert facet_count(response, "subject", "Biology") == 2
    assert facet_count(response, "level", "ISCED 3: Upper secondary education") == 1
    assert facet_count(response, "level", "ISCED 2: Lower secondary education") is None


def test_values_within_one_facet_are_alternatives(client, library):
    response = client.get("/en/search/?subject=biology&subject=chemistry&level=2")
    assert response.context["results"].paginator.count == 2  # both level-2 materials


def test_browsing_without_a_query_lists_every_visible_material_with_counts(client, library):
    response = client.get("/en/search/")
    assert response.context["results"].paginator.count == 3
    assert facet_count(response, "subject", "Chemistry") == 2


def test_members_only_materials_are_neither_shown_nor_counted_for_outsiders(client, library):
    secret = factories.community("Secret circle", visibility="members", country="DE")
    factories.resource(
        "Secret plants", summary="Plants in the members' greenhouse.", subjects=[library["biology"]], community=secret
    )
    member = factories.person("Member")
    factories.join(member, secret)

    response = client.get("/en/search/?q=plants")
    assert "Secret plants" not in html(response)
    assert response.context["results"].paginator.count == 2
    assert facet_count(response, "subject", "Biology") == 2
    assert facet_count(response, "community", "Secret circle") is None
    assert facet_count(response, "country", "Germany") is None
    assert "Secret circle" not in html(response)

    outsider = factories.person("Outsider")
    client.force_login(outsider.user)
    assert facet_count(client.get("/en/search/?q=plants"), "subject", "Biology") == 2

    client.force_login(member.user)
    response = client.get("/en/search/?q=plants")
    assert "Secret plants" in html(response)
    assert facet_count(response, "subject", "Biology") == 3
    assert facet_count(response, "community", "Secret circle") == 1


def test_unpublished_materials_are_neither_shown_nor_counted(client, library):
    factories.resource(
        "Draft about plants", summary="Plants, not ready yet.", subjects=[library["biology"]], live=False
    )
    published = factories.resource("Withdrawn plants", summary="Plants, withdrawn.", subjects=[library["biology"]])
    published.unpublish()
    for url in ("/en/search/?q=plants", "/en/search/"):
        response = client.get(url)
        assert "Draft about plants" not in html(response)
        assert "Withdrawn plants" not in html(response)
    assert facet_count(client.get("/en/search/?q=plants"), "subject", "Biology") == 2
    assert facet_count(client.get("/en/search/"), "subject", "Biology") == 2


def test_results_are_paginated_and_every_page_keeps_the_query_and_filters(client):
    bio = factories.subject("biology", "Biology")
    for i in range(25):
        factories.resource(f"Cell lesson {i:02d}", summary="Cells under the microscope.", subjects=[bio])
    response = client.get("/en/search/?q=cells&subject=biology")
    assert len(response.context["results"].object_list) == views.PER_PAGE
    assert 'href="?q=cells&amp;subject=biology&amp;page=2"' in html(response)
    second = client.get("/en/search/?q=cells&subject=biology&page=2")
    assert len(second.context["results"].object_list) == 5
    first_titles = {r.title for r in response.context["results"]}
    second_titles = {r.title for r in second.context["results"]}
    assert not first_titles & second_titles


def test_newest_sort_puts_the_latest_published_first(client):
    old = factories.resource("Old water lesson", summary="Water water water water cycle.")
    new = factories.resource("New water lesson", summary="Water.")
    assert new.first_published_at >= old.first_published_at
    titles = [r.title for r in client.get("/en/search/?q=water&sort=newest").context["results"]]
    assert titles == ["New water lesson", "Old water lesson"]


def test_other_languages_are_excluded_by_default_and_included_with_the_toggle(client):
    factories.resource("Photosynthesis", code="en", summary="Light and leaves.")
    factories.resource("Fotosyntes", code="sv", summary="Ljus och blad, photosynthesis på svenska.")
    default = html(client.get("/en/search/?q=photosynthesis"))
    assert "Photosynthesis" in default and "Fotosyntes" not in default
    both = html(client.get("/en/search/?q=photosynthesis&all_languages=on"))
    assert "Photosynthesis" in both and "Fotosyntes" in both


def test_with_other_languages_a_translated_work_appears_once_in_the_reader_language(client):
    english = factories.resource("Rainwater", summary="Collecting rainwater at school.")
    factories.translate(english, "sv", title="Regnvatten", summary="Samla rainwater i skolan.")
    response = client.get("/sv/search/?q=rainwater&all_languages=on")
    titles = [r.title for r in response.context["results"]]
    assert titles == ["Regnvatten"]


def test_people_search_shows_only_people_the_viewer_may_find(client):
    factories.person("Astrid Public", discoverability="europe", school="Lindö school")
    factories.person("Astrid Hidden", discoverability="nobody", school="Lindö school")
    factories.person("Astrid Country", discoverability="country", country="SE", school="Lindö school")
    response = client.get("/en/search/?q=Astrid&tab=people")
    page = html(response)
    assert "Astrid Public" in page
    assert "Astrid Hidden" not in page and "Astrid Country" not in page

    neighbour = factories.person("Neighbour", discoverability="nobody", country="SE")
    client.force_login(neighbour.user)
    page = html(client.get("/en/search/?q=Astrid&tab=people"))
    assert "Astrid Public" in page and "Astrid Country" in page
    assert "Astrid Hidden" not in page


def test_communities_search_hides_members_only_communities_from_outsiders(client):
    factories.community("Open gardeners")
    factories.community("Closed gardeners", visibility="members")
    page = html(client.get("/en/search/?q=gardeners&tab=communities"))
    assert "Open gardeners" in page and "Closed gardeners" not in page


def test_tabs_show_how_many_results_each_kind_has(client):
    factories.resource("Bird song", summary="Listening to birds.")
    factories.community("Bird watchers")
    factories.person("Bird Lover", discoverability="europe")
    tabs = {t["key"]: t["count"] for t in client.get("/en/search/?q=bird").context["tabs"]}
    assert tabs == {"resources": 1, "projects": 0, "events": 0, "communities": 1, "people": 1}


def test_autocomplete_suggests_visible_titles_in_the_reader_locale(client):
    factories.resource("Volcano model", summary="Baking soda eruption.")
    factories.resource("Volcanic rocks", code="sv", summary="Stenar.")
    secret = factories.community("Secret circle", visibility="members")
    factories.resource("Volcano secrets", summary="Members only.", community=secret)
    response = client.get("/en/search/autocomplete/?q=volc")
    assert response.status_code == 200
    titles = [r["title"] for r in response.json()["results"]]
    assert titles == ["Volcano model"]
    assert response.json()["results"][0]["url"].startswith("/en/")


def test_autocomplete_with_an_empty_or_junk_query_returns_no_suggestions(client):
    for q in ("", "   ", "\x00\x01", '"""', "-"):
        response = client.get("/en/search/autocomplete/", {"q": q})
        assert response.status_code == 200 and response.json() == {"results": []}


def test_the_page_works_without_javascript_and_marks_the_enhancement(client):
    page = html(client.get("/en/search/?q=x"))
    assert '<form class="search-form" action="" method="get" role="search">' in page
    assert 'data-autocomplete-url="/en/search/autocomplete/"' in page


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "a" * 10000,
        "q=plants&subject=no-such-subject&level=99&licence=nope&community=not-a-uuid&country=XX&language=zz",
        "q=plants&page=-1",
        "q=plants&page=abc",
        "q=plants&page=999999",
        "q=%22unbalanced&sort=sideways&tab=nowhere",
        "q=%00%01%02",
        "q=(((&&||!!::**",
        "q=-only+-exclusions",
        "q=plants&all_languages=maybe",
        "subject=biology&subject=biology&subject=" + "x" * 500,
    ],
)
def test_bad_input_returns_a_normal_page(client, library, query):
    response = client.get("/en/search/?" + query)
    assert response.status_code == 200


def test_a_long_query_is_capped_before_it_reaches_the_engine(client, library):
    response = client.get("/en/search/?q=" + "plants " * 2000)
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


class FailingBackend:
    """Stands in for an unreachable Elasticsearch: every search raises the client's connection error."""

    def __init__(self, params):
        pass

    def _fail(self, *args, **kwargs):
        from elastic_transport import ConnectionError as TransportConnectionError

        raise TransportConnectionError("Connection refused")

    search = autocomplete = _fail


FAILING = {"default": {"BACKEND": "tests.search.test_search_page.FailingBackend", "AUTO_UPDATE": False}}


def test_when_the_search_engine_is_down_the_page_says_so_instead_of_failing(client, library):
    with override_settings(WAGTAILSEARCH_BACKENDS=FAILING):
        response = client.get("/en/search/?q=plants")
        assert response.status_code == 503
        assert "Search is not available right now" in html(response)
        assert '<form class="search-form"' in html(response)
        autocomplete = client.get("/en/search/autocomplete/?q=pla")
        assert autocomplete.status_code == 503 and autocomplete.json()["results"] == []
        # Browsing without a query needs no engine and still works.
        assert client.get("/en/search/").status_code == 200
