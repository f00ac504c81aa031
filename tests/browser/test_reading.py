"""Journey 1: a visitor reads a material in Swedish and finds a colleague through "People working on this"."""

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."
SV_SUMMARY = "Eleverna mäter hur växter använder ljus och vatten för fotosyntes i skolträdgården."


@pytest.fixture
def swedish_material():
    olga = f.person("Olga Open", discoverability="europe", country="PT", school="Escola do Porto")
    garden = f.community("Garden teachers", summary="Teachers who teach photosynthesis in school gardens.")
    f.join(olga, garden)
    english = f.resource(
        "Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2], community=garden
    )
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], levels=[2], authors=[olga])
    swedish = f.translate(english, "sv", title="Fotosyntes i trädgården", summary=SV_SUMMARY)
    index_all()
    return swedish, olga


def test_a_visitor_reads_a_swedish_material_and_meets_a_colleague(page, shot, swedish_material):
    swedish, olga = swedish_material
    page.goto(swedish.url)
    assert swedish.url.startswith("/sv/")

    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fotosyntes i trädgården")
    expect(page.get_by_text(SV_SUMMARY).first).to_be_visible()
    # The interface speaks Swedish.
    expect(page.get_by_role("link", name="Logga in", exact=True)).to_be_visible()
    people = page.locator("section.sidebar-people")
    expect(people.get_by_role("heading", name="Personer som arbetar med detta")).to_be_visible()
    expect(page.get_by_role("heading", name="Relaterat material")).to_be_visible()
    shot(page, "swedish-material")

    # Olga is suggested, with the reason why.
    suggestion = people.locator("li.suggestion").filter(has_text="Olga Open")
    expect(suggestion).to_be_visible()
    expect(suggestion.locator(".reasons li").first).not_to_be_empty()
    suggestion.scroll_into_view_if_needed()
    shot(page, "people-working-on-this", full_page=False)

    suggestion.get_by_role("link", name="Olga Open").click()
    # The link says where the suggestion was shown (the Networking report counts the opening).
    expect(page).to_have_url(f"{page.url.split('/sv/')[0]}/sv/people/{olga.slug}/?via=resource")
    expect(page.get_by_role("heading", level=1)).to_have_text("Olga Open")
    expect(page.get_by_text("Escola do Porto").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    shot(page, "profile")
