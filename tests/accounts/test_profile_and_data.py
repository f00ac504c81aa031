"""The profile editor, the personal data export and account deletion, as the teacher and others see them."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Page

from communities.models import Membership, Person
from discussions.models import Post, Thread
from recommender.models import Dismissal
from recommender.services import related_people
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db
User = get_user_model()
TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


def profile_data(person, **changes):
    data = {
        "display_name": person.display_name,
        "school": person.school,
        "country": person.country.code or "",
        "region": person.region,
        "bio": person.bio,
        "interests": "",
        "discoverability": person.discoverability,
    }
    data.update(changes)
    return data


# -- Profile editor --------------------------------------------------------------------


def test_profile_editor_explains_each_discoverability_choice_in_plain_words(client):
    teacher = f.person(discoverability="nobody")
    client.force_login(teacher.user)
    html = client.get("/en/account/profile/").content.decode()
    for label in ("Not discoverable", "My communities only", "My country", "All of Europe"):
        assert label in html
    assert "Nobody can see your profile" in html
    assert "including visitors who are not signed in" in html


def test_changing_discoverability_in_the_editor_makes_the_profile_public(client):
    teacher = f.person("Greta Garden", discoverability="nobody")
    assert client.get(teacher.get_absolute_url()).status_code == 404
    client.force_login(teacher.user)
    response = client.post(
        "/en/account/profile/",
        profile_data(
            teacher,
            discoverability="europe",
            school="Ekskolan",
            interests="outdoor learning, STEAM",
            subjects=[f.subject("biology").pk],
            open_to_collaboration="on",
        ),
    )
    assert response.status_code == 302
    client.logout()
    response = client.get(teacher.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Greta Garden" in html and "Ekskolan" in html and "outdoor learning" in html
    assert "Open to collaboration" in html
    teacher.refresh_from_db()
    assert [s.slug for s in teacher.subjects.all()] == ["biology"]


def test_profile_editor_needs_signing_in(client):
    response = client.get("/en/account/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/en/account/sign-in/")


# -- Data export -------------------------------------------------------------------------


def test_data_export_holds_profile_memberships_contributions_dismissals_and_posts(client):
    teacher = f.person("Erik Export", school="Björkskolan", bio="I teach biology.")
    community = f.community("Skåne teachers")
    f.join(teacher, community, role="facilitator")
    resource = f.resource("Leaves and light", authors=[teacher])
    draft = f.resource("Unfinished draft", authors=[teacher], live=False)
    Dismissal.objects.create(user=teacher.user, key="resource:999")
    thread = Thread.objects.create(community=community, title="Field trips", author=teacher)
    Post.objects.create(thread=thread, author=teacher, body="Who has been to the botanical garden?")
    client.force_login(teacher.user)

    response = client.get("/en/account/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["display_name"] == "Erik Export"
    assert data["profile"]["school"] == "Björkskolan"
    assert data["account"]["email"] == teacher.user.email
    assert [(m["community"]["title"], m["role"], m["status"]) for m in data["memberships"]] == [
        ("Skåne teachers", "facilitator", "active")
    ]
    contributions = {c["page"]["title"]: c for c in data["contributions"]}
    assert set(contributions) == {"Leaves and light", "Unfinished draft"}
    assert contributions["Leaves and light"]["page"]["live"] and not contributions["Unfinished draft"]["page"]["live"]
    assert data["dismissed_suggestions"][0]["key"] == "resource:999"
    assert data["discussion_posts"][0]["body"] == "Who has been to the botanical garden?"
    assert resource.pk and draft.pk


def test_data_export_is_only_ever_ones_own(client):
    response = client.get("/en/account/my-data.json")
    assert response.status_code == 302


# -- Deletion ------------------------------------------------------------------------------


def delete(client, person, **extra):
    client.force_login(person.user)
    return client.post("/en/account/delete/", {"password": "pw-kollega-1", **extra})


def test_deleting_needs_the_password(client):
    teacher = f.person()
    client.force_login(teacher.user)
    response = client.post("/en/account/delete/", {"password": "wrong"})
    assert "This is not your password" in response.content.decode()
    assert User.objects.filter(pk=teacher.user.pk).exists()


def test_after_deletion_the_person_appears_nowhere_and_their_work_stays(client):
    zelda = f.person("Zelda Zetterlund", discoverability="europe", school="Zeta School", bio="Gardens.")
    community = f.community("Garden teachers")
    f.join(zelda, community)
    published = f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[zelda])
    other = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2])
    profile_url = zelda.get_absolute_url()
    index_all()
    assert "Zelda Zetterlund" in {s.object.display_name for s in related_people(other)}
    assert client.get(profile_url).status_code == 200
    search = client.get("/en/search/", {"q": "Zelda", "tab": "people"})
    assert zelda in search.context["people"]
    user_pk = zelda.user.pk

    response = delete(client, zelda)
    assert response.status_code == 200 and "Your account is deleted" in response.content.decode()
    assert not User.objects.filter(pk=user_pk).exists()
    assert "_auth_user_id" not in client.session

    # The profile: gone under its old address and its new one.
    zelda.refresh_from_db()
    assert client.get(profile_url).status_code == 404
    assert client.get(zelda.get_absolute_url()).status_code == 404
    # Nothing personal is left.
    assert zelda.display_name == "Former member"
    assert (zelda.school, zelda.bio, zelda.discoverability, zelda.user) == ("", "", "nobody", None)
    # Sidebars, search and community pages.
    cache.clear()
    index_all()
    viewer = f.person()
    for who in (None, viewer.user):
        suggested = related_people(other, viewer=who)
        assert zelda.pk not in {s.object.pk for s in suggested}
    for query in ("Zelda", "Former member"):
        search = client.get("/en/search/", {"q": query, "tab": "people"})
        assert zelda not in search.context["people"]
    assert not Membership.objects.filter(person=zelda).exists()
    assert "Zelda" not in client.get(community.url).content.decode()

    # The published material still renders and keeps its contributor row (a generic credit).
    page = client.get(published.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Plants and light" in html and "Zelda" not in html
    assert published.contributors.get().person.public_name == "Former member"
    # Credited under the generic name, with no link to the (gone) profile.
    assert "Former member" in html and zelda.get_absolute_url() not in html


def test_former_member_name_is_shown_in_the_readers_language(client):
    teacher = f.person()
    delete(client, teacher)
    teacher.refresh_from_db()
    from django.utils import translation

    with translation.override("en"):
        assert str(teacher.public_name) == "Former member"


def test_deleting_with_drafts_removes_only_drafts_written_alone(client):
    teacher = f.person()
    colleague = f.person()
    published = f.resource("Published work", authors=[teacher])
    alone = f.resource("My own draft", authors=[teacher], live=False)
    shared = f.resource("Shared draft", authors=[teacher, colleague], live=False)
    delete(client, teacher, delete_drafts="on")
    remaining = set(Page.objects.filter(pk__in=[published.pk, alone.pk, shared.pk]).values_list("title", flat=True))
    assert remaining == {"Published work", "Shared draft"}


def test_deleting_without_ticking_keeps_the_drafts(client):
    teacher = f.person()
    draft = f.resource("My own draft", authors=[teacher], live=False)
    delete(client, teacher)
    assert Page.objects.filter(pk=draft.pk).exists()
    assert Person.objects.get(pk=teacher.pk).is_former_member
