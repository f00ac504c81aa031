"""core.indexing: a bulk write indexes each object once, at the end, and never loses one."""

from core.indexing import search_index_deferred
from resources.models import ResourcePage
from tests import factories as f


def found(word):
    return list(ResourcePage.objects.live().search(word).results()) if word else []


def test_saves_inside_are_remembered_not_indexed_and_saves_after_index_again(db):
    with search_index_deferred([ResourcePage]) as touched:
        page = f.resource("Zwiebelkuchen im Unterricht")
        assert found("Zwiebelkuchen") == []
    assert (ResourcePage, page.pk) in touched
    # Outside, the ordinary per-save indexing is back.
    page.title = "Zwiebelkuchen und Brot"
    page.save_revision().publish()
    assert [p.pk for p in found("Brot")] == [page.pk]


def test_the_signal_comes_back_when_the_block_fails(db):
    try:
        with search_index_deferred([ResourcePage]):
            raise RuntimeError("the import failed")
    except RuntimeError:
        pass
    page = f.resource("Kanelbullar i klassrummet")
    assert [p.pk for p in found("Kanelbullar")] == [page.pk]
