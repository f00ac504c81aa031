"""A new teacher who has joined no community shares into an open one instead of meeting a dead end."""

import pytest
from bs4 import BeautifulSoup

from resources.models import ResourcePage
from tests import factories as f

from .test_contribute import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_and_closed():
    f.resource_index("en")
    europe = f.community("Kollega Europe", scope="european", country="")
    sweden = f.community("Kollega Sverige", scope="national", country="SE")
    germany = f.community("Kollega Deutschland", scope="national", country="DE")
    circle = f.community("Closed circle", scope="european", country="", visibility="members")
    regional = f.community("Uppsala science", scope="regional", country="SE")
    return europe, sweden, germany, circle, regional


def community_options(html):
    select = BeautifulSoup(html, "html.parser").find("select", {"name": "community"})
    return [option.get_text(strip=True) for option in select.find_all("option")]


def test_a_newcomer_may_share_with_their_countrys_or_the_european_community(client, open_and_closed):
    europe, sweden, *_ = open_and_closed
    newcomer = f.person("Nina Newcomer", country="SE")
    client.force_login(newcomer.user)

    response = client.get("/en/contribute/")

    assert response.status_code == 200
    html = response.content.decode()
    assert community_options(html) == ["Kollega Sverige", "Kollega Europe"]
    assert "You have not joined a community yet" in html
    assert "reviews your material before it is published" in html

    response = client.post("/en/contribute/", form_data(europe), follow=True)

    page = ResourcePage.objects.get(title="Water cycle in a jar")
    assert page.community == europe
    assert "sent to the facilitators of Kollega Europe for review" in response.content.decode()


def test_a_newcomer_cannot_send_a_material_to_a_closed_or_another_countrys_community(client, open_and_closed):
    _europe, _sweden, germany, circle, regional = open_and_closed
    newcomer = f.person("Nina Newcomer", country="SE")
    client.force_login(newcomer.user)
    for community in (germany, circle, regional):
        response = client.post("/en/contribute/", form_data(community))
        assert response.status_code == 200  # the form comes back with the choice refused
        assert not ResourcePage.objects.filter(title="Water cycle in a jar").exists()


def test_a_member_chooses_among_their_own_communities(client, open_and_closed):
    _europe, _sweden, _germany, _circle, regional = open_and_closed
    member = f.person("Mia Member", country="SE")
    f.join(member, regional)
    client.force_login(member.user)
    html = client.get("/en/contribute/").content.decode()
    assert community_options(html) == ["Uppsala science"]
    assert "You have not joined a community yet" not in html


def test_a_newcomer_may_adapt_into_an_open_community(client, open_and_closed):
    europe, *_ = open_and_closed
    author = f.person("Olga Original", country="DE")
    original = f.resource("Water cycle", licence="https://creativecommons.org/licenses/by/4.0/", authors=[author])
    newcomer = f.person("Nina Newcomer", country="PT")
    client.force_login(newcomer.user)

    response = client.post(f"/en/contribute/{original.pk}/adapt/")

    copy = ResourcePage.objects.get(based_on=original)
    assert response["Location"] == f"/en/contribute/{copy.pk}/edit/"
    assert copy.community == europe
