"""The sidebars never show a person or a page outside what each person agreed to share.

Each test breaks if its rule in communities/privacy.py (or the recommender's
use of it) is broken.
"""

import pytest

from recommender.services import related_people, related_resources
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


@pytest.fixture
def page():
    return f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2])


def author_of_similar(name, discoverability, **kwargs):
    person = f.person(name, discoverability=discoverability, **kwargs)
    f.resource(f"Plants and light by {name}", summary=TEXT, subjects=["biology"], levels=[2], authors=[person])
    return person


def names(obj, viewer=None):
    return {s.object.display_name for s in related_people(obj, viewer=viewer)}


def test_not_discoverable_person_is_never_suggested(page):
    author_of_similar("Hidden Hanna", "nobody")
    stranger = f.person("Stranger", country="SE")
    index_all()
    assert "Hidden Hanna" not in names(page)
    assert "Hidden Hanna" not in names(page, stranger.user)


def test_my_communities_person_is_suggested_only_to_members_of_a_shared_community(page):
    carla = author_of_similar("Community Carla", "communities")
    community = f.community("Algarve teachers", country="PT")
    f.join(carla, community)
    member = f.person("Member", country="DE")
    f.join(member, community)
    outsider = f.person("Outsider", country="PT")
    index_all()
    assert "Community Carla" in names(page, member.user)
    assert "Community Carla" not in names(page, outsider.user)
    assert "Community Carla" not in names(page)


def test_a_requested_or_left_membership_does_not_count_as_shared(page):
    carla = author_of_similar("Community Carla", "communities")
    community = f.community("Algarve teachers", country="PT")
    f.join(carla, community)
    applicant = f.person("Applicant", country="PT")
    f.join(applicant, community, status="requested")
    former = f.person("Former", country="PT")
    f.join(former, community, status="left")
    index_all()
    assert "Community Carla" not in names(page, applicant.user)
    assert "Community Carla" not in names(page, former.user)


def test_my_country_person_is_suggested_only_to_viewers_in_that_country(page):
    author_of_similar("Country Karl", "country", country="DE")
    german = f.person("German viewer", country="DE")
    swede = f.person("Swedish viewer", country="SE")
    index_all()
    assert "Country Karl" in names(page, german.user)
    assert "Country Karl" not in names(page, swede.user)
    assert "Country Karl" not in names(page)


def test_europe_person_is_suggested_to_everyone_including_anonymous_visitors(page):
    author_of_similar("Open Olga", "europe")
    index_all()
    assert "Open Olga" in names(page)


def test_a_person_without_account_is_shown_only_when_public(page):
    author_of_similar("Paper Paula", "country", country="SE", with_account=False)
    author_of_similar("Public Pia", "europe", country="SE", with_account=False)
    swede = f.person("Swedish viewer", country="SE")
    index_all()
    assert "Paper Paula" not in names(page, swede.user)
    assert "Public Pia" in names(page, swede.user)


def test_changing_discoverability_takes_effect_without_a_rebuild(page):
    olga = author_of_similar("Open Olga", "europe")
    index_all()
    assert "Open Olga" in names(page)
    olga.discoverability = "nobody"
    olga.save()
    from django.core.cache import cache

    cache.clear()
    assert "Open Olga" not in names(page)


def test_unpublished_material_is_never_suggested(page):
    draft = f.resource("Plants and light draft", summary=TEXT, subjects=["biology"], levels=[2], live=False)
    index_all()
    assert draft.pk not in {s.object.pk for s in related_resources(page)}


def test_members_only_material_is_suggested_to_members_only(page):
    closed = f.community("Closed circle", visibility="members")
    secret = f.resource(
        "Plants and light for members", summary=TEXT, subjects=["biology"], levels=[2], community=closed
    )
    member = f.person("Member", country="SE")
    f.join(member, closed)
    outsider = f.person("Outsider", country="SE")
    index_all()
    assert secret.pk not in {s.object.pk for s in related_resources(page)}
    assert secret.pk not in {s.object.pk for s in related_resources(page, viewer=outsider.user)}
    assert secret.pk in {s.object.pk for s in related_resources(page, viewer=member.user)}


def test_members_only_material_does_not_leak_its_author_through_people_suggestions(page):
    closed = f.community("Closed circle", visibility="members")
    olga = f.person("Open Olga", discoverability="europe")
    f.resource(
        "Plants and light for members", summary=TEXT, subjects=["biology"], levels=[2], community=closed, authors=[olga]
    )
    index_all()
    suggestion = {s.object.display_name: s for s in related_people(page)}.get("Open Olga")
    # Olga is public, but the reason must not reveal the members-only title.
    if suggestion is not None:
        assert all("for members" not in str(r) for r in suggestion.reasons)
