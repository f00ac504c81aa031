"""Editing a material follows its view restrictions first: a credit alone opens nothing.

Adapting copies the original's credits; when the adaptation belongs to a
members-only community, an author of the original who is not a member must
not read it through the edit form or see it in "My materials".
"""

import pytest

from contributions.services import can_edit_draft
from core.text import text_to_paragraph_blocks
from resources.models import ResourcePage
from tests import factories as f

pytestmark = pytest.mark.django_db
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
SECRET_TEXT = "Inside words only the circle reads"


@pytest.fixture
def closed_adaptation(client):
    """Olga wrote a public material; Ada, a member of a members-only community only, adapted it there."""
    olga = f.person("Olga Original")
    page = f.publish(ResourcePage.objects.get(pk=f.resource("Water cycle", licence=CC_BY, authors=[olga]).pk))
    closed = f.community("Closed circle", visibility="members")
    ada = f.person("Ada Adapter")
    f.join(ada, closed)
    client.force_login(ada.user)
    client.post(f"/en/contribute/{page.pk}/adapt/")
    copy = ResourcePage.objects.get(based_on=page)
    assert copy.community == closed and copy.contributors.filter(person=olga).exists()
    # Ada's own words, saved as a draft revision (not yet sent for review).
    draft = copy.get_latest_revision_as_object()
    draft.title = draft.draft_title = "Water cycle, our way"
    draft.body = text_to_paragraph_blocks(SECRET_TEXT)
    draft.save_revision(user=ada.user)
    client.logout()
    return copy, olga, ada


def test_a_credited_non_member_cannot_open_a_members_only_adaptation(client, closed_adaptation):
    copy, olga, _ = closed_adaptation
    assert not can_edit_draft(olga.user, copy)
    client.force_login(olga.user)
    response = client.get(f"/en/contribute/{copy.pk}/edit/")
    assert response.status_code == 404
    assert SECRET_TEXT not in response.content.decode()
    assert client.post(f"/en/contribute/{copy.pk}/edit/", {"title": "Taken over"}).status_code == 404


def test_my_materials_does_not_list_a_members_only_adaptation_to_a_credited_non_member(client, closed_adaptation):
    copy, olga, ada = closed_adaptation
    client.force_login(olga.user)
    html = client.get("/en/contribute/mine/").content.decode()
    assert "Water cycle" in html  # her own material
    assert "Water cycle, our way" not in html and f"/en/contribute/{copy.pk}/" not in html
    client.force_login(ada.user)
    assert "Water cycle, our way" in client.get("/en/contribute/mine/").content.decode()


def test_a_draft_moving_into_a_members_only_community_is_already_closed_to_credited_non_members(client):
    """A live material stays public until its revision is approved; its draft is members-only at once."""
    open_community = f.community("Open circle")
    closed = f.community("Closed circle", visibility="members")
    olga, ada = f.person("Olga Original"), f.person("Ada Author")
    f.join(olga, open_community)
    f.join(ada, open_community)
    f.join(ada, closed)
    page = f.resource("Shared lesson", authors=[olga, ada], community=open_community)
    assert can_edit_draft(olga.user, page)
    draft = page.get_latest_revision_as_object()
    draft.community = closed
    draft.save_revision(user=ada.user)

    page = ResourcePage.objects.get(pk=page.pk)
    assert page.live and page.community == open_community
    assert not can_edit_draft(olga.user, page)
    client.force_login(olga.user)
    assert client.get(f"/en/contribute/{page.pk}/edit/").status_code == 404
    assert can_edit_draft(ada.user, page)
    client.force_login(ada.user)
    assert client.get(f"/en/contribute/{page.pk}/edit/").status_code == 200
