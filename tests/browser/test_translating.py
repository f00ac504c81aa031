"""Journey 2: an editor translates an English material into Swedish with wagtail-localize and publishes it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Photosynthesis in the school garden"
SUMMARY = "Pupils measure how light changes the growth of cress."
SV_TITLE = "Fotosyntes i skolträdgården"
SV_SUMMARY = "Eleverna mäter hur ljuset påverkar krassens tillväxt."


@pytest.fixture
def english_material():
    f.resource_index("sv")
    return f.resource(TITLE, summary=SUMMARY, subjects=["biology"])


@pytest.fixture
def editor():
    """An editor who may translate (Editors, as wagtail-localize asks) and publish (Moderators)."""
    user = get_user_model().objects.create_user("eva", "eva@example.org", "pw-kollega-1", first_name="Eva")
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    return user


def sign_in_to_the_admin(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))  # the dashboard


def translate_segment(page, field, text):
    """The translation editor (a React app): open a segment, type, save; wait until the text is shown."""
    strings = page.get_by_role("tabpanel", name="Content")
    segment = strings.get_by_role("listitem").filter(has=page.get_by_role("heading", name=field, exact=True))
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(text, exact=True)).to_be_visible()
    expect(segment.get_by_role("textbox")).to_have_count(0)


def test_an_editor_translates_a_material_into_swedish(page, shot, english_material, editor):
    sign_in_to_the_admin(page, "eva", "pw-kollega-1")
    page.goto(f"/admin/pages/{english_material.pk}/edit/")
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Translate").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Translate page {TITLE}")
    page.get_by_role("checkbox", name="Svenska").check()
    shot(page, "choose-language")
    page.get_by_role("button", name="Submit").click()

    # The translation editor opens with the English strings to translate.
    expect(page.get_by_role("status")).to_contain_text("successfully submitted for translation into Svenska")
    expect(page.get_by_role("heading", name="English to Svenska translation")).to_be_visible()
    strings = page.get_by_role("tabpanel", name="Content")
    expect(strings.get_by_text(TITLE, exact=True)).to_be_visible()
    expect(strings.get_by_text(SUMMARY, exact=True)).to_be_visible()
    shot(page, "translation-editor")

    translate_segment(page, "Title", SV_TITLE)
    translate_segment(page, "Summary", SV_SUMMARY)
    shot(page, "translated")
    page.get_by_role("button", name="Publish in Svenska").click()
    expect(page.get_by_role("status")).to_contain_text("published", ignore_case=True)

    swedish = ResourcePage.objects.get(translation_key=english_material.translation_key, locale__language_code="sv")
    assert swedish.live and swedish.url.startswith("/sv/")
    response = page.goto(swedish.url)
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(SV_TITLE)
    expect(page.get_by_text(SV_SUMMARY).first).to_be_visible()
    shot(page, "swedish-page")
