"""Whole pages for anonymous visitors (core/page_cache.py): shared only when nothing in them is anyone's own.

The page-cache safety tests of tests/kollega/test_query_budgets.py run here again with the
page cache on: a member filling a cache, a translation restricted or unpublished, a person
turning private. The tests below add what only a whole-page cache could get wrong.
"""

import pytest
from django.urls import reverse

from core.page_cache import HEADER
from tests.kollega import test_query_budgets as budgets

# Run again with the page cache on.
site = budgets.site
test_a_member_filling_the_cache_does_not_show_an_anonymous_visitor_a_members_only_adaptation = (
    budgets.test_a_member_filling_the_cache_does_not_show_an_anonymous_visitor_a_members_only_adaptation
)
test_a_person_turning_private_is_no_longer_credited_in_the_cached_json_ld = (
    budgets.test_a_person_turning_private_is_no_longer_credited_in_the_cached_json_ld
)
test_a_translation_restricted_after_the_cache_was_filled_disappears_from_the_language_links = (
    budgets.test_a_translation_restricted_after_the_cache_was_filled_disappears_from_the_language_links
)
test_an_unpublished_translation_disappears_at_once = budgets.test_an_unpublished_translation_disappears_at_once
test_the_cached_newest_materials_of_the_home_page_follow_the_viewer = (
    budgets.test_the_cached_newest_materials_of_the_home_page_follow_the_viewer
)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.KOLLEGA_PAGE_CACHE_SECONDS = 300


def test_an_anonymous_visitor_gets_the_same_page_from_the_cache_without_queries(
    client, site, django_assert_max_num_queries
):
    url = site["material"].url
    first = client.get(url)
    assert first.status_code == 200 and first[HEADER] == "miss"
    with django_assert_max_num_queries(1):
        again = client.get(url)
    assert again[HEADER] == "hit"
    assert again.content == first.content and "Photosynthesis lesson 0" in again.content.decode()


def test_a_published_change_is_shown_at_once(client, site):
    page = site["material"]
    client.get(page.url)
    page.title = "Photosynthesis, revised"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response[HEADER] == "miss" and "Photosynthesis, revised" in response.content.decode()


def test_signed_in_readers_are_never_served_or_stored(client, site):
    url = site["material"].url
    client.force_login(site["member"].user)
    signed_in = client.get(url)
    assert HEADER not in signed_in and "Circle member" in signed_in.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get(url)
    assert anonymous[HEADER] == "miss"
    # The signed-in menu (sign out) was not kept for the next visitor.
    assert reverse("accounts:sign_out") in signed_in.content.decode()
    assert reverse("accounts:sign_out") not in anonymous.content.decode()


def test_a_members_only_page_is_not_kept_for_anyone(client, site):
    secret = site["secret"]
    assert client.get(secret.url).status_code == 404
    client.force_login(site["member"].user)
    member_view = client.get(secret.url)
    assert member_view.status_code == 200 and HEADER not in member_view
    client.logout()
    client.cookies.clear()
    assert client.get(secret.url).status_code == 404


def test_addresses_with_a_query_string_always_run(client, site):
    url = site["material"].url + "?via=material"
    client.get(url)
    assert HEADER not in client.get(url)


def test_each_reader_time_zone_has_its_own_copy(client, site):
    url = site["material"].url
    client.get(url)
    client.cookies["kollega_tz"] = "Europe/Lisbon"
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"
    # A made-up zone is no zone: it shares the copy of readers without one.
    client.cookies["kollega_tz"] = "Mars/Olympus" + "x" * 60
    assert client.get(url)[HEADER] == "hit"


def test_a_page_that_sets_a_cookie_is_not_shared(client, site):
    """A page with a form sets the CSRF cookie: its token is that visitor's own."""
    from wagtail.models import PageViewRestriction

    page = site["material"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for _ in range(2):
        form = client.get(page.url)
        assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()
        assert HEADER not in form
