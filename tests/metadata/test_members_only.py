"""Members-only content appears in none of the open metadata; public content appears in each.

A members-only community with a material beside a public community with one:
the JSON-LD of public pages, OAI-PMH ListRecords (every set, both formats),
the RSS and Atom feeds and the sitemap name the public material and never
the members-only one (nor the community's title or URL).
"""

import pytest
from lxml import etree

from tests import factories

from .helpers import jsonld_blocks
from .oai_client import DjangoTestClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    secret = factories.community("Secret circle", visibility="members")
    hidden = factories.resource("Members-only lesson", community=secret)
    member = factories.person("Member")
    factories.join(member, secret)
    open_community = factories.community("Open circle")
    shown = factories.resource("Public lesson", community=open_community)
    # A public adaptation of the hidden material must not point back at it.
    adaptation = factories.resource("Public adaptation", based_on=hidden)
    return {"secret": secret, "hidden": hidden, "shown": shown, "adaptation": adaptation, "member": member}


def hidden_markers(world):
    secret, hidden = world["secret"], world["hidden"]
    return [
        "Secret circle",
        "Members-only lesson",
        secret.url,
        hidden.url,
        secret.slug,
        hidden.slug,
        str(hidden.translation_key),
        str(secret.translation_key),
    ]


def assert_clean(text, world, where):
    for marker in hidden_markers(world):
        assert marker not in text, f"{marker!r} leaked into {where}"


def test_json_ld_of_public_pages(client, world):
    for page in (world["shown"], world["adaptation"]):
        html = client.get(page.url).content.decode()
        blocks = jsonld_blocks(html)
        assert blocks and blocks[0]["name"] == page.title
        assert_clean(str(blocks), world, f"the JSON-LD of {page.title}")
    assert jsonld_blocks(client.get(world["shown"].url).content.decode())[0]["isPartOf"]["name"] == "Open circle"
    assert "isBasedOn" not in jsonld_blocks(client.get(world["adaptation"].url).content.decode())[0]


def test_oai_pmh_list_records_in_every_set_and_format(client, world):
    harvester = DjangoTestClient(client)
    harvester.updateGranularity()
    specs = [spec for spec, _name, _d in harvester.listSets()]
    assert_clean(" ".join(specs), world, "ListSets")
    seen_public = False
    for spec in [None] + specs:
        for prefix in ("oai_dc", "lom"):
            kwargs = {"metadataPrefix": prefix} | ({"set": spec} if spec else {})
            harvester.requests.clear()
            try:
                list(harvester.listRecords(**kwargs))
            except Exception as exc:  # noRecordsMatch for sets without records
                assert type(exc).__name__ == "NoRecordsMatchError", exc
            for request in harvester.requests:
                text = client.get("/oai/", request).content.decode()
                assert_clean(text, world, f"ListRecords {request}")
                seen_public = seen_public or "Public lesson" in text
    assert seen_public


def test_feeds(client, world):
    for suffix in ("rss", "atom"):
        text = client.get(f"/en/feeds/resources.{suffix}").content.decode()
        assert "Public lesson" in text
        assert_clean(text, world, f"the {suffix} feed")
        open_feed = client.get(f"/en/feeds/community/{world['shown'].community.slug}.{suffix}")
        assert "Public lesson" in open_feed.content.decode()
        assert client.get(f"/en/feeds/community/{world['secret'].slug}.{suffix}").status_code == 404
    client.force_login(world["member"].user)
    assert client.get(f"/en/feeds/community/{world['secret'].slug}.rss").status_code == 404
    assert_clean(client.get("/en/feeds/resources.rss").content.decode(), world, "a member's feed")


def test_sitemap(client, world):
    text = client.get("/sitemap.xml").content.decode()
    etree.fromstring(text.encode())
    assert world["shown"].get_full_url() in text
    assert_clean(text, world, "the sitemap")
