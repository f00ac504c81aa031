"""Recommender fixtures: a clean engine cache and cache per test."""
import pytest
from django.core.cache import cache

from recommender import conf


@pytest.fixture(autouse=True)
def fresh_recommender():
    conf.reset()
    cache.clear()
    yield
    conf.reset()
    cache.clear()
