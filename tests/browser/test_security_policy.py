"""The production content security policy blocks nothing the site itself needs, in a real browser.

The live test server runs the test settings, so each response gets the policy that production
would send for its path (kollega.security.policy_for) on its way to the browser. Chromium reports
every refused style, script, font, image or request on the console; the pages must work with
none refused: styles applied, the search suggestions fetched by our own script.
"""

import pytest
from playwright.sync_api import expect

from kollega.security import policy_for
from tests import factories as f
from tests.browser.conftest import sign_in_with_a_cookie
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


def serve_with_the_production_policy(context):
    def add_policy(route):
        response = route.fetch()
        path = "/" + route.request.url.split("/", 3)[3] if route.request.url.count("/") >= 3 else "/"
        headers = {**response.headers, "content-security-policy": policy_for(path)}
        route.fulfill(response=response, headers=headers)

    context.route("**/*", add_policy)


@pytest.fixture
def context(browser, live_server):
    """One desktop browser context: the policy does not depend on the screen size."""
    ctx = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1366, "height": 900})
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def refused(page):
    messages = []
    page.on(
        "console", lambda message: messages.append(message.text) if "Content Security Policy" in message.text else None
    )
    return messages


@pytest.fixture
def material():
    olga = f.person("Olga Open", discoverability="europe", country="PT")
    garden = f.community("Garden teachers")
    f.join(olga, garden)
    page = f.resource(
        "Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2], community=garden, authors=[olga]
    )
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    index_all()
    return page, garden, olga


def test_public_pages_work_under_the_production_policy(page, context, refused, material):
    serve_with_the_production_policy(context)
    resource, garden, olga = material
    for url in ("/en/", resource.url, garden.url, olga.get_absolute_url(), "/en/account/sign-in/"):
        page.goto(url)
        # The stylesheet applied: the header is not the browser's default white.
        assert page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.goto("/en/search/?q=photosynthesis")
    expect(page.get_by_role("link", name="Photosynthesis in the garden").first).to_be_visible()
    with page.expect_response(lambda response: "/search/autocomplete/" in response.url):
        page.locator("#search-q").fill("plants")
    expect(page.locator("#search-suggestions option[value='Plants and light']")).to_have_count(1)
    assert refused == []


def test_the_contribution_form_and_the_admin_work_under_their_policies(page, context, refused, material, live_server):
    serve_with_the_production_policy(context)
    _, garden, _ = material
    teacher = f.person("Ana Facilitator")
    f.join(teacher, garden, role="facilitator")
    sign_in_with_a_cookie(context, teacher.user, live_server.url)
    page.goto("/en/contribute/")
    expect(page.get_by_label("Title")).to_be_visible()
    page.goto("/admin/")
    expect(page.locator("main, #main").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert refused == []
