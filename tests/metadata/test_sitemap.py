"""sitemap.xml lists every public page in every locale with hreflang alternates, and validates."""

from pathlib import Path

import pytest
from lxml import etree

from tests import factories

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def fetch(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return etree.fromstring(response.content)


def entries(tree):
    """loc -> {hreflang: href}"""
    out = {}
    for url in tree.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        out[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return out


def test_the_official_sitemap_schema_rejects_an_undeclared_extension():
    """The committed sitemap.xsd is strict about other namespaces: the xhtml schema is needed."""
    schema = etree.XMLSchema(etree.parse(str(HERE / "sitemap.xsd")))
    doc = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        b'<url><loc>https://example.org/en/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/></url>'
        b"</urlset>"
    )
    assert not schema.validate(doc)


def test_sitemap_validates_against_the_sitemaps_org_schema(client):
    work = factories.resource("Fractions with paper")
    factories.translate(work, "sv", title="Bråk med papper")
    factories.translate(work, "de", title="Brüche mit Papier")
    tree = fetch(client)
    schema = etree.XMLSchema(etree.parse(str(HERE / "sitemap-xhtml-link.xsd")))
    assert schema.validate(tree), schema.error_log


def test_every_translation_is_listed_with_its_alternates_and_x_default(client):
    work = factories.resource("Fractions with paper")
    swedish = factories.translate(work, "sv", title="Bråk med papper")
    found = entries(fetch(client))
    en_url, sv_url = work.get_full_url(), swedish.get_full_url()
    assert en_url in found and sv_url in found
    for loc in (en_url, sv_url):
        assert found[loc] == {"en": en_url, "sv": sv_url, "x-default": en_url}


def test_pages_of_every_locale_are_listed(client):
    factories.resource("Lektion om fotosyntes", code="sv")
    locs = entries(fetch(client))
    assert any("/sv/" in loc for loc in locs)


def test_drafts_and_draft_translations_are_absent(client):
    work = factories.resource("Fractions with paper")
    draft_translation = factories.translate(work, "sv", live=False, title="Bråk med papper")
    factories.resource("Unfinished lesson", live=False)
    text = client.get("/sitemap.xml").content.decode()
    assert "unfinished-lesson" not in text
    found = entries(fetch(client))
    assert draft_translation.get_full_url() not in found
    assert set(found[work.get_full_url()]) == {"en", "x-default"}


def test_members_only_pages_are_absent(client):
    community = factories.community("Secret circle", visibility="members")
    factories.resource("Members-only lesson", community=community)
    text = client.get("/sitemap.xml").content.decode()
    assert "secret-circle" not in text and "members-only-lesson" not in text
