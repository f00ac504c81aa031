"""With the vector index failing, every page still answers 200 with its main content.

The sidebars fall back to the last good lists (recommender.services keeps
them without expiry) or, when there are none, show their short "nothing yet"
notice; never a server error. Unit-level checks of the fallback are in
tests/recommender/test_freshness.py; these are end-to-end page checks.
"""

import pytest

from recommender import conf, services
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."
INDEX_METHODS = (
    "get",
    "knn",
    "knn_many",
    "upsert",
    "delete",
    "keys",
    "count",
    "blocks",
    "group_documents",
    "adaptations_of",
    "vectors_for",
    "clear",
)


def break_index(monkeypatch, error=ConnectionError("vector index unreachable")):
    index = conf.get_index()

    def down(*args, **kwargs):
        raise error

    for name in INDEX_METHODS:
        if hasattr(index, name):
            monkeypatch.setattr(index, name, down)
    return index


@pytest.fixture
def site():
    olga = f.person("Olga Open", discoverability="europe", country="PT", school="Escola do Porto")
    me = f.person("Me Teacher", discoverability="europe", country="SE")
    community = f.community("Garden teachers", summary="Teachers who teach photosynthesis in school gardens.")
    f.join(olga, community)
    f.join(me, community)
    material = f.resource(
        "Photosynthesis in the garden",
        summary=TEXT,
        subjects=["biology"],
        levels=[2],
        community=community,
        authors=[me],
    )
    other = f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    project = f.project(community, title="Garden project", theme="Photosynthesis in school gardens", summary=TEXT)
    unit = f.unit(1, title="Facilitating a garden lesson", summary=TEXT)
    index_all()
    return {
        "material": material,
        "other": other,
        "community": community,
        "project": project,
        "unit": unit,
        "olga": olga,
        "me": me,
    }


def pages(site):
    return {
        "material": (site["material"].url, "Photosynthesis in the garden"),
        "community": (site["community"].url, "Garden teachers"),
        "project": (site["project"].url, "Garden project"),
        "unit": (site["unit"].url, "Facilitating a garden lesson"),
        "profile": (f"/en/people/{site['olga'].slug}/", "Olga Open"),
        "search": ("/en/search/?q=photosynthesis", "Photosynthesis in the garden"),
        "home": ("/en/", "Kollega"),
    }


@pytest.mark.parametrize("error", [ConnectionError("refused"), TimeoutError("timed out")])
def test_pages_render_with_a_notice_when_the_index_fails_and_nothing_was_cached(client, site, monkeypatch, error):
    break_index(monkeypatch, error)
    for name, (url, main) in pages(site).items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert main in html, name
    html = client.get(site["material"].url).content.decode()
    assert "No related materials yet." in html
    assert "No one to suggest yet." in html


def test_pages_serve_the_last_good_sidebars_when_the_index_fails(client, site, monkeypatch):
    before = {name: client.get(url).content.decode() for name, (url, _) in pages(site).items()}
    assert "Plants and light" in before["material"]
    assert "Olga Open" in before["community"]
    services.invalidate()  # what an index update would do: fresh lists are due
    break_index(monkeypatch)
    for name, (url, main) in pages(site).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert main in response.content.decode(), name
    assert "Plants and light" in client.get(site["material"].url).content.decode()
    assert "Olga Open" in client.get(site["community"].url).content.decode()
    assert "Olga Open" in client.get(site["project"].url).content.decode()


def test_the_for_you_page_renders_when_the_index_fails(client, site, monkeypatch):
    break_index(monkeypatch)
    client.force_login(site["me"].user)
    response = client.get("/en/recommendations/for-you/")
    assert response.status_code == 200
    assert "Suggested colleagues" in response.content.decode()


def test_publishing_works_while_the_index_fails(client, site, monkeypatch, django_capture_on_commit_callbacks):
    break_index(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        page = f.resource("Published while the index is down", summary=TEXT, subjects=["biology"])
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Published while the index is down" in response.content.decode()


def test_a_new_page_is_indexed_once_the_index_is_back(client, site, monkeypatch, django_capture_on_commit_callbacks):
    with monkeypatch.context() as broken:
        break_index(broken)
        with django_capture_on_commit_callbacks(execute=True):
            page = f.resource("Greenhouse light lesson", summary=TEXT, subjects=["biology"])
        assert client.get(page.url).status_code == 200
    services.invalidate()
    # The page's own sidebars index it when the update task was lost to the outage.
    client.get(page.url)
    assert f"resource:{page.pk}" in conf.get_index().get([f"resource:{page.pk}"])
    assert "Greenhouse light lesson" in client.get(site["material"].url).content.decode()
