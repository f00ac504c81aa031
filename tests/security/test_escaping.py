"""Script injection in every free-text field a teacher can fill is shown as text, never run.

Each payload is typed where a user can type it (the contribution form, the
project form, the discussion forms, the search box, a profile, an uploaded
file's name) or saved on the model where only editors write (community
names). Then every page that shows it is parsed and searched for what a
browser would execute: a <script> with the payload, any on* attribute, an
<img src=x>, a javascript: link.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from communities.models import ProjectPage
from core.text import text_to_rich_text
from discussions.models import Thread
from resources.models import ResourcePage
from tests import factories as f
from tests.contributions.test_contribute import form_data
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
LINK = "javascript:alert(1)"
PAYLOAD = f"{SCRIPT} {ATTRIBUTE} {LINK}"
DATA_BLOCKS = ("application/ld+json", "application/json")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def executable(html):
    """Everything in the page a browser would run because of a payload."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        text = script.get_text()
        if (script.get("type") or "").lower() in DATA_BLOCKS:
            # A data block (JSON-LD) is never executed; it must stay one valid JSON
            # value that no "</script>" in a title can end early.
            try:
                json.loads(text)
            except ValueError:
                found.append(f"broken data block: {text[:200]}")
            if "<" in text:
                found.append(f"unescaped < in data block: {text[:200]}")
        elif "alert(1)" in text:
            found.append(str(script)[:200])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={value!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "data") and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag.name} {name}={value!r}>")
        if tag.name == "img" and tag.get("src") == "x":
            found.append(str(tag)[:200])
    return found


def shown_as_text(html, text=SCRIPT):
    return text in BeautifulSoup(html, "html.parser").get_text()


def check(client, url, *, expect_text=SCRIPT, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    assert executable(html) == [], url
    if expect_text:
        assert shown_as_text(html, expect_text), f"payload not shown on {url}"
    return html


@pytest.fixture
def member(client):
    f.resource_index("en")
    community = f.community(
        PAYLOAD,
        summary=PAYLOAD,
        description=text_to_rich_text(PAYLOAD),
    )
    person = f.person(f"Ana {SCRIPT}", discoverability="europe", school=PAYLOAD, bio=PAYLOAD, region=PAYLOAD)
    f.join(person, community)
    client.force_login(person.user)
    return person, community


def contribution(community, **extra):
    """The contribution form as a teacher fills it, with the payloads in every free-text field."""
    return form_data(
        community,
        **{
            "title": f"Water {PAYLOAD}",
            "summary": f"Jar {PAYLOAD}",
            "body_text": f"First {PAYLOAD}\n\nSecond {PAYLOAD}",
            "tags": f'"{SCRIPT}", "{ATTRIBUTE}", {LINK}',
            **extra,
        },
    )


def test_a_contributed_material_shows_every_payload_as_text(client, member):
    person, community = member
    upload = SimpleUploadedFile(f"{ATTRIBUTE} <script>.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/contribute/", {**contribution(community), "files": [upload]})
    assert response.status_code in (200, 302)
    page = ResourcePage.objects.get(title=f"Water {PAYLOAD}")
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert [t.name for t in page.tags.all()]  # the tags were taken as typed
    html = check(client, page.url)
    assert shown_as_text(html, f"Jar {PAYLOAD}")
    assert shown_as_text(html, f"Second {PAYLOAD}")
    # The uploaded file's name: shown as the attachment's title, linked without a payload in the URL.
    attachment = page.attachments.get().document
    assert "onerror=alert(1)" in attachment.title  # a "/" in a file name would be taken as a folder
    assert shown_as_text(html, attachment.title)
    for tag in page.tags.all():
        assert shown_as_text(html, tag.name), tag.name
    # The teacher's own list, the edit form and the community page list the material too.
    check(client, "/en/contribute/mine/")
    check(client, f"/en/contribute/{page.pk}/edit/")
    check(client, community.url)


def test_the_contribution_form_re_renders_the_payload_as_text_after_an_error(client, member):
    person, community = member
    response = client.post("/en/contribute/", contribution(community, summary="", licence="not-a-licence"))
    assert response.status_code == 200
    html = response.content.decode()
    assert executable(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("input", {"name": "title"})["value"] == f"Water {PAYLOAD}"
    assert SCRIPT in soup.find("textarea", {"name": "body_text"}).get_text()
    assert not ResourcePage.objects.filter(title=f"Water {PAYLOAD}").exists()


def test_community_person_and_project_fields(client, member):
    person, community = member
    response = client.post(
        f"/en/take-part/community/{community.pk}/projects/new/",
        {
            "title": f"Rain {PAYLOAD}",
            "theme": f"Theme {PAYLOAD}",
            "summary": f"Sum {PAYLOAD}",
            "description": f"Desc {PAYLOAD}\n\n<b>bold</b> {PAYLOAD}",
            "looking_for_partners": "on",
        },
    )
    assert response.status_code in (200, 302)
    project = ProjectPage.objects.get(title=f"Rain {PAYLOAD}")
    html = check(client, project.url)
    for text in (f"Theme {PAYLOAD}", f"Sum {PAYLOAD}", f"Desc {PAYLOAD}", "<b>bold</b>"):
        assert shown_as_text(html, text), text
    html = check(client, community.url)
    assert shown_as_text(html, PAYLOAD)
    html = check(client, f"/en/people/{person.slug}/")
    assert shown_as_text(html, f"Ana {SCRIPT}")
    check(client, "/en/account/profile/", expect_text=None)
    check(client, "/en/communities/", expect_text=SCRIPT)


def test_discussion_titles_and_posts(client, member):
    person, community = member
    client.post(f"/en/discussions/community/{community.pk}/", {"title": f"Trip {PAYLOAD}", "body": f"Post {PAYLOAD}"})
    thread = Thread.objects.get()
    client.post(f"/en/discussions/thread/{thread.pk}/", {"body": f"Reply {PAYLOAD}"})
    html = check(client, f"/en/discussions/thread/{thread.pk}/")
    for text in (f"Trip {PAYLOAD}", f"Post {PAYLOAD}", f"Reply {PAYLOAD}"):
        assert shown_as_text(html, text), text
    check(client, f"/en/discussions/community/{community.pk}/")


def test_the_search_page_and_results_show_payloads_as_text(client, member):
    person, community = member
    f.resource(
        f"Garden {PAYLOAD}", summary=f"Photosynthesis {PAYLOAD}", tags=[SCRIPT], community=community, authors=[person]
    )
    html = check(client, "/en/search/?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E", expect_text=None)
    assert BeautifulSoup(html, "html.parser").find("input", {"name": "q"}) is not None
    for q in (f"garden {PAYLOAD}", ATTRIBUTE, LINK):
        check(client, "/en/search/?" + __import__("urllib.parse").parse.urlencode({"q": q}), expect_text=None)
    check(client, "/en/search/?q=photosynthesis")
    check(client, "/en/search/?q=garden&tab=communities", expect_text=None)
    check(client, "/en/search/?q=ana&tab=people", expect_text=None)
    response = client.get("/en/search/autocomplete/?q=garden")
    assert response["Content-Type"].startswith("application/json")


def test_sidebars_and_reasons_show_payloads_as_text(client, member):
    person, community = member
    text = "Pupils measure how plants use light and water for photosynthesis in the school garden."
    a = f.resource(f"Garden {PAYLOAD}", summary=text, tags=[SCRIPT, "garden"], community=community, authors=[person])
    b = f.resource("Plants and light", summary=text, tags=[SCRIPT, "garden"], community=community)
    index_all()
    html = check(client, b.url)
    assert shown_as_text(html, f"Garden {PAYLOAD}")
    check(client, a.url)
    check(client, f"/en/people/{person.slug}/")
    client.force_login(person.user)
    check(client, "/en/recommendations/for-you/", expect_text=None)


def test_admin_lists_show_payload_titles_as_text(client, member, admin_user):
    person, community = member
    page = f.resource(f"Garden {PAYLOAD}", summary=f"Photosynthesis {PAYLOAD}", community=community)
    client.force_login(admin_user)
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert not [img for img in soup.find_all("img") if img.get("src") == "x"]
    assert not soup.find_all(lambda tag: any(k == "onerror" for k in tag.attrs))
    response = client.get(f"/admin/pages/{page.get_parent().pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert not [img for img in soup.find_all("img") if img.get("src") == "x"]
    assert not soup.find_all(lambda tag: any(k == "onerror" for k in tag.attrs))
    assert SCRIPT in soup.get_text()
