"""Subject and type names: read once per request, and a rename shows on the next page."""

import pytest
from django.core.cache import cache

from tests import factories as f
from tests.recommender.helpers import index_all
from vocabularies import models as vocabularies
from vocabularies.models import Subject, localized_names

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


class CountingCache:
    """The shared cache, counting the reads of vocabulary names."""

    def __init__(self, backend):
        self.backend = backend
        self.label_reads = []

    def get(self, key, *args, **kwargs):
        if key.startswith("vocabularies:labels:"):
            self.label_reads.append(key)
        return self.backend.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.backend, name)


@pytest.fixture
def counting(monkeypatch):
    counter = CountingCache(cache)
    monkeypatch.setattr(vocabularies, "cache", counter)
    return counter


def test_a_material_page_reads_each_vocabularys_names_once(client, counting):
    olga = f.person("Olga Open", discoverability="europe", country="PT")
    material = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2])
    for n in range(4):
        f.resource(f"Plants and light {n}", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    index_all()
    client.get(material.url)  # fills the caches
    counting.label_reads.clear()

    html = client.get(material.url).content.decode()

    assert html.count("Also about Biology") >= 2  # several reasons name the subject
    assert counting.label_reads
    assert len(counting.label_reads) == len(set(counting.label_reads))


def test_a_renamed_subject_shows_on_the_next_page(client):
    material = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2])
    assert "Biology" in client.get(material.url).content.decode()

    biology = Subject.objects.get(slug="biology", locale__language_code="en")
    biology.name = "Life sciences"
    biology.save()

    assert "Life sciences" in client.get(material.url).content.decode()


def test_within_a_request_a_rename_shows_at_once(counting):
    f.subject("biology", "Biology")
    vocabularies.start_request_memo()
    try:
        assert localized_names(Subject, "en")["slug"]["biology"] == "Biology"
        assert localized_names(Subject, "en")["slug"]["biology"] == "Biology"
        assert len(counting.label_reads) == 1

        biology = Subject.objects.get(slug="biology", locale__language_code="en")
        biology.name = "Life sciences"
        biology.save()  # an editor saving, then the page of the same request rendering

        assert localized_names(Subject, "en")["slug"]["biology"] == "Life sciences"
    finally:
        vocabularies.end_request_memo()


def test_outside_a_request_names_come_from_the_shared_cache_every_time(counting):
    """A worker or command sees a rename made by another process (which empties the shared cache)."""
    f.subject("biology", "Biology")
    assert localized_names(Subject, "en")["slug"]["biology"] == "Biology"
    Subject.objects.filter(slug="biology").update(name="Life sciences")  # no signal: as in another process
    cache.delete(vocabularies._labels_key(Subject, "en"))  # that process's forget_labels

    assert localized_names(Subject, "en")["slug"]["biology"] == "Life sciences"
    assert len(counting.label_reads) == 2
