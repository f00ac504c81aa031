"""The public API: page metadata serialises, and members-only or draft content never reaches anonymous clients."""
import pytest
from django.contrib.auth import get_user_model

from tests import factories

RESOURCE_FIELDS = "material_language,subject_list,level_list,licence,contributor_list,based_on_id,community_id"


@pytest.fixture
def community(db):
    return factories.community("Stockholm biology teachers", country="SE", region="Stockholm")


def get_items(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_resources_are_listed_with_their_metadata(client, community):
    author = factories.person("Anna Lind", country="SE")
    original = factories.resource("Leaves and light")
    page = factories.resource(
        "Photosynthesis", code="en", subjects=["biology"], levels=[2, 3], authors=[author],
        based_on=original, community=community,
    )
    items = get_items(client, f"type=resources.ResourcePage&fields={RESOURCE_FIELDS}")
    item = next(i for i in items if i["id"] == page.pk)
    assert item["title"] == "Photosynthesis"
    assert item["material_language"] == "en"
    assert item["subject_list"] == ["biology"]
    assert item["level_list"] == [2, 3]
    assert item["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert item["contributor_list"] == [{"name": "Anna Lind", "role": "author", "country": "SE"}]
    assert item["based_on_id"] == original.pk
    assert item["community_id"] == community.pk


def test_communities_are_listed_with_scope_country_and_member_count(client, community):
    factories.join(factories.person(), community)
    factories.join(factories.person(discoverability="nobody"), community)
    factories.join(factories.person(), community, status="requested")
    items = get_items(client, "type=communities.CommunityPage&fields=scope,country_code,region,member_count")
    item = next(i for i in items if i["id"] == community.pk)
    assert item["scope"] == "regional"
    assert item["country_code"] == "SE"
    assert item["region"] == "Stockholm"
    # Private members count (the number is not personal data); requests do not.
    assert item["member_count"] == 2


@pytest.mark.parametrize("page_type", [
    "home.HomePage", "home.StandardPage", "resources.ResourceIndexPage", "resources.ResourcePage",
    "resources.CurriculumPage", "resources.CurriculumUnitPage", "communities.CommunityIndexPage",
    "communities.CommunityPage", "communities.ProjectPage",
])
def test_every_page_type_serialises_all_its_api_fields(client, community, page_type):
    from home.models import StandardPage

    factories.add_child(factories.home(), StandardPage(title="About", slug="about", summary="Who we are"))
    factories.resource("Photosynthesis", community=community, tags=["plants"])
    factories.unit(1, "First unit", learning_outcomes=[("outcome", "Plan a meeting")])
    factories.project(community, "Rivers")
    from django.apps import apps

    model = apps.get_model(page_type)
    fields = ",".join(f.name for f in model.api_fields)
    items = get_items(client, f"type={page_type}&fields={fields}")
    assert items, page_type
    detail = client.get(f"/api/v2/pages/{items[0]['id']}/")
    assert detail.status_code == 200
    for field in model.api_fields:
        assert field.name in items[0]


def test_members_only_community_and_its_materials_are_absent_for_anonymous_clients(client, db):
    private = factories.community("Secret circle", visibility="members")
    hidden = factories.resource("Members-only lesson", community=private)
    visible = factories.resource("Open lesson")
    ids = {i["id"] for i in get_items(client, "type=resources.ResourcePage")}
    assert visible.pk in ids and hidden.pk not in ids
    assert private.pk not in {i["id"] for i in get_items(client, "type=communities.CommunityPage")}
    assert private.pk not in {i["id"] for i in get_items(client, "limit=500")}
    # follow: Django's LocaleMiddleware sends any unprefixed 404 on to /en/...
    assert client.get(f"/api/v2/pages/{hidden.pk}/", follow=True).status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/", follow=True).status_code == 404


def test_members_see_their_members_only_community_in_the_api(client, db):
    private = factories.community("Secret circle", visibility="members")
    hidden = factories.resource("Members-only lesson", community=private)
    member = factories.person("Member")
    factories.join(member, private)
    outsider = factories.person("Outsider")

    client.force_login(outsider.user)
    assert hidden.pk not in {i["id"] for i in get_items(client, "type=resources.ResourcePage")}

    client.force_login(member.user)
    assert hidden.pk in {i["id"] for i in get_items(client, "type=resources.ResourcePage")}


def test_drafts_are_absent_from_the_api(client, db):
    draft = factories.resource("Unfinished lesson")
    draft.unpublish()
    assert draft.pk not in {i["id"] for i in get_items(client, "type=resources.ResourcePage")}
    assert client.get(f"/api/v2/pages/{draft.pk}/", follow=True).status_code == 404
