"""The search page on a phone and a desktop: results on the first screen, filters in a panel, removable chips,
no serious accessibility problem, and no English left on the Swedish, German and Portuguese pages."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from recommender import conf
from tests import factories as f
from tests.browser.test_accessibility import violations, wider_than_the_screen
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path("/tmp/search-shots")
# What the search page itself says in English (result cards are the authors' words, in any language).
ENGLISH = [
    "Search materials",
    "Include materials in other languages",
    'Use "quotes"',
    "Refine",
    "Projects",
    "Events",
    "Communities",
    "People",
    "Sort by",
    "Relevance",
    "Newest",
    "Remove filter",
    "Clear all filters",
    "Subject",
    "Level",
    "Nothing matches",
    "You could",
    "Search in other languages",
    "Share a material",
    "Try fewer",
]


@pytest.fixture
def concepts(settings):
    settings.KOLLEGA_RECOMMENDER = {
        **settings.KOLLEGA_RECOMMENDER,
        "ENCODER": "concepts",
        "ENCODERS": {
            **settings.KOLLEGA_RECOMMENDER["ENCODERS"],
            "concepts": {"BACKEND": "tests.search.concept_encoder.ConceptEncoder"},
        },
    }
    conf.reset()
    yield
    conf.reset()


@pytest.fixture
def library(concepts):
    biology = f.subject("biology", "Biology")
    geography = f.subject("geography", "Geography")
    for code, word, water in (("sv", "klimat", "vatten"), ("de", "Klima", "Wasser"), ("pt", "clima", "água")):
        for i, subject in enumerate([geography, geography, biology]):
            f.resource(
                f"{word.capitalize()} {i + 1}: {water}",
                code=code,
                summary=f"{word} {water} " * 6,
                subjects=[subject],
                levels=[2 + i % 2],
            )
    index_all()


def save(page, viewport, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{viewport}.png"), full_page=False)


def test_the_first_result_is_on_the_first_screen_and_filters_sit_in_a_panel(page, viewport, library):
    assert page.goto("/sv/search/?q=klimat").status == 200
    save(page, viewport, "sv-klimat")
    first = page.locator(".search-results .card").first
    box = first.bounding_box()
    height = page.viewport_size["height"]
    assert box["y"] + 40 < height, f"the first result starts at {box['y']}px on a {height}px screen"
    panel = page.locator("details.search-facets")
    results = page.locator(".search-results").bounding_box()
    if viewport == "phone":
        assert panel.get_attribute("open") is None  # collapsed: one line above the results
        page.locator("details.search-facets > summary").click()
        assert page.locator(".facet").first.is_visible()
        save(page, viewport, "sv-klimat-filters-open")
    else:
        assert panel.get_attribute("open") is not None  # a sidebar beside the results
        assert panel.bounding_box()["x"] + panel.bounding_box()["width"] <= results["x"]
    # The other-languages checkbox sits beside its label, on one line.
    checkbox = page.locator("#search-all-languages").bounding_box()
    label = page.locator("label[for=search-all-languages]").bounding_box()
    assert (
        label["x"] > checkbox["x"]
        and abs((label["y"] + label["height"] / 2) - (checkbox["y"] + checkbox["height"] / 2)) < 12
    )


def test_a_chosen_filter_becomes_a_chip_that_removes_it(page, viewport, library):
    page.goto("/sv/search/?q=klimat")
    assert page.locator(".result-count").inner_text().startswith("3 ")
    if viewport == "phone":
        page.locator("details.search-facets > summary").click()
    page.locator('.facet[data-facet="subject"] a', has_text="Biology").click()
    page.wait_for_load_state()
    chip = page.locator(".filter-chips .chip").first
    assert "Biology" in chip.inner_text()
    assert page.locator(".result-count").inner_text().startswith("1 ")
    save(page, viewport, "sv-klimat-chip")
    chip.click()
    page.wait_for_load_state()
    assert page.locator(".filter-chips").count() == 0
    assert page.locator(".result-count").inner_text().startswith("3 ")


def ui_text(page):
    """The page's own words in main, without the result cards."""
    return page.evaluate(
        """() => { const main = document.querySelector('main').cloneNode(true);
        main.querySelectorAll('.card').forEach(c => c.remove());
        return main.innerText; }"""
    )


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_no_serious_accessibility_problem_and_no_english_on_translated_search_pages(page, viewport, library):
    axe = Axe()
    found, english = [], []
    urls = {
        "sv-klimat": "/sv/search/?q=klimat&subject=geography",
        "de-all-languages": "/de/search/?q=Klima&all_languages=on",
        "pt-nothing": "/pt/search/?q=zebrafink&level=2",
        "sv-events": "/sv/search/?tab=events",
        "de-projects": "/de/search/?q=Klima&tab=projects",
    }
    for name, url in urls.items():
        assert page.goto(url).status == 200, url
        if page.locator("details.search-facets").count():
            page.locator("details.search-facets > summary").click()
        found += violations(page, axe) + wider_than_the_screen(page)
        text = ui_text(page)
        english += [f"{url}: {word!r}" for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]
        save(page, viewport, name)
    assert not found, "axe found serious or critical problems:\n" + "\n".join(found)
    assert not english, "English on translated pages:\n" + "\n".join(english)
