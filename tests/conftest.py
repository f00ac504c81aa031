"""Shared fixtures. The test settings pick the fast deterministic hashing encoder."""
import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_between_tests():
    """A request to /sv/ activates Swedish for the thread; start and end every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def home(db):
    from kollega.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
