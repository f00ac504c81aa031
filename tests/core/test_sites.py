"""The site of a request comes from the content cache, and follows every change to the sites."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests import factories as f

pytestmark = pytest.mark.django_db


def site_queries(queries):
    return [q["sql"] for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]


def test_a_warm_page_does_not_look_the_site_up_again(client, home):
    material = f.resource("Photosynthesis in the garden", summary="Plants and light.")
    client.get(material.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(material.url)
    assert response.status_code == 200
    assert "Photosynthesis in the garden" in response.content.decode()
    assert site_queries(queries.captured_queries) == []


def test_a_new_site_for_a_hostname_serves_its_own_pages_at_once(client, home):
    material = f.resource("Photosynthesis in the garden", summary="Plants and light.")
    assert client.get("/en/", HTTP_HOST="garden.example").context["page"].pk == home.pk  # the default site

    Site.objects.create(hostname="garden.example", port=80, root_page=material, is_default_site=False)

    response = client.get("/en/", HTTP_HOST="garden.example")
    assert response.status_code == 200
    assert response.context["page"].pk == material.pk
    assert client.get("/en/").context["page"].pk == home.pk  # the default site's host is unchanged


def test_a_hostname_without_a_site_falls_back_to_the_default_site(client, home):
    response = client.get("/en/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
