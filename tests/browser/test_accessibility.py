"""Journey 4: axe-core finds no serious or critical accessibility problem on the main pages, phone and desktop.

axe-core comes inside the axe-playwright-python package (axe.min.js), so the scan needs no network.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories as f
from tests.browser.conftest import sign_in_with_a_cookie
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."
BLOCKING = {"serious", "critical"}
# axe's default rules, plus p-as-heading (experimental in axe, on in Wagtail's own checker in the
# editors' user bar, which would otherwise tell every editor about a problem on every page).
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"p-as-heading": {"enabled": True}}}


@pytest.fixture
def site():
    olga = f.person(
        "Olga Open", discoverability="europe", country="PT", school="Escola do Porto", bio="I teach biology in Porto."
    )
    garden = f.community("Garden teachers", summary="Teachers who teach photosynthesis in school gardens.")
    f.join(olga, garden)
    material = f.resource(
        "Photosynthesis in the garden",
        summary=TEXT,
        subjects=["biology"],
        levels=[2],
        tags=["garden"],
        community=garden,
        authors=[olga],
    )
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    f.translate(material, "sv", title="Fotosyntes i trädgården")
    teacher = f.person("Ana Teacher", discoverability="europe")
    f.join(teacher, garden, role="facilitator")  # facilitators get the admin, so pages carry Wagtail's user bar
    index_all()
    return {"material": material, "community": garden, "olga": olga, "teacher": teacher}


def violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{page.url}: [{v['impact']}] {v['id']}: {v['help']} -> "
        + "; ".join(node["target"][0] if len(node["target"]) == 1 else str(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def wider_than_the_screen(page):
    """Reflow (WCAG 1.4.10): nothing may make a reader scroll sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    screen = page.viewport_size["width"]
    return [f"{page.url}: {width}px wide on a {screen}px screen"] if width > screen else []


def test_main_pages_have_no_serious_or_critical_violations(page, context, live_server, shot, site):
    axe = Axe()
    anonymous = {
        "home": "/en/",
        "material": site["material"].url,
        "material-sv": "/sv/materials/photosynthesis-in-the-garden/",
        "search": "/en/search/?q=photosynthesis",
        "community": site["community"].url,
        "profile": f"/en/people/{site['olga'].slug}/",
        "sign-in": "/en/account/sign-in/",
    }
    signed_in = {
        "contribute": "/en/contribute/",
        "material-signed-in": site["material"].url,
    }
    found = []
    for name, url in anonymous.items():
        assert page.goto(url).status == 200, url
        found += violations(page, axe) + wider_than_the_screen(page)
        shot(page, name)
    sign_in_with_a_cookie(context, site["teacher"].user, live_server.url)
    for name, url in signed_in.items():
        assert page.goto(url).status == 200, url
        found += violations(page, axe) + wider_than_the_screen(page)
        shot(page, name)
    # The contribution form as it comes back with errors.
    page.goto(signed_in["contribute"])
    page.get_by_role("button", name="Send for review").click()
    page.get_by_role("alert").wait_for()
    found += violations(page, axe) + wider_than_the_screen(page)
    shot(page, "contribute-errors")
    assert not found, "axe found serious or critical problems:\n" + "\n".join(found)


def test_the_scan_itself_reports_problems(browser):
    """axe runs offline and would catch a nameless button and an image without alternative text."""
    page = browser.new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="data:,"><button></button></main></html>')
    found = {v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING}
    page.close()
    assert {"image-alt", "button-name"} <= found
