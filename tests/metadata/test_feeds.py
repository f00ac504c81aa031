"""RSS and Atom feeds of the latest public materials, per locale and per community."""
import pytest
from lxml import etree

from tests import factories

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    tree = etree.fromstring(response.content)
    return tree.findtext("channel/title"), [i.findtext("title") for i in tree.findall("channel/item")]


def atom_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    tree = etree.fromstring(response.content)
    return tree.findtext("a:title", namespaces=ATOM), [e.findtext("a:title", namespaces=ATOM) for e in tree.findall("a:entry", ATOM)]


def test_locale_feeds_list_the_latest_public_materials_of_that_locale(client):
    factories.resource("Photosynthesis in the classroom")
    factories.resource("Fotosyntes i klassrummet", code="sv")
    factories.resource("Unfinished lesson", live=False)
    title, items = rss_titles(client.get("/en/feeds/resources.rss"))
    assert title == "Kollega: latest materials"
    assert items == ["Photosynthesis in the classroom"]
    title, items = atom_titles(client.get("/sv/feeds/resources.atom"))
    assert title == "Kollega: senaste materialen"
    assert items == ["Fotosyntes i klassrummet"]


def test_newest_material_comes_first_and_links_are_absolute(client):
    factories.resource("Older lesson")
    newer = factories.resource("Newer lesson")
    response = client.get("/en/feeds/resources.rss")
    tree = etree.fromstring(response.content)
    first = tree.find("channel/item")
    assert first.findtext("title") == "Newer lesson"
    assert first.findtext("link").startswith("http") and first.findtext("link").endswith(newer.url)


def test_a_community_feed_lists_only_that_communitys_materials(client):
    community = factories.community("Baltic biology teachers")
    factories.resource("Leaves and light", community=community)
    factories.resource("Fractions with paper")
    title, items = rss_titles(client.get(f"/en/feeds/community/{community.slug}.rss"))
    assert title == "Kollega: latest materials from Baltic biology teachers"
    assert items == ["Leaves and light"]
    title, items = atom_titles(client.get(f"/en/feeds/community/{community.slug}.atom"))
    assert items == ["Leaves and light"]


def test_a_community_feed_in_german_is_translated(client):
    community = factories.community("Baltic biology teachers")
    german = factories.translate(community, "de", title="Biologielehrkräfte an der Ostsee", slug="ostsee-biologie")
    title, _items = rss_titles(client.get(f"/de/feeds/community/{german.slug}.rss"))
    assert title == "Kollega: neueste Materialien aus Biologielehrkräfte an der Ostsee"


def test_members_only_community_feeds_are_404_for_everyone(client):
    community = factories.community("Secret circle", visibility="members")
    factories.resource("Members-only lesson", community=community)
    member = factories.person("Member")
    factories.join(member, community)
    for suffix in ("rss", "atom"):
        assert client.get(f"/en/feeds/community/{community.slug}.{suffix}").status_code == 404
    client.force_login(member.user)
    assert client.get(f"/en/feeds/community/{community.slug}.rss").status_code == 404
    assert "Members-only lesson" not in client.get("/en/feeds/resources.rss").content.decode()


def test_an_unknown_community_feed_is_404(client):
    assert client.get("/en/feeds/community/nobody-here.rss").status_code == 404
