"""The editors' admin: people, memberships and material screens open for a superuser."""

import pytest
from django.contrib.auth import get_user_model

from tests import factories


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-kollega-1")
    client.force_login(user)
    return client


def test_people_listing_loads_and_shows_people(admin_client):
    factories.person("Anna Lind", school="Kungsholmens gymnasium")
    response = admin_client.get("/admin/snippets/communities/person/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Lind" in html and "Kungsholmens gymnasium" in html


def test_people_listing_filters_and_searches(admin_client):
    factories.person("Anna Lind", country="SE", open_to_collaboration=True)
    factories.person("Rita Sousa", country="PT", discoverability="nobody")
    html = admin_client.get("/admin/snippets/communities/person/?country=PT").content.decode()
    assert "Rita Sousa" in html and "Anna Lind" not in html
    html = admin_client.get("/admin/snippets/communities/person/?discoverability=nobody").content.decode()
    assert "Rita Sousa" in html and "Anna Lind" not in html
    html = admin_client.get("/admin/snippets/communities/person/?q=lind").content.decode()
    assert "Anna Lind" in html and "Rita Sousa" not in html


def test_memberships_listing_loads_and_filters_by_status(admin_client):
    community = factories.community("Stockholm biology teachers")
    factories.join(factories.person("Anna Lind"), community, role="facilitator")
    factories.join(factories.person("Rita Sousa"), community, status="requested")
    response = admin_client.get("/admin/snippets/communities/membership/")
    assert response.status_code == 200
    assert "Anna Lind" in response.content.decode()
    html = admin_client.get("/admin/snippets/communities/membership/?status=requested").content.decode()
    assert "Rita Sousa" in html and "Anna Lind" not in html


def test_person_edit_view_loads(admin_client):
    person = factories.person("Anna Lind")
    response = admin_client.get(f"/admin/snippets/communities/person/edit/{person.pk}/")
    assert response.status_code == 200


def test_communities_menu_groups_people_and_memberships(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Communities" in html and "People" in html and "Memberships" in html


def test_resource_page_edit_view_loads(admin_client):
    page = factories.resource("Photosynthesis", subjects=["biology"], levels=[2])
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Photosynthesis" in response.content.decode()


def test_materials_listing_shows_resources_of_every_locale(admin_client):
    page = factories.resource("Photosynthesis")
    factories.translate(page, "sv", title="Fotosyntes")
    response = admin_client.get("/admin/materials/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Photosynthesis" in html and "Fotosyntes" in html


def test_community_page_edit_view_loads(admin_client):
    community = factories.community("Stockholm biology teachers")
    assert admin_client.get(f"/admin/pages/{community.pk}/edit/").status_code == 200
