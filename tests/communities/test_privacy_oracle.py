"""A members-only page answers an outsider exactly as a missing page does.

A redirect to sign-in for a restricted address and a 404 for a missing one
would tell anyone which members-only communities, projects and materials
exist. Outsiders, anonymous or signed in, get the same 404 for both; members
get their pages, and a signed-out member finds a sign-in link on the 404 page
that brings them back.
"""

import re

import pytest
from wagtail.models import Page, PageViewRestriction

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed():
    community = f.community("Closed circle", visibility="members")
    member = f.person("Mia Member")
    f.join(member, community)
    project = f.project(community, "Inside project")
    lesson = f.resource("Inside lesson", community=community)
    return community, project, lesson, member


def missing_id():
    return (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


def normalised(response, *variable):
    """The body with what legitimately differs (the address asked for, CSRF tokens) blanked out."""
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    for value in variable:
        body = body.replace(str(value), "<X>")
    return body


def pages_of(closed):
    community, project, lesson, _ = closed
    return [community, project, lesson]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_a_members_only_page_answers_an_outsider_as_a_missing_page_does(client, closed, who):
    if who == "outsider":
        client.force_login(f.person("Otto Outsider").user)
    for page in pages_of(closed):
        missing_url = page.url.rstrip("/") + "-not-here/"
        restricted, missing = client.get(page.url), client.get(missing_url)
        assert restricted.status_code == missing.status_code == 404, page.url
        assert "Location" not in restricted
        assert page.title not in restricted.content.decode()
        # The language switcher repeats the address under each language prefix.
        assert normalised(restricted, page.url[3:]) == normalised(missing, missing_url[3:])


def test_members_still_get_their_pages(client, closed):
    *_, member = closed
    client.force_login(member.user)
    for page in pages_of(closed):
        assert client.get(page.url).status_code == 200, page.url


def test_a_signed_out_member_signs_in_from_the_404_page_and_comes_back(client, closed):
    _, _, lesson, member = closed
    member.user.set_password("a-long-Pass-phrase-42")
    member.user.save()
    html = client.get(lesson.url).content.decode()
    sign_in = f"/en/account/sign-in/?next={lesson.url}"
    assert f'href="{sign_in}"' in html
    response = client.post(sign_in, {"username": member.user.username, "password": "a-long-Pass-phrase-42"})
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert client.get(lesson.url).status_code == 200


def test_the_404_page_offers_no_sign_in_link_to_someone_signed_in(client, closed):
    client.force_login(f.person().user)
    html = client.get(closed[0].url).content.decode()
    assert "/en/account/sign-in/" not in html


def test_a_password_protected_page_keeps_its_password_form(client):
    lesson = f.resource("Password lesson")
    PageViewRestriction.objects.create(
        page=lesson,
        restriction_type=PageViewRestriction.PASSWORD,
        password="open-sesame",
    )
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
@pytest.mark.parametrize(
    "template",
    [
        "/en/discussions/community/{}/",
        "/en/discussions/community/{}/reports/",
        "/en/take-part/community/{}/requests/",
        "/en/take-part/community/{}/invite/",
        "/en/take-part/community/{}/projects/new/",
        "/en/take-part/community/{}/join/",
        "/en/take-part/community/{}/leave/",
    ],
)
def test_front_end_addresses_naming_a_restricted_community_answer_as_for_a_missing_id(client, closed, who, template):
    community = closed[0]
    if who == "outsider":
        client.force_login(f.person("Otto Outsider").user)
    absent = missing_id()
    for method in (client.get, client.post):
        restricted = method(template.format(community.pk))
        missing = method(template.format(absent))
        assert restricted.status_code == missing.status_code, (template, method)
        assert restricted.get("Location", "").replace(f"/{community.pk}/", "<X>") == missing.get(
            "Location", ""
        ).replace(f"/{absent}/", "<X>")
        assert normalised(restricted, f"/{community.pk}/") == normalised(missing, f"/{absent}/")


@pytest.mark.parametrize(
    "template", ["/en/take-part/project/{}/partners/", "/en/contribute/{}/edit/", "/en/contribute/{}/adapt/"]
)
def test_front_end_addresses_naming_a_restricted_page_answer_as_for_a_missing_id(client, closed, template):
    _, project, lesson, _ = closed
    client.force_login(f.person("Otto Outsider").user)
    page = project if "project" in template else lesson
    absent = missing_id()
    restricted, missing = client.get(template.format(page.pk)), client.get(template.format(absent))
    assert restricted.status_code == missing.status_code == 404
    assert normalised(restricted, f"/{page.pk}/") == normalised(missing, f"/{absent}/")
