"""Browser tests: Playwright (sync API) driving Debian's chromium against pytest-django's live server.

One browser for the whole run, a fresh context per test and viewport (phone and desktop). The tests
skip, with the reason, only when /usr/bin/chromium is missing; .ci/run installs it. Playwright's own
browser download is never used (`playwright install` is not needed and cannot work on our machines).

Ordering: the browser tests run after every other test. Playwright's sync API keeps an asyncio loop
marked as running in the thread while the browser is open, and Django refuses ORM calls while a loop
runs (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The session's browser fixture
sets it only while the browser is open, and running these tests last keeps it away from the rest.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
BROWSER_DIR = Path(__file__).resolve().parent

VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 1,
    },
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}


def _is_browser_test(item):
    return BROWSER_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(session, config, items):
    browser_items = [item for item in items if _is_browser_test(item)]
    if not browser_items:
        return
    # Run last, in their own order (see the module docstring).
    others = [item for item in items if not _is_browser_test(item)]
    items[:] = others + browser_items
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
        for item in browser_items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # The test database exists (django_db_setup) before the loop starts. While a loop runs, Django's
    # connection handler (an asgiref Local) gives this thread new connection objects; they must know
    # the contents serialized at set-up, or serialized_rollback restores nothing after the first test.
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, contents in serialized.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        connections.close_all()  # this context's connections, before the database is dropped
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def context(browser, viewport, live_server):
    ctx = browser.new_context(base_url=live_server.url, locale="en-GB", **VIEWPORTS[viewport])
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def shot(request, viewport):
    """shot(page, "step") saves var/screenshots/<test>-<viewport>-<nn>-<step>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", request.node.originalname.removeprefix("test_").lower()).strip("-")
    counter = iter(range(1, 100))

    def take(page, step, full_page=True):
        path = SCREENSHOTS / f"{name}-{viewport}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def sign_in_with_the_form(page, username, password, next_url="/en/"):
    """The real sign-in form, as a person would use it."""
    page.goto(f"/en/account/sign-in/?next={next_url}")
    page.get_by_label(re.compile("user ?name", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(password)
    page.locator("main form").get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_in_with_a_cookie(context, user, base_url):
    """A session made by Django's test client, handed to the browser (faster than the form)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
