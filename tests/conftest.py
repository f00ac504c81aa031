"""Shared fixtures. The test settings pick the fast deterministic hashing encoder."""
import pytest


@pytest.fixture
def home(db):
    from kollega.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
