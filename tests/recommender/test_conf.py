"""Engines are chosen by alias; bad configuration fails with a message naming the alias."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from recommender import conf
from recommender.encoders.hashing import HashingEncoder
from recommender.indexes.embedded import EmbeddedIndex


def test_test_settings_pick_the_hashing_encoder_and_embedded_index():
    assert isinstance(conf.get_encoder(), HashingEncoder)
    assert isinstance(conf.get_index(), EmbeddedIndex)


def test_unknown_alias_is_named_in_the_error(settings):
    settings.KOLLEGA_RECOMMENDER = {**settings.KOLLEGA_RECOMMENDER, "ENCODER": "nonexistent"}
    with pytest.raises(ImproperlyConfigured, match="'nonexistent'"):
        conf.get_encoder()


def test_unimportable_backend_is_named_in_the_error(settings):
    settings.KOLLEGA_RECOMMENDER = {
        **settings.KOLLEGA_RECOMMENDER,
        "INDEXES": {"default": {"BACKEND": "recommender.indexes.nope.Index"}},
    }
    with pytest.raises(ImproperlyConfigured, match="recommender.indexes.nope.Index"):
        conf.get_index()


def test_unknown_weight_is_refused(settings):
    settings.KOLLEGA_RECOMMENDER = {**settings.KOLLEGA_RECOMMENDER, "WEIGHTS": {"popularity": 1.0}}
    with pytest.raises(ImproperlyConfigured, match="popularity"):
        conf.get_config()


def test_system_check_reports_a_missing_index_alias(settings):
    from recommender.checks import check_recommender

    settings.KOLLEGA_RECOMMENDER = {**settings.KOLLEGA_RECOMMENDER, "INDEX": "elsewhere"}
    errors = check_recommender()
    assert any("elsewhere" in e.msg for e in errors)


def test_system_check_passes_with_the_shipped_settings():
    from recommender.checks import check_recommender

    assert check_recommender() == []


def test_hashing_encoder_is_deterministic_and_unit_length():
    import numpy as np

    encoder = HashingEncoder(dimensions=64)
    a = encoder.encode(["Photosynthesis in the school garden"])
    b = HashingEncoder(dimensions=64).encode(["Photosynthesis in the school garden"])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
