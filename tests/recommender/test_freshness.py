"""Vectors and sidebars follow publishing, and failures leave the last good sidebars in place."""

import pytest

from recommender import conf
from recommender.encoders.base import EncoderError
from recommender.encoders.hashing import HashingEncoder
from recommender.indexes.base import IndexUnavailable
from recommender.models import Embedding
from recommender.services import related_people, related_resources
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


def test_publishing_indexes_a_new_material_in_the_background(django_capture_on_commit_callbacks):
    page = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"])
    with django_capture_on_commit_callbacks(execute=True):
        other = f.resource("Plants and light", summary=TEXT, subjects=["biology"])
    assert other.pk in {s.object.pk for s in related_resources(page)}


def test_unpublishing_removes_a_material_from_the_sidebars(django_capture_on_commit_callbacks):
    page = f.resource("Photosynthesis in the garden", summary=TEXT)
    other = f.resource("Plants and light", summary=TEXT)
    index_all()
    assert other.pk in {s.object.pk for s in related_resources(page)}
    with django_capture_on_commit_callbacks(execute=True):
        other.unpublish()
    assert other.pk not in {s.object.pk for s in related_resources(page)}


def test_deleting_a_material_removes_it(django_capture_on_commit_callbacks):
    page = f.resource("Photosynthesis in the garden", summary=TEXT)
    other = f.resource("Plants and light", summary=TEXT)
    index_all()
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert related_resources(page) == []


def test_saving_a_profile_updates_its_vector(django_capture_on_commit_callbacks):
    person = f.person("Olga", discoverability="europe")
    page = f.resource("Photosynthesis in the garden", summary=TEXT)
    index_all()
    with django_capture_on_commit_callbacks(execute=True):
        person.bio = "I teach photosynthesis with plants, light and water in our school garden."
        person.save()
    assert "Olga" in {s.object.display_name for s in related_people(page)}


def test_vectors_record_the_model_and_a_new_model_re_encodes(settings):
    f.resource("Photosynthesis in the garden", summary=TEXT)
    index_all()
    assert set(Embedding.objects.values_list("model_id", flat=True)) == {"hashing-v1-256"}
    settings.KOLLEGA_RECOMMENDER = {
        **settings.KOLLEGA_RECOMMENDER,
        "ENCODERS": {
            **settings.KOLLEGA_RECOMMENDER["ENCODERS"],
            "hashing": {"BACKEND": "recommender.encoders.hashing.HashingEncoder", "DIMENSIONS": 128},
        },
    }
    conf.reset()
    figures = index_all()
    assert figures["encoded_texts"] == 1
    assert "hashing-v1-128" in set(Embedding.objects.values_list("model_id", flat=True))


def test_an_unchanged_text_is_not_encoded_again():
    f.resource("Photosynthesis in the garden", summary=TEXT)
    assert index_all()["encoded_texts"] == 1
    assert index_all()["encoded_texts"] == 0


def test_an_interrupted_rebuild_resumes_after_the_last_finished_batch(monkeypatch):
    from recommender.rebuild import rebuild

    for i in range(5):
        f.resource(f"Material {i}", summary=f"{TEXT} Variant {i}.")
    calls = {"n": 0}
    encoder = conf.get_encoder()
    real = encoder.encode

    def flaky(texts):
        calls["n"] += 1
        if calls["n"] == 3:  # the third batch
            raise EncoderError("out of memory")
        return real(texts)

    monkeypatch.setattr(encoder, "encode", flaky)
    with pytest.raises(EncoderError):
        rebuild(batch_size=2)
    encoded_before = Embedding.objects.count()
    assert encoded_before == 4
    monkeypatch.setattr(encoder, "encode", real)
    figures = rebuild(resume=True, batch_size=2)
    assert figures["encoded_texts"] == 1
    assert figures["documents"] == 5 + 0  # five materials, no people


class BrokenEncoder(HashingEncoder):
    def _encode_batch(self, texts):
        raise EncoderError("model files missing")


def test_a_failing_encoder_keeps_the_last_good_sidebars_and_logs(settings, caplog, django_capture_on_commit_callbacks):
    page = f.resource("Photosynthesis in the garden", summary=TEXT)
    other = f.resource("Plants and light", summary=TEXT)
    index_all()
    before = [s.object.pk for s in related_resources(page)]
    conf._instances[("encoder", "hashing")] = BrokenEncoder()
    with django_capture_on_commit_callbacks(execute=True):
        other.title = "Plants and light, revised"
        other.save_revision().publish()
    assert "Encoder failed" in caplog.text
    assert [s.object.pk for s in related_resources(page)] == before


def test_a_failing_index_serves_the_last_good_sidebars(client, monkeypatch):
    page = f.resource("Photosynthesis in the garden", summary=TEXT)
    other = f.resource("Plants and light", summary=TEXT)
    index_all()
    assert other.pk in [s.object.pk for s in related_resources(page)]
    from recommender import services

    services.invalidate()

    def down(*args, **kwargs):
        raise IndexUnavailable("connection refused")

    monkeypatch.setattr(conf.get_index(), "knn", down)
    assert other.pk in [s.object.pk for s in related_resources(page)]
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Plants and light" in response.content.decode()


def test_a_bulk_load_enqueues_one_batched_update(django_capture_on_commit_callbacks, monkeypatch):
    from recommender import tasks

    batches = []
    monkeypatch.setattr(tasks, "_safe_enqueue", lambda task, keys: batches.append((task.name, keys)))
    with django_capture_on_commit_callbacks(execute=True):
        with tasks.deferred_updates():
            a = f.resource("Photosynthesis in the garden", summary=TEXT)
            b = f.resource("Plants and light", summary=TEXT)
    updates = [keys for name, keys in batches if name == "update_recommendations"]
    assert len(updates) == 1
    assert {f"resource:{a.pk}", f"resource:{b.pk}"} <= set(updates[0])
