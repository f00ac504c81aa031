"""A restricted translation is offered only to those who may open it.

The language switcher, the "Also available in" list and the "Adapted from"
link follow communities.privacy for the viewer; the hreflang links in the page
head are always what an anonymous visitor may open (crawlers have no session).
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_swedish():
    """A public English material whose Swedish translation only a group may open."""
    f.resource_index("sv")
    english = f.resource("Water cycle")
    swedish = f.translate(english, "sv", title="Hemlig vattencykel", slug="hemlig-vattencykel")
    group = Group.objects.create(name="Swedish editors")
    restriction = PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    insider = f.person("Ingrid Insider")
    insider.user.groups.add(group)
    return english, swedish, insider


def head(html):
    return html[: html.index("</head>")]


def test_an_outsider_is_not_offered_a_restricted_translation(client, restricted_swedish):
    english, swedish, _ = restricted_swedish
    for signed_in in (None, f.person("Otto Outsider")):
        if signed_in:
            client.force_login(signed_in.user)
        html = client.get(english.url).content.decode()
        assert swedish.url not in html, "the switcher, list or head links to the restricted translation"
        assert "Hemlig vattencykel" not in html
        assert 'hreflang="sv"' not in head(html)


def test_a_viewer_who_may_open_the_translation_gets_it_in_the_switcher_and_the_list(client, restricted_swedish):
    english, swedish, insider = restricted_swedish
    client.force_login(insider.user)
    assert client.get(swedish.url).status_code == 200
    html = client.get(english.url).content.decode()
    body = html[html.index("</head>") :]
    assert body.count(f'href="{swedish.url}"') == 2  # the switcher and "Also available in"
    assert "Hemlig vattencykel" in body
    # The head stays as an anonymous visitor sees it.
    assert 'hreflang="sv"' not in head(html) and swedish.url not in head(html)


def test_a_public_translation_is_still_announced_to_everyone(client):
    f.resource_index("de")
    english = f.resource("Water cycle")
    german = f.translate(english, "de", title="Wasserkreislauf", slug="wasserkreislauf")
    html = client.get(english.url).content.decode()
    assert f'hreflang="de" href="http://localhost{german.url}"' in head(html)
    assert f'href="{german.url}"' in html[html.index("</head>") :]


def test_a_members_only_page_announces_no_alternates_even_to_its_members(client):
    community = f.community("Closed circle", visibility="members")
    member = f.person()
    f.join(member, community)
    f.resource_index("de")
    english = f.resource("Inside lesson", community=community)
    f.translate(english, "de", title="Innen", slug="innen")
    client.force_login(member.user)
    response = client.get(english.url)
    assert response.status_code == 200
    assert 'rel="alternate" hreflang' not in head(response.content.decode())


def test_adapted_from_does_not_link_a_restricted_translation_of_the_original(client, restricted_swedish):
    english, swedish, _ = restricted_swedish
    adaptation = f.resource("Vattencykel för små", code="sv", based_on=english)
    html = client.get(adaptation.url).content.decode()
    assert "Hemlig vattencykel" not in html and swedish.url not in html
    assert english.url in html  # the original, as it may be opened
