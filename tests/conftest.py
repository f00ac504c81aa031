"""Shared fixtures. The test settings pick the fast deterministic hashing encoder."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with an empty cache and freshly loaded recommender engines."""
    from django.core.cache import cache

    from recommender import conf

    conf.reset()
    cache.clear()
    yield
    conf.reset()
    cache.clear()


@pytest.fixture(autouse=True)
def english_between_tests():
    """A request to /sv/ activates Swedish for the thread; start and end every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
