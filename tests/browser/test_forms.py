"""Every form in the site's design, on a phone and a desktop, in Swedish, German and Portuguese.

Each form is opened and sent empty: the error summary appears at the top (announced, each problem a
link to its field), the page stays within the screen, axe-core finds no serious or critical problem,
and no English interface string shows. Screenshots go to /tmp/forms-shots/ (and var/screenshots/).
"""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories as f
from tests.browser.conftest import sign_in_with_a_cookie
from tests.browser.test_accessibility import violations, wider_than_the_screen
from tests.locale.test_i18n import english_left

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path("/tmp/forms-shots")
LANGUAGES = ["sv", "de", "pt"]
# Django's own messages come from Django's catalogue, which the check of ours does not know.
DJANGO_ENGLISH = ["This field is required.", "Enter a valid email address."]


@pytest.fixture
def site():
    olga = f.person("Olga Open", discoverability="europe", country="PT", school="Escola do Porto")
    garden = f.community("Garden teachers", summary="Teachers who teach photosynthesis in school gardens.")
    f.join(olga, garden)
    teacher = f.person("Ana Teacher", discoverability="europe")
    f.join(teacher, garden, role="facilitator")
    material = f.resource(
        "Photosynthesis in the garden",
        summary="Pupils measure how plants use light and water in the school garden.",
        subjects=["biology"],
        levels=[2],
        community=garden,
        authors=[olga],
    )
    material_pt = f.translate(material, "pt", title="Fotossíntese na horta")
    return {"community": garden, "olga": olga, "teacher": teacher, "material": material_pt}


@pytest.fixture
def save(viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(SHOTS / f"{name}-{viewport}.png"), full_page=True)

    return take


def check_empty_submission(page, code, url, name, save, fill=None):
    """Open the form, send it empty and return the problems found (none is the goal)."""
    response = page.goto(url)
    assert response.status == 200, url
    problems = english(page, code) + wider_than_the_screen(page)
    if fill:
        fill(page)
    page.locator("main form.form").last.locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    # Each problem links to a control that exists on the page.
    links = summary.locator("a")
    assert links.count() >= 1, f"{name}: no links in the error summary"
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href")
        assert page.locator(target).count() == 1, f"{name}: {target} is not on the page"
    # The first link moves to its field.
    links.first.click()
    first_target = links.first.get_attribute("href")
    expect(page.locator(first_target)).to_be_focused()
    problems += violations(page, Axe()) + english(page, code) + wider_than_the_screen(page)
    save(page, f"{name}-{code}")
    return problems


def english(page, code):
    html = page.content()
    left = english_left(html, code)
    text = page.locator("main").inner_text()
    left += [s for s in DJANGO_ENGLISH if s in text]
    return [f"{page.url}: English interface text {left}"] if left else []


@pytest.mark.parametrize("code", LANGUAGES)
def test_sign_up_and_sign_in_show_the_error_summary(page, code, save, site):
    found = []
    found += check_empty_submission(page, code, f"/{code}/account/sign-up/", "sign-up", save)
    found += check_empty_submission(page, code, f"/{code}/account/sign-in/", "sign-in", save)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_teachers_forms_show_the_error_summary(page, context, live_server, code, save, site):
    sign_in_with_a_cookie(context, site["teacher"].user, live_server.url)
    community = site["community"]

    def clear_name(page):
        page.locator("#id_display_name").fill("")

    forms = {
        "profile": (f"/{code}/account/profile/", clear_name),
        "contribute": (f"/{code}/contribute/", None),
        "self-assessment": (f"/{code}/self-assessment/", None),
        "invite": (f"/{code}/take-part/community/{community.pk}/invite/", None),
        "contact": (f"/{code}/people/{site['olga'].slug}/contact/", None),
        "new-thread": (f"/{code}/discussions/community/{community.pk}/", None),
    }
    found = []
    for name, (url, fill) in forms.items():
        found += check_empty_submission(page, code, url, name, save, fill=fill)
    assert not found, "\n".join(found)


def test_the_header_reaches_a_teachers_places_and_the_admin(page, context, live_server, save, site):
    """Signed in on a phone or a desktop: the account menu opens and lists every place, the admin too."""
    sign_in_with_a_cookie(context, site["teacher"].user, live_server.url)
    page.goto("/de/")
    menu = page.locator(".account-menu")
    menu.locator("summary").click()
    panel = menu.locator(".account-menu__panel")
    expect(panel).to_be_visible()
    for label in ("Ein Material teilen", "Meine Materialien", "Für Sie", "Mein Profil"):
        expect(panel.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(panel.locator("a[href='/admin/']")).to_be_visible()
    expect(panel.locator("a[href='/de/self-assessment/']")).to_be_visible()
    assert not wider_than_the_screen(page)
    save(page, "header-menu-de")


def test_a_teacher_adds_a_photo_that_shows_on_their_profile(page, context, live_server, save, site, tmp_path):
    """The profile editor's file field takes a phone photo; the profile then shows it, small and round."""
    from PIL import Image as PILImage

    photo = tmp_path / "IMG_0001.jpg"
    PILImage.new("RGB", (2400, 1800), (40, 110, 160)).save(photo, format="JPEG")
    sign_in_with_a_cookie(context, site["teacher"].user, live_server.url)
    page.goto("/sv/account/profile/")
    page.get_by_label("Foto").set_input_files(str(photo))
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".profile-photo img")).to_be_visible()
    expect(page.get_by_label("Ta bort mitt foto")).to_be_visible()
    save(page, "profile-with-photo-sv")
    page.goto(site["teacher"].get_absolute_url().replace("/en/", "/sv/"))
    image = page.locator(".person__photo")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 160
    assert not wider_than_the_screen(page)
    save(page, "person-with-photo-sv")


def test_the_site_shell_fits_the_screen_and_passes_axe(page, save, site):
    """Header, cards, buttons and footer on the home, community and material pages."""
    found = []
    for name, url in {
        "home": "/pt/",
        "community": site["community"].url,
        "material": site["material"].url,
    }.items():
        assert page.goto(url).status == 200, url
        found += violations(page, Axe()) + wider_than_the_screen(page)
        save(page, f"shell-{name}")
    assert not found, "\n".join(found)
