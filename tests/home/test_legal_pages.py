"""The legal and trust pages, the favicon and the signed-in header: what a teacher, an editor and a browser find."""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from PIL import Image

from tests import factories as f
from tests.locale.test_i18n import VisibleText, english_left

LANGUAGES = ["en", "sv", "de", "pt"]
PAGES = ["privacy", "imprint", "terms", "licences"]

# A sentence of each page in each language: the page is really translated, not only its frame.
PRIVACY_HEADING = {
    "en": "Privacy notice",
    "sv": "Integritetsmeddelande",
    "de": "Datenschutzerklärung",
    "pt": "Aviso de privacidade",
}


@pytest.fixture(autouse=True)
def restore_language():
    with translation.override(translation.get_language()):
        yield


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_each_legal_page_answers_in_each_language(client, code, name):
    response = client.get(f"/{code}/{name}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    if code != "en":
        left = english_left(html, code)
        assert not left, f"/{code}/{name}/ shows English interface text: {left}"
        # The catalogue check cannot see sentences split by links; compare with the English page itself.
        left = set(visible_texts(html, code)) & set(visible_texts(client.get(f"/en/{name}/").content.decode(), "en"))
        assert not {text for text in left if len(text) >= 12 and "KOLLEGA_" not in text}, left


def visible_texts(html, code):
    parser = VisibleText(code)
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts]


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_privacy_notice_explains_discoverability_export_and_deletion(client, code):
    html = client.get(f"/{code}/privacy/").content.decode()
    assert f"<h1>{PRIVACY_HEADING[code]}</h1>" in html
    assert f'href="/{code}/account/my-data.json"' in html
    assert f'href="/{code}/account/delete/"' in html
    assert f'href="/{code}/imprint/"' in html
    with translation.override(code):
        for level in ("Not discoverable", "My communities only", "My country", "All of Europe"):
            assert translation.gettext(level) in html


@pytest.mark.django_db
def test_the_imprint_marks_what_the_operator_must_fill_in(client):
    html = client.get("/de/imprint/").content.decode()
    for setting in ("KOLLEGA_OPERATOR_NAME", "KOLLEGA_OPERATOR_ADDRESS", "KOLLEGA_CONTACT_EMAIL"):
        assert setting in html
    assert html.count('class="placeholder"') == 3


@pytest.mark.django_db
@override_settings(
    KOLLEGA_OPERATOR_NAME="Kollega-Verein e. V.",
    KOLLEGA_OPERATOR_ADDRESS="Beispielweg 3\n10115 Berlin",
    KOLLEGA_CONTACT_EMAIL="kontakt@kollega.example",
)
def test_the_imprint_shows_the_configured_operator(client):
    html = client.get("/de/imprint/").content.decode()
    assert "Kollega-Verein e. V." in html
    assert "Beispielweg 3<br>10115 Berlin" in html
    assert 'href="mailto:kontakt@kollega.example"' in html
    assert 'class="placeholder"' not in html


@pytest.mark.django_db
def test_the_licence_page_explains_every_creative_commons_licence(client):
    from vocabularies.licences import ALL_RIGHTS_RESERVED, LICENCES

    html = client.get("/en/licences/").content.decode()
    for licence in LICENCES:
        if licence.uri != ALL_RIGHTS_RESERVED:
            assert f'href="{licence.uri}"' in html
    assert html.count("Not for commercial use.") == 3  # BY-NC, BY-NC-SA, BY-NC-ND
    assert html.count("must carry the same licence") == 2  # BY-SA, BY-NC-SA


def test_a_legal_page_refuses_a_post(client, db):
    assert client.post("/en/privacy/").status_code == 405


# -- Footer and sign-up: every page links to the privacy notice --------------------


@pytest.fixture
def every_page_type(db):
    """One live page of each type, and the plain views a visitor meets."""
    community = f.community("Baltic Science Teachers")
    project = f.project(community, "Water in our towns")
    resource = f.resource("Photosynthesis in the classroom", community=community)
    curriculum = f.curriculum()
    unit = f.unit(1, "Leading a learning community")
    standard = f.add_child(f.home(), __import__("home.models", fromlist=["StandardPage"]).StandardPage(title="About"))
    pages = [
        f.home(),
        standard,
        f.resource_index(),
        resource,
        curriculum,
        unit,
        f.community_index(),
        community,
        project,
    ]
    urls = [page.url for page in pages]
    return urls + ["/en/search/?q=water", "/en/account/sign-up/", "/en/account/sign-in/", "/en/privacy/"]


def test_every_page_type_links_to_the_legal_pages_in_its_footer(client, every_page_type):
    for url in every_page_type:
        response = client.get(url)
        assert response.status_code == 200, url
        footer = re.search(r'<footer class="site-footer">.*</footer>', response.content.decode(), re.S).group(0)
        for name in PAGES:
            assert f'href="/en/{name}/"' in footer, (url, name)


def test_a_missing_page_links_to_the_privacy_notice_too(client, db):
    response = client.get("/sv/no-such-page/")
    assert response.status_code == 404
    assert 'href="/sv/privacy/"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_sign_up_links_to_the_terms_and_the_privacy_notice(client, code):
    html = client.get(f"/{code}/account/sign-up/").content.decode()
    form = re.search(r'<form method="post" class="form"[^>]*>.*?</form>', html, re.S).group(0)
    assert f'href="/{code}/terms/"' in form and f'href="/{code}/privacy/"' in form


# -- Favicon -------------------------------------------------------------------------


def test_the_favicon_is_a_real_icon_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(__import__("io").BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.ico.sizes()


def test_every_page_names_its_icons_from_our_own_origin(client, db):
    html = client.get("/en/").content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert icons == ["/static/kollega/favicon.svg", "/static/kollega/favicon.ico"]


# -- The header of a signed-in teacher, facilitator and editor ----------------------------


def header_links(client, url="/en/"):
    html = client.get(url).content.decode()
    header = re.search(r'<header class="site-header">.*</header>', html, re.S).group(0)
    return set(re.findall(r'href="([^"]+)"', header))


TEACHER_PLACES = {
    "/en/contribute/",
    "/en/contribute/mine/",
    "/en/recommendations/for-you/",
    "/en/account/profile/",
    "/en/self-assessment/",
}


def test_a_signed_in_teacher_reaches_their_places_from_the_header(client, db):
    teacher = f.person("Lena Svensson", discoverability="europe")
    client.force_login(teacher.user)
    links = header_links(client)
    assert TEACHER_PLACES <= links
    assert teacher.get_absolute_url() in links
    assert "/admin/" not in links


def test_a_private_teacher_is_not_offered_a_public_profile_that_does_not_exist(client, db):
    teacher = f.person("Pia Private", discoverability="nobody")
    client.force_login(teacher.user)
    links = header_links(client)
    assert TEACHER_PLACES <= links
    assert teacher.get_absolute_url() not in links


def test_a_visitor_sees_sign_in_and_sign_up_only(client, db):
    links = header_links(client)
    assert not TEACHER_PLACES & links
    assert "/en/account/sign-up/" in links and "/admin/" not in links


def test_a_facilitator_and_an_editor_see_the_admin(client, db):
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, f.community("Baltic Science Teachers"), role="facilitator")
    client.force_login(facilitator.user)
    assert "/admin/" in header_links(client)

    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-kollega-1")
    client.force_login(editor)
    links = header_links(client, "/sv/")
    assert "/admin/" in links and "/sv/contribute/" in links


def test_the_account_menu_is_a_disclosure_that_works_without_javascript(client, db):
    client.force_login(f.person("Lena Svensson").user)
    html = client.get("/de/").content.decode()
    menu = re.search(r'<details class="account-menu">.*?</details>', html, re.S).group(0)
    assert "<summary>" in menu and "/de/contribute/" in menu
    # The page's only script reports the reader's time zone; nothing scripts the menu.
    assert "<script" not in menu
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/kollega/js/timezone.js" defer>']
