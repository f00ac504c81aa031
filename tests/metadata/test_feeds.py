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
    return tree.findtext("a:title", namespaces=ATOM), [
        e.findtext("a:title", namespaces=ATOM) for e in tree.findall("a:entry", ATOM)
    ]


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


def test_pages_announce_the_feeds_and_a_public_community_offers_its_own(client):
    from bs4 import BeautifulSoup

    factories.resource_index("sv")  # and the Swedish home page above it
    garden = factories.community("Garden teachers")
    secret = factories.community("Secret circle", visibility="members")

    def announced(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        return {link["href"] for link in soup.find_all("link", rel="alternate", type=True)}, soup

    links, _ = announced(factories.home().url)
    assert links == {"/en/feeds/resources.rss", "/en/feeds/resources.atom"}
    links, soup = announced(garden.url)
    assert {f"/en/feeds/community/{garden.slug}.rss", f"/en/feeds/community/{garden.slug}.atom"} <= links
    assert soup.find("a", href=f"/en/feeds/community/{garden.slug}.rss").text == "RSS"
    for href in links:
        assert client.get(href).status_code == 200
    links, _ = announced("/sv/")
    assert "/sv/feeds/resources.rss" in links
    member = factories.person()
    factories.join(member, secret)
    client.force_login(member.user)
    links, soup = announced(secret.url)
    assert not [href for href in links if "/community/" in href]
    assert soup.find(class_="feed-links") is None
