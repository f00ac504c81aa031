"""Pages that show a signed-in teacher's own data tell every cache not to keep them.

Before, my-data.json, the profile editor, the for-you page, drafts and saved
self-assessments went out without Cache-Control: a shared proxy, or the browser of a
shared school computer after signing out, could serve one teacher's data to the next.
"""

import pytest

from assessment.models import SelfAssessment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    me = f.person("Petra Private", school="Privata skolan", bio="Only mine.")
    community = f.community("Garden teachers")
    f.join(me, community)
    draft = f.resource("My unfinished worksheet", authors=[me], live=False, community=community)
    public = f.resource("A public material", community=community)
    saved = SelfAssessment.objects.create(person=me, school="Privata skolan", answers={}, scores={})
    client.force_login(me.user)
    return {"me": me, "draft": draft, "public": public, "saved": saved}


def private_urls(data):
    return {
        "my data": "/en/account/my-data.json",
        "profile editor": "/en/account/profile/",
        "delete account": "/en/account/delete/",
        "for you": "/en/recommendations/for-you/",
        "contribute": "/en/contribute/",
        "my materials": "/en/contribute/mine/",
        "draft editor": f"/en/contribute/{data['draft'].pk}/edit/",
        "adapt": f"/en/contribute/{data['public'].pk}/adapt/",
        "self-assessment": "/en/self-assessment/",
        "saved result": f"/en/self-assessment/{data['saved'].pk}/",
        "assessment history": "/en/self-assessment/history/",
    }


def test_pages_with_the_teachers_own_data_are_private_and_never_stored(client, signed_in):
    for name, url in private_urls(signed_in).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, (name, response.get("Cache-Control"))


def test_the_export_holds_the_teachers_data(client, signed_in):
    # The export under test is the personal one, not an empty answer.
    response = client.get("/en/account/my-data.json")
    assert response.json()["profile"]["school"] == "Privata skolan"
