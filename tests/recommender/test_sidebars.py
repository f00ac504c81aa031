"""The sidebars render on every page type in all four locales, with reasons."""

import pytest
from django.core.cache import cache

from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."
SV = "Eleverna mäter hur växter använder ljus och vatten för fotosyntes i skolträdgården."


@pytest.fixture
def site_with_work():
    olga = f.person("Olga Open", discoverability="europe", country="PT", school="Escola do Porto")
    community = f.community("Garden teachers", summary="Teachers who teach photosynthesis in school gardens.")
    f.join(olga, community)
    material = f.resource(
        "Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2], community=community
    )
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    project = f.project(community, title="Garden project", theme="Photosynthesis in school gardens", summary=TEXT)
    unit = f.unit(1, title="Facilitating a garden lesson", summary=TEXT)
    return {"material": material, "community": community, "project": project, "unit": unit, "olga": olga}


@pytest.mark.parametrize("kind", ["material", "community", "project", "unit"])
def test_sidebars_show_people_and_materials_with_reasons(client, site_with_work, kind):
    index_all()
    html = client.get(site_with_work[kind].url).content.decode()
    assert "People working on this" in html
    assert "Related materials" in html
    assert "Olga Open" in html
    assert "Escola do Porto" in html
    assert 'class="reasons"' in html


@pytest.mark.parametrize("code", ["sv", "de", "pt"])
def test_sidebars_render_in_every_locale(client, site_with_work, code):
    translated = {
        kind: f.translate(site_with_work[kind], code, title=f"{site_with_work[kind].title} ({code})")
        for kind in ("material", "community", "project", "unit")
    }
    index_all()
    for kind, page in translated.items():
        cache.clear()
        response = client.get(page.url)
        assert response.status_code == 200, (kind, code)
        html = response.content.decode()
        assert "Olga Open" in html, (kind, code)
        assert f'lang="{code}"' in html


def test_a_profile_shows_colleagues_with_similar_work(client, site_with_work):
    bea = f.person("Bea Garden", discoverability="europe", country="SE")
    f.resource("Photosynthesis outdoors", summary=TEXT, subjects=["biology"], levels=[2], authors=[bea])
    index_all()
    html = client.get(f"/en/people/{site_with_work['olga'].slug}/").content.decode()
    assert "Colleagues with similar work" in html
    assert "Bea Garden" in html


def test_related_materials_in_other_languages_carry_a_language_badge(client, site_with_work):
    f.resource("Fotosyntes i trädgården", code="sv", summary=TEXT, subjects=["biology"], levels=[2])
    index_all()
    html = client.get(site_with_work["material"].url).content.decode()
    assert 'class="badge badge-language" lang="sv"' in html


def test_for_you_page_lists_suggested_colleagues_and_related_work(client, site_with_work):
    me = f.person("Me Teacher", discoverability="europe", country="SE")
    f.resource("My garden lesson", summary=TEXT, subjects=["biology"], levels=[2], authors=[me])
    index_all()
    client.force_login(me.user)
    html = client.get("/en/recommendations/for-you/").content.decode()
    assert "Suggested colleagues" in html and "Olga Open" in html
    assert "New work related to yours" in html and "Plants and light" in html
