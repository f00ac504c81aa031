"""Every members-only object is absent from every public output.

One members-only community with a material, a project, a discussion and an
attached file sits beside a public twin written to be its nearest neighbour.
Each output (pages, search, autocomplete, recommender, API, feeds, sitemap,
OAI-PMH, document downloads) is read as an anonymous visitor and as a signed-in
teacher who is not a member: the twin must be there (so the check cannot pass
on an empty answer) and nothing of the circle may be.
"""
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from discussions.models import Post, Thread
from metadata.oai import oai_identifier
from recommender.services import related_people, related_resources
from resources.models import ResourceAttachment
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

SUMMARY = "Pupils build paper lanterns and measure how far the candle light reaches across the classroom."
TITLES = ["Quiet Lantern Circle", "Lantern secrets worksheet", "Lantern exchange project", "Lantern thread topic",
          "Hidden Lanternmaker"]
HIDDEN = TITLES + ["quiet-lantern-circle", "lantern-secrets-worksheet", "lantern-exchange-project"]


@pytest.fixture
def world():
    physics = f.subject("physics", "Physics")
    circle = f.community("Quiet Lantern Circle", visibility="members")
    open_group = f.community("Open Lantern Group")
    maker = f.person("Hidden Lanternmaker", discoverability="communities")
    f.join(maker, circle)
    author = f.person("Public Lanternwright")
    secret = f.resource("Lantern secrets worksheet", summary=SUMMARY, subjects=[physics], levels=[2], tags=["light"],
                        community=circle, authors=[maker])
    twin = f.resource("Lantern light worksheet", summary=SUMMARY, subjects=[physics], levels=[2], tags=["light"],
                      community=open_group, authors=[author])
    f.project(circle, "Lantern exchange project")
    thread = Thread.objects.create(community=circle, title="Lantern thread topic", author=maker)
    Post.objects.create(thread=thread, author=maker, body="Lantern thread body")
    document = get_document_model().objects.create(
        title="lantern-secrets", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="lantern-secrets.pdf"),
        collection=Collection.get_first_root_node(),
    )
    ResourceAttachment.objects.create(page=secret, document=document)
    index_all()
    outsider = f.person("Curious Outsider", country="SE")
    f.join(outsider, open_group)
    return {"circle": circle, "secret": secret, "twin": twin, "open": open_group, "author": author,
            "thread": thread, "document": document, "outsider": outsider}


def leaks(text, markers=HIDDEN):
    return [marker for marker in markers if marker.lower() in text.lower()]


def public_outputs(world):
    """(name, url, a text of the public twin that must appear) for every public output."""
    twin, open_group = world["twin"], world["open"]
    return [
        ("home", f.home().url, None),
        ("materials index", f.resource_index().url, twin.title),
        ("communities index", f.community_index().url, open_group.title),
        ("public material with its sidebars", twin.url, twin.title),
        ("public community", open_group.url, twin.title),
        ("profile of the public author", world["author"].get_absolute_url(), twin.title),
        ("search", "/en/search/?q=lantern", twin.title),
        ("search, every language", "/en/search/?q=lantern&all_languages=1", twin.title),
        ("community search", "/en/search/?q=lantern&tab=communities", open_group.title),
        ("people search", "/en/search/?q=lantern&tab=people", None),
        ("autocomplete", "/en/search/autocomplete/?q=lant", None),
        ("API list", "/api/v2/pages/?type=resources.ResourcePage&fields=*", twin.title),
        ("API search", "/api/v2/pages/?search=lantern", twin.title),
        ("API communities", "/api/v2/pages/?type=communities.CommunityPage", open_group.title),
        ("RSS", "/en/feeds/resources.rss", twin.title),
        ("Atom", "/en/feeds/resources.atom", twin.title),
        ("community RSS", f"/en/feeds/community/{open_group.slug}.rss", twin.title),
        ("sitemap", "/sitemap.xml", twin.slug),
        ("OAI-PMH oai_dc", "/oai/?verb=ListRecords&metadataPrefix=oai_dc", twin.title),
        ("OAI-PMH LOM", "/oai/?verb=ListRecords&metadataPrefix=lom", twin.title),
        ("OAI-PMH identifiers", "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc", oai_identifier(twin)),
        ("OAI-PMH sets", "/oai/?verb=ListSets", open_group.slug),
    ]


def sign_in_as(client, who, world):
    if who == "outsider":
        client.force_login(world["outsider"].user)


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_no_public_output_shows_anything_of_a_members_only_community(client, world, who):
    sign_in_as(client, who, world)
    for name, url, expected in public_outputs(world):
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        text = response.content.decode()
        if expected is not None:
            assert expected in text, f"{name}: the public twin is missing, so the check would prove nothing"
        assert not leaks(text), f"{name} ({url}) shows {leaks(text)}"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_members_only_objects_cannot_be_opened_directly(client, world, who):
    sign_in_as(client, who, world)
    secret, circle = world["secret"], world["circle"]
    direct = [secret.url, circle.url, circle.get_children().first().url,
              world["document"].url, f"/en/discussions/thread/{world['thread'].pk}/",
              f"/en/discussions/community/{circle.pk}/", f"/en/feeds/community/{circle.slug}.rss",
              f"/api/v2/pages/{secret.pk}/", f"/api/v2/pages/{circle.pk}/"]
    for url in direct:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        # A "not found" page may repeat the address typed; it must name nothing else.
        assert not leaks(response.content.decode() if not response.streaming else "", TITLES), url
    record = client.get("/oai/", {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": oai_identifier(secret)})
    assert 'code="idDoesNotExist"' in record.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_recommender_never_suggests_members_only_objects(world, who):
    viewer = AnonymousUser() if who == "anonymous" else world["outsider"].user
    twin = world["twin"]
    materials = related_resources(f.resource("Candle light lesson", summary=SUMMARY), viewer=viewer)
    assert twin in [s.object for s in materials], "the public twin should be suggested"
    shown = [s.object for s in materials] + [s.object for s in related_people(twin, viewer=viewer)]
    assert world["secret"] not in shown
    assert not [o for o in shown if leaks(str(o))]


def test_members_see_their_circle_in_the_same_outputs(client, world):
    """The same outputs do show the circle to its members where they are personal (pages, search)."""
    member = world["circle"].memberships().get().person
    client.force_login(member.user)
    assert "Lantern secrets worksheet" in client.get("/en/search/?q=lantern").content.decode()
    assert client.get(world["secret"].url).status_code == 200
    assert client.get(world["document"].url).status_code == 200


# -- Files: the documents API and downloads of drafts ----------------------------------

DRAFT_FILE_TITLES = ["lantern-secrets", "lantern-draft-notes"]


@pytest.fixture
def files(world):
    """The twin's file (public), and a draft waiting for review in the public group with a file of its own."""
    def attach(page, title):
        document = get_document_model().objects.create(
            title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{title}.pdf"),
            collection=Collection.get_first_root_node(), uploaded_by_user=world["author"].user,
        )
        ResourceAttachment.objects.create(page=page, document=document)
        return document

    draft = f.resource("Lantern draft worksheet", summary=SUMMARY, community=world["open"], authors=[world["author"]],
                       live=False)
    return {"public": attach(world["twin"], "lantern-light-handout"),
            "draft": attach(draft, "lantern-draft-notes"), "secret": world["document"]}


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_documents_api_lists_only_files_of_public_pages(client, world, files, who):
    sign_in_as(client, who, world)
    listing = client.get("/api/v2/documents/?limit=500&fields=*")
    assert listing.status_code == 200
    titles = [item["title"] for item in listing.json()["items"]]
    assert "lantern-light-handout" in titles, "the public twin's file is missing, so the check would prove nothing"
    assert not [t for t in titles if t in DRAFT_FILE_TITLES], titles
    assert not leaks(listing.content.decode())
    search = client.get("/api/v2/documents/?search=lantern").json()["items"]
    assert [item["title"] for item in search] == ["lantern-light-handout"]
    for hidden in (files["draft"], files["secret"]):
        assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{files['public'].pk}/").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_files_of_drafts_and_members_only_pages_cannot_be_downloaded(client, world, files, who):
    sign_in_as(client, who, world)
    public = client.get(files["public"].url)
    assert public.status_code == 200, "the public twin's file must download, or the check proves nothing"
    assert public["Content-Disposition"].startswith("attachment")
    for hidden in (files["draft"], files["secret"]):
        response = client.get(hidden.url)
        assert response.status_code in (302, 403, 404), (hidden.title, response.status_code)
