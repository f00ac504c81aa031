"""Material URLs: served, missing or unpublished as before, with the material read in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_material_is_read_once_while_routing(client, home):
    material = f.resource("Photosynthesis in the garden", summary="Plants and light.")
    client.get(material.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(material.url)
    assert response.status_code == 200
    assert response.context["page"].pk == material.pk
    assert "Photosynthesis in the garden" in response.content.decode()
    # Wagtail's own route reads the child by slug as a Page, then its material row by id.
    reads = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "resources_resourcepage"' in q["sql"] or f"\"slug\" = '{material.slug}'" in q["sql"]
    ]
    assert len(reads) == 1, reads


def test_an_unknown_or_unpublished_material_is_not_found(client, home):
    material = f.resource("Photosynthesis in the garden", summary="Plants and light.")
    draft = f.resource("Unfinished worksheet", summary="Not yet.", live=False)
    assert client.get(material.url.rstrip("/") + "-nothing-here/").status_code == 404
    assert client.get(material.url.rsplit("/", 2)[0] + f"/{draft.slug}/").status_code == 404


def test_a_path_below_a_material_is_not_found(client, home):
    material = f.resource("Photosynthesis in the garden", summary="Plants and light.")
    assert client.get(material.url + "more/").status_code == 404
