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
from tests.events.helpers import event
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

SUMMARY = "Pupils build paper lanterns and measure how far the candle light reaches across the classroom."
TITLES = [
    "Quiet Lantern Circle",
    "Lantern secrets worksheet",
    "Lantern exchange project",
    "Lantern thread topic",
    "Hidden Lanternmaker",
    "Lantern secret evening",
]
HIDDEN = TITLES + ["quiet-lantern-circle", "lantern-secrets-worksheet", "lantern-exchange-project"]


@pytest.fixture
def world():
    physics = f.subject("physics", "Physics")
    circle = f.community("Quiet Lantern Circle", visibility="members")
    open_group = f.community("Open Lantern Group")
    maker = f.person("Hidden Lanternmaker", discoverability="communities")
    f.join(maker, circle)
    author = f.person("Public Lanternwright")
    secret = f.resource(
        "Lantern secrets worksheet",
        summary=SUMMARY,
        subjects=[physics],
        levels=[2],
        tags=["light"],
        community=circle,
        authors=[maker],
    )
    twin = f.resource(
        "Lantern light worksheet",
        summary=SUMMARY,
        subjects=[physics],
        levels=[2],
        tags=["light"],
        community=open_group,
        authors=[author],
    )
    secret_project = f.project(circle, "Lantern exchange project")
    f.project(open_group, "Lantern open project")
    event(secret_project, "Lantern secret evening")
    event(open_group, "Lantern open evening")
    thread = Thread.objects.create(community=circle, title="Lantern thread topic", author=maker)
    Post.objects.create(thread=thread, author=maker, body="Lantern thread body")
    document = get_document_model().objects.create(
        title="lantern-secrets",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="lantern-secrets.pdf"),
        collection=Collection.get_first_root_node(),
    )
    ResourceAttachment.objects.create(page=secret, document=document)
    index_all()
    outsider = f.person("Curious Outsider", country="SE")
    f.join(outsider, open_group)
    return {
        "circle": circle,
        "secret": secret,
        "twin": twin,
        "open": open_group,
        "author": author,
        "thread": thread,
        "document": document,
        "outsider": outsider,
    }


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
        ("project search", "/en/search/?q=lantern&tab=projects&all_languages=on", "Lantern open project"),
        ("event search", "/en/search/?q=lantern&tab=events", "Lantern open evening"),
        ("events browsed", "/en/search/?tab=events&all_languages=on", "Lantern open evening"),
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
    direct = [
        secret.url,
        circle.url,
        circle.get_children().first().url,
        world["document"].url,
        f"/en/discussions/thread/{world['thread'].pk}/",
        f"/en/discussions/community/{circle.pk}/",
        f"/en/feeds/community/{circle.slug}.rss",
        f"/api/v2/pages/{secret.pk}/",
        f"/api/v2/pages/{circle.pk}/",
    ]
    for url in direct:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        # A "not found" page may repeat the address typed; it must name nothing else.
        assert not leaks(response.content.decode() if not response.streaming else "", TITLES), url
    record = client.get(
        "/oai/", {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": oai_identifier(secret)}
    )
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
            title=title,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{title}.pdf"),
            collection=Collection.get_first_root_node(),
            uploaded_by_user=world["author"].user,
        )
        ResourceAttachment.objects.create(page=page, document=document)
        return document

    draft = f.resource(
        "Lantern draft worksheet", summary=SUMMARY, community=world["open"], authors=[world["author"]], live=False
    )
    return {
        "public": attach(world["twin"], "lantern-light-handout"),
        "draft": attach(draft, "lantern-draft-notes"),
        "secret": world["document"],
    }


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


# -- People and pointers in the API, reasons, digests, and a page restricted after indexing --
#
# A second fixture (on top of `world`) adds the canaries these outputs could leak:
# a private person ("nobody") and a person without an account credited on public
# objects; public objects that point at the members-only material and project;
# a public person's members-only adaptation (a sidebar reason); and a public page
# restricted with a password after it was indexed and after its sidebars were
# cached, with no worker run since (the index and the cached lists are stale).

PRIVATE_PEOPLE = ["Private Lanternkeeper", "Paper Lanternist"]
RESTRICTED_LATER = "Lantern password worksheet"
REASON_OF_HIDDEN_WORK = "Adapted this material into"
EXPOSED = HIDDEN + PRIVATE_PEOPLE + [RESTRICTED_LATER, REASON_OF_HIDDEN_WORK]
POINTERS = {"id", "based_on_id", "community_id", "project_id", "parent_community_id", "linked_resource_ids"}


@pytest.fixture
def exposed(world):
    from wagtail.models import PageViewRestriction

    from communities.models import ProjectPartner
    from resources.models import CurriculumUnitResource, ResourceContributor

    circle, secret, twin, open_group = world["circle"], world["secret"], world["twin"], world["open"]
    author = world["author"]
    keeper = f.person("Private Lanternkeeper", discoverability="nobody")
    paper = f.person("Paper Lanternist", discoverability="country", with_account=False)
    f.join(keeper, open_group, role="facilitator")
    credited = f.resource(
        "Lantern colour worksheet", summary=SUMMARY, community=open_group, authors=[author, keeper, paper]
    )
    adaptation = f.resource("Lantern adaptation for all", summary=SUMMARY, based_on=secret, authors=[author])
    hidden_project = circle.get_children().specific().get()
    output = f.resource("Lantern project output", summary=SUMMARY, project=hidden_project, authors=[author])
    open_project = f.project(open_group, "Open lantern project")
    for partner in (keeper, paper):
        ProjectPartner.objects.create(project=open_project, person=partner, school=f"School of {partner}")
    ProjectPartner.objects.create(project=open_project, school="Lantern public school", country="SE")
    unit = f.unit(7, "Lantern unit")
    CurriculumUnitResource.objects.create(unit=unit, resource=twin, sort_order=0)
    CurriculumUnitResource.objects.create(unit=unit, resource=secret, sort_order=1)
    adapter = f.person("Open Lanternadapter", discoverability="europe")
    members_adaptation = f.resource("Lantern circle version", summary=SUMMARY, based_on=twin, community=circle)
    ResourceContributor.objects.create(page=members_adaptation, person=adapter, role="adapter")
    colleague = f.person("Lantern Colleague", discoverability="europe")
    later = f.resource(RESTRICTED_LATER, summary=SUMMARY, community=open_group, authors=[colleague])
    reader = f.person("Lantern Reader", discoverability="europe", bio=SUMMARY)
    reader.user.email = "reader@example.org"
    reader.user.save()
    world["outsider"].bio = SUMMARY  # so that their for-you page and digest have something to say
    world["outsider"].save()
    world["outsider"].user.email = "outsider@example.org"
    world["outsider"].user.save()
    index_all()

    # Before the restriction the sidebars name the later-restricted work (so the checks below can fail);
    # these lists are now cached.
    shown = [str(r) for s in related_people(twin, viewer=AnonymousUser()) for r in s.reasons]
    assert f"Wrote “{RESTRICTED_LATER}”" in shown, shown
    related_people(twin, viewer=world["outsider"].user)
    related_resources(twin, viewer=AnonymousUser())
    # No worker runs in these tests (on_commit callbacks never fire): index and caches stay stale.
    PageViewRestriction.objects.create(page=later, restriction_type=PageViewRestriction.PASSWORD, password="lantern")
    hidden_ids = {secret.pk, circle.pk, hidden_project.pk, members_adaptation.pk, later.pk}
    return {
        "credited": credited,
        "adaptation": adaptation,
        "output": output,
        "open_project": open_project,
        "unit": unit,
        "later": later,
        "reader": reader,
        "hidden_ids": hidden_ids,
    }


def api_person_and_page_outputs(world, exposed):
    """(name, url, a public text that must appear) for every API output naming people or pointing at pages."""
    twin, open_group = world["twin"], world["open"]
    return [
        (
            "API materials",
            (
                "/api/v2/pages/?type=resources.ResourcePage&limit=500"
                "&fields=contributor_list,based_on_id,community_id,project_id"
            ),
            twin.title,
        ),
        (
            "API projects",
            "/api/v2/pages/?type=communities.ProjectPage&fields=partner_list,community_id",
            "Lantern public school",
        ),
        (
            "API communities",
            "/api/v2/pages/?type=communities.CommunityPage&fields=facilitator_names,parent_community_id",
            open_group.title,
        ),
        ("API units", "/api/v2/pages/?type=resources.CurriculumUnitPage&fields=linked_resource_ids", "Lantern unit"),
        ("API every page, every field", "/api/v2/pages/?limit=500&fields=*", twin.title),
        ("API material", f"/api/v2/pages/{exposed['credited'].pk}/", "Public Lanternwright"),
        ("API adaptation", f"/api/v2/pages/{exposed['adaptation'].pk}/", "Lantern adaptation for all"),
        ("API project output", f"/api/v2/pages/{exposed['output'].pk}/", "Lantern project output"),
        ("API project", f"/api/v2/pages/{exposed['open_project'].pk}/", "Lantern public school"),
        ("API community", f"/api/v2/pages/{open_group.pk}/", open_group.title),
        ("API unit", f"/api/v2/pages/{exposed['unit'].pk}/", "Lantern unit"),
        (
            "API filter on a hidden original",
            f"/api/v2/pages/?type=resources.ResourcePage&based_on_id={world['secret'].pk}",
            None,
        ),
    ]


def pointer_values(data):
    """Every page id the JSON names: item ids and the values of fields that point at pages."""
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key in POINTERS:
                found |= set(value) if isinstance(value, list) else {value}
            found |= pointer_values(value)
    elif isinstance(data, list):
        for value in data:
            found |= pointer_values(value)
    return found


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_api_fields_name_no_private_person_and_point_at_no_hidden_page(client, world, exposed, who):
    sign_in_as(client, who, world)
    for name, url, expected in api_person_and_page_outputs(world, exposed):
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        text = response.content.decode()
        if expected is not None:
            assert expected in text, f"{name}: the public object is missing, so the check would prove nothing"
        assert not leaks(text, EXPOSED), f"{name} ({url}) shows {leaks(text, EXPOSED)}"
        pointed = pointer_values(response.json()) & exposed["hidden_ids"]
        assert not pointed, f"{name} ({url}) points at hidden pages {pointed}"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_sidebar_reasons_name_nothing_the_viewer_may_not_see(client, world, exposed, who):
    sign_in_as(client, who, world)
    pages = [world["twin"].url, exposed["credited"].url, exposed["adaptation"].url, world["author"].get_absolute_url()]
    if who == "outsider":
        pages.append("/en/recommendations/for-you/")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        text = response.content.decode()
        assert 'class="reasons"' in text, f"{url}: no reasons shown, so the check would prove nothing"
        assert not leaks(text, EXPOSED), f"{url} shows {leaks(text, EXPOSED)}"


def test_digest_mails_name_nothing_their_reader_may_not_see(world, exposed):
    from io import StringIO

    from django.core import mail
    from django.core.management import call_command

    call_command("send_digests", stdout=StringIO())
    to_reader = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert to_reader and world["twin"].title in to_reader[0].body, "the reader's digest should list the public twin"
    from communities.models import Person

    members = set(world["circle"].memberships().values_list("person__user__email", flat=True))
    names = dict(Person.objects.filter(user__isnull=False).values_list("user__email", "display_name"))
    for message in mail.outbox:
        if set(message.to) & members:
            continue  # the circle's members may read about the circle
        markers = [m for m in EXPOSED if m not in {names.get(address) for address in message.to}]  # "Hello <you>"
        html = "".join(content for content, _mime in message.alternatives)
        for text in (message.subject, message.body, html):
            assert not leaks(text, markers), f"digest to {message.to} shows {leaks(text, markers)}"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_page_restricted_after_indexing_is_absent_from_every_public_output(client, world, exposed, who):
    sign_in_as(client, who, world)
    for name, url, expected in public_outputs(world) + api_person_and_page_outputs(world, exposed):
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        text = response.content.decode()
        if expected is not None:
            assert expected in text, f"{name}: the public twin is missing, so the check would prove nothing"
        assert not leaks(text, [RESTRICTED_LATER]), f"{name} ({url}) shows the page restricted after indexing"
    response = client.get(f"/api/v2/pages/{exposed['later'].pk}/")
    assert response.status_code == 404


# -- Events: a members-only event beside a public twin ---------------------------------

SECRET_EVENT = "Lantern secret evening"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_members_only_event_appears_in_no_public_output(client, world, who):
    from django.urls import reverse

    from tests.events.helpers import event

    secret = event(world["circle"], SECRET_EVENT, online_url="https://meet.example.org/lantern-secret")
    twin = event(world["open"], "Lantern open evening", online_url="https://meet.example.org/lantern-open")
    # Both use the public material: its sidebar suggests upcoming events that use it.
    for page in (secret, twin):
        page.materials.set([world["twin"]])
        page.save()
    month = f"year={twin.start.year}&month={twin.start.month}"
    sign_in_as(client, who, world)
    outputs = public_outputs(world) + [
        ("material sidebar with its events", world["twin"].url, twin.title),
        ("site calendar, list", "/en/events/?view=list", twin.title),
        ("site calendar, month", f"/en/events/?view=month&{month}", twin.title),
        ("site calendar feed", "/en/events/calendar.ics", twin.title),
        ("community calendar page", world["open"].url + "events/?view=list", twin.title),
        ("public community with its events", world["open"].url, twin.title),
        ("public event", twin.url, twin.title),
        ("public event calendar", twin.url + "calendar.ics", twin.title),
        ("API events", "/api/v2/pages/?type=events.EventPage&fields=*", twin.title),
        ("API every page", "/api/v2/pages/?limit=500&fields=*", twin.title),
        ("API search", "/api/v2/pages/?search=lantern+evening", None),
        ("community calendar", reverse("events:community_calendar", args=[world["open"].pk]), twin.title),
        ("sitemap with events", "/sitemap.xml", twin.slug),
        ("search for events", "/en/search/?q=lantern+evening", None),
    ]
    markers = [SECRET_EVENT, secret.slug, "lantern-secret"]
    for name, url, expected in outputs:
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        text = response.content.decode()
        if expected is not None:
            assert expected in text, f"{name}: the public twin is missing, so the check would prove nothing"
        assert not leaks(text, markers), f"{name} ({url}) shows {leaks(text, markers)}"
    for url in (
        secret.url,
        secret.url + "calendar.ics",
        secret.url + "registrants.csv",
        f"/api/v2/pages/{secret.pk}/",
        reverse("events:community_calendar", args=[world["circle"].pk]),
        world["circle"].url + "events/",
    ):
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code)
        assert not leaks(response.content.decode(), [SECRET_EVENT]), url
    assert client.post(secret.url + "register/").status_code == 404
    assert secret.registrations().count() == 0


# -- The notification centre: followers of the circle's people and pages hear nothing of it --


def test_the_notification_centre_names_nothing_of_the_circle_to_an_outsider(client, world):
    from notifications.choices import NotificationKind
    from notifications.models import Follow, Notification
    from notifications.services import follow, notify

    outsider, circle, secret = world["outsider"], world["circle"], world["secret"]
    maker = circle.memberships().get().person
    follow(outsider, world["open"])
    follow(outsider, world["author"])
    # Follows made while the circle was public, and the maker's profile open to Europe, say.
    Follow.objects.create(follower=outsider, page=circle)
    Follow.objects.create(follower=outsider, person=maker)
    f.resource("Lantern circle sequel", summary=SUMMARY, community=circle, authors=[maker])
    f.resource("Lantern open sequel", summary=SUMMARY, community=world["open"], authors=[world["author"]])
    # A notification stored before the circle closed (made directly, as an old row would be).
    Notification.objects.create(
        recipient=outsider, kind=NotificationKind.COMMUNITY_MATERIAL, target=secret, place=circle
    )
    assert (
        notify(outsider, NotificationKind.NEW_THREAD, place=circle, url=f"/en/discussions/thread/{world['thread'].pk}/")
        is None
    )

    client.force_login(outsider.user)
    response = client.get("/en/notifications/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Lantern open sequel" in text, "the public twin's news is missing, so the check would prove nothing"
    assert not leaks(text, HIDDEN + ["Lantern circle sequel"]), leaks(text, HIDDEN + ["Lantern circle sequel"])
    assert "Lantern circle sequel" not in client.get("/en/").content.decode()
    hidden = Notification.objects.get(target=secret)
    assert client.get(f"/en/notifications/{hidden.pk}/").status_code == 404
    client.logout()
    assert client.get("/en/notifications/").status_code == 302


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_networking_report_is_closed_and_a_facilitator_elsewhere_does_not_see_the_circle(client, world, who):
    from django.contrib.auth.models import Permission

    sign_in_as(client, who, world)
    for url in ("/admin/reports/networking/", "/admin/reports/networking/?format=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert not leaks(response.content.decode()), url
    # A facilitator of the public group reads the report, and the circle is not among its communities.
    host = f.person("Open Group Host")
    f.join(host, world["open"], role="facilitator")
    host.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(host.user)
    html = client.get("/admin/reports/networking/").content.decode()
    assert world["open"].title in html and not leaks(html)


def _photo_bytes():
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (120, 90), (20, 120, 60)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_private_persons_profile_photo_is_in_no_public_output(client, world, who):
    """The photo of someone visible only to their communities: not on any page, in the API or at its person page."""
    from wagtail.images import get_image_model

    from accounts.photos import store_photo
    from communities.models import Person

    maker = Person.objects.get(display_name="Hidden Lanternmaker")
    image = store_photo(maker, _photo_bytes())
    rendition = image.get_rendition("fill-160x160")
    markers = [image.file.name.rsplit("/", 1)[-1].split(".")[0], str(image.pk) + "/"]
    assert get_image_model().objects.filter(pk=image.pk).exists()
    sign_in_as(client, who, world)
    for name, url, expected in [
        *public_outputs(world),
        ("API images", "/api/v2/images/", None),
        ("API people's pages", "/api/v2/pages/?limit=500&fields=*", None),
    ]:
        text = client.get(url).content.decode()
        if expected is not None:
            assert expected in text, f"{name}: the public twin is missing, so the check would prove nothing"
        assert not leaks(text, markers[:1]), f"{name} ({url}) shows the private person's photo"
        assert rendition.url not in text, name
    assert client.get(maker.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
