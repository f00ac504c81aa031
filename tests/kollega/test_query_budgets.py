"""Query budgets of the pages people open most, warm (after a first request), on a small realistic site.

The budgets are those of Kollega issue 15: a material page at most 20 queries for an
anonymous visitor and 25 for a signed-in member, a home page 15, search, community,
profile and for-you pages 25 each. A page over budget usually means a query per item
of a list (a card, a credit, a language link): prefetch it, or cache what depends only on
published content (core.content_cache).

The cache tests below check what such caches must never do: show a viewer what
communities.privacy hides from them because someone else filled the cache, or keep
showing what was unpublished or restricted since.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from communities.privacy import community_group
from tests import factories

BUDGET = {
    "material_anonymous": 20,
    "material_signed_in": 25,
    "home": 15,
    "search": 25,
    "community": 25,
    "profile": 25,
    "for_you": 25,
}


@pytest.fixture
def site(db):
    """Six materials in three languages, people public and private, a public and a members-only community."""
    biology = factories.subject("biology", "Biology")
    chemistry = factories.subject("chemistry", "Chemistry")
    swedish_biology = biology.copy_for_translation(factories.locale("sv"))
    swedish_biology.name = "Biologi"
    swedish_biology.save()
    public_people = [factories.person(f"Public teacher {i}") for i in range(3)]
    private = factories.person("Private teacher", discoverability="nobody")
    circle = factories.community("Biology circle")
    closed = factories.community("Closed circle", visibility="members")
    member = factories.person("Circle member", discoverability="communities")
    factories.join(member, circle)
    factories.join(member, closed)
    factories.join(public_people[0], circle, role="facilitator")
    materials = []
    for i in range(6):
        page = factories.resource(
            f"Photosynthesis lesson {i}",
            subjects=[biology, chemistry],
            levels=[1, 2],
            tags=["plants", "light"],
            authors=[public_people[i % 3], private],
            community=circle,
        )
        factories.translate(page, "sv", title=f"Fotosyntes lektion {i}")
        factories.translate(page, "de", title=f"Photosynthese Stunde {i}")
        materials.append(page)
    secret = factories.resource("Members-only worksheet", community=closed, subjects=[biology], authors=[member])
    return {
        "material": materials[0],
        "people": public_people,
        "member": member,
        "circle": circle,
        "closed": closed,
        "secret": secret,
    }


def _warm(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_material_page_anonymous(client, site, django_assert_max_num_queries):
    url = site["material"].url
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["material_anonymous"]):
        html = client.get(url).content.decode()
    # The page still shows what the queries were for.
    assert "Public teacher 0" in html and "Biology" in html and "Svenska" in html and "Biology circle" in html


def test_material_page_signed_in_member(client, site, django_assert_max_num_queries):
    client.force_login(site["member"].user)
    url = site["material"].url
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["material_signed_in"]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("code", ["en", "sv"])
def test_home_page(client, site, code, django_assert_max_num_queries):
    url = f"/{code}/"
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["home"]):
        html = client.get(url).content.decode()
    assert ("Fotosyntes lektion" if code == "sv" else "Photosynthesis lesson") in html
    assert ("Biologi" if code == "sv" else "Biology") in html  # subject names in the reader's language


def test_search_page(client, site, django_assert_max_num_queries):
    url = reverse("search:search") + "?q=photosynthesis"
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["search"]):
        assert client.get(url).status_code == 200


def test_community_page(client, site, django_assert_max_num_queries):
    url = site["circle"].url
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["community"]):
        assert "Photosynthesis lesson" in client.get(url).content.decode()


def test_profile_page(client, site, django_assert_max_num_queries):
    url = site["people"][0].get_absolute_url()
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["profile"]):
        assert "Photosynthesis lesson" in client.get(url).content.decode()


def test_for_you_page(client, site, django_assert_max_num_queries):
    client.force_login(site["member"].user)
    url = reverse("recommender:for_you")
    _warm(client, url)
    with django_assert_max_num_queries(BUDGET["for_you"]):
        assert client.get(url).status_code == 200


# -- What the caches must never do --------------------------------------------------


def test_a_member_filling_the_cache_does_not_show_an_anonymous_visitor_a_members_only_adaptation(client, site):
    original = site["material"]
    adaptation = factories.resource("Closed adaptation", community=site["closed"], based_on=original)
    client.force_login(site["member"].user)
    assert "Closed adaptation" in client.get(original.url).content.decode()  # the member sees it
    client.logout()
    html = client.get(original.url).content.decode()
    assert "Closed adaptation" not in html and adaptation.url not in html


def test_a_translation_restricted_after_the_cache_was_filled_disappears_from_the_language_links(client, site):
    page = site["material"]
    swedish = page.get_translations().get(locale__language_code="sv")
    assert swedish.url in client.get(page.url).content.decode()
    restriction = PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(community_group(site["closed"]))
    html = client.get(page.url).content.decode()
    assert swedish.url not in html and "Fotosyntes lektion 0" not in html


def test_an_unpublished_translation_disappears_at_once(client, site):
    page = site["material"]
    german = page.get_translations().get(locale__language_code="de")
    assert german.url in client.get(page.url).content.decode()
    german.unpublish()
    assert german.url not in client.get(page.url).content.decode()


def test_a_person_turning_private_is_no_longer_credited_in_the_cached_json_ld(client, site):
    page = site["material"]
    author = site["people"][0]
    assert "Public teacher 0" in client.get(page.url).content.decode()
    author.discoverability = "nobody"
    author.save()
    assert "Public teacher 0" not in client.get(page.url).content.decode()


def test_the_cached_newest_materials_of_the_home_page_follow_the_viewer(client, site):
    assert "Members-only worksheet" not in client.get("/en/").content.decode()  # fills the cache
    client.force_login(site["member"].user)
    assert "Members-only worksheet" in client.get("/en/").content.decode()
    client.logout()
    assert "Members-only worksheet" not in client.get("/en/").content.decode()
