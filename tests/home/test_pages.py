"""Page types: where each may be created, and that every type renders in all four languages with the switcher and hreflang links."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from communities.models import CommunityIndexPage, CommunityPage, ProjectPage
from home.models import HomePage, StandardPage
from resources.models import CurriculumPage, CurriculumUnitPage, ResourceIndexPage, ResourcePage
from tests import factories

ALL_TYPES = [
    HomePage,
    StandardPage,
    ResourceIndexPage,
    ResourcePage,
    CurriculumPage,
    CurriculumUnitPage,
    CommunityIndexPage,
    CommunityPage,
    ProjectPage,
]

# parent type -> the child types an editor may add under it; every other pair is refused.
ALLOWED = {
    Page: {HomePage},
    HomePage: {ResourceIndexPage, CurriculumPage, CommunityIndexPage, StandardPage},
    StandardPage: {StandardPage},
    ResourceIndexPage: {ResourcePage},
    ResourcePage: set(),
    CurriculumPage: {CurriculumUnitPage},
    CurriculumUnitPage: set(),
    CommunityIndexPage: {CommunityPage},
    CommunityPage: {CommunityPage, ProjectPage},
    ProjectPage: set(),
}


class PageCreationRulesTests(WagtailPageTestCase):
    def test_each_page_type_only_goes_where_the_site_structure_allows(self):
        for parent, children in ALLOWED.items():
            for child in ALL_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in children:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_a_home_page_has_one_index_of_materials_and_of_communities(self):
        factories.resource_index()
        factories.community_index()
        home = HomePage.objects.get(locale__language_code="en")
        self.assertFalse(ResourceIndexPage.can_create_at(home))
        self.assertFalse(CommunityIndexPage.can_create_at(home))
        self.assertTrue(StandardPage.can_create_at(home))


# -- Rendering in every locale ---------------------------------------------

TEXT = {
    "en": {
        "home": "Kollega",
        "motto": "When we share, we win.",
        "std": "About Kollega",
        "materials": "Materials",
        "resource": "Photosynthesis in the classroom",
        "curriculum": "Facilitator Curriculum",
        "unit": "Leading a learning community",
        "outcome": "Plan a community meeting",
        "communities": "Communities",
        "community": "Stockholm biology teachers",
        "project": "Water in our towns",
    },
    "sv": {
        "home": "Kollega",
        "motto": "När vi delar, vinner vi.",
        "std": "Om Kollega",
        "materials": "Material",
        "resource": "Fotosyntes i klassrummet",
        "curriculum": "Handledarutbildning",
        "unit": "Att leda en lärgemenskap",
        "outcome": "Planera ett gemenskapsmöte",
        "communities": "Gemenskaper",
        "community": "Stockholms biologilärare",
        "project": "Vatten i våra städer",
    },
    "de": {
        "home": "Kollega",
        "motto": "Wenn wir teilen, gewinnen wir.",
        "std": "Über Kollega",
        "materials": "Materialien",
        "resource": "Fotosynthese im Unterricht",
        "curriculum": "Curriculum für die Lernbegleitung",
        "unit": "Eine Lerngemeinschaft leiten",
        "outcome": "Ein Gemeinschaftstreffen planen",
        "communities": "Gemeinschaften",
        "community": "Biologielehrkräfte Stockholm",
        "project": "Wasser in unseren Städten",
    },
    "pt": {
        "home": "Kollega",
        "motto": "Quando partilhamos, ganhamos.",
        "std": "Sobre o Kollega",
        "materials": "Materiais",
        "resource": "Fotossíntese na sala de aula",
        "curriculum": "Currículo do Facilitador",
        "unit": "Liderar uma comunidade de aprendizagem",
        "outcome": "Planear uma reunião da comunidade",
        "communities": "Comunidades",
        "community": "Professores de biologia de Estocolmo",
        "project": "A água nas nossas cidades",
    },
}


def outcomes(text):
    return [("outcome", text)]


@pytest.fixture
def tree(db):
    """Every page type in English, translated into Swedish, German and Portuguese."""
    en = TEXT["en"]
    pages = {"en": {}}
    home = factories.home("en")
    pages["en"]["home"] = home
    pages["en"]["std"] = factories.add_child(home, StandardPage(title=en["std"], slug="about", summary=en["std"]))
    pages["en"]["materials"] = factories.resource_index("en")
    author = factories.person("Anna Lind", discoverability="europe")
    pages["en"]["resource"] = factories.resource(
        en["resource"],
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
        authors=[author],
        duration_minutes=45,
    )
    pages["en"]["curriculum"] = factories.curriculum("en")
    pages["en"]["unit"] = factories.unit(1, en["unit"], learning_outcomes=outcomes(en["outcome"]), duration_minutes=90)
    pages["en"]["communities"] = factories.community_index("en")
    pages["en"]["community"] = factories.community(en["community"], region="Stockholm")
    pages["en"]["project"] = factories.project(pages["en"]["community"], en["project"])
    factories.join(author, pages["en"]["community"], role="facilitator")

    for code in ("sv", "de", "pt"):
        t = TEXT[code]
        made = pages[code] = {}
        made["home"] = factories.translate(home, code, motto=t["motto"])
        for key in ("std", "materials", "resource", "curriculum", "unit", "communities", "community", "project"):
            fields = {"title": t[key]}
            if key == "unit":
                fields["learning_outcomes"] = outcomes(t["outcome"])
            made[key] = factories.translate(pages["en"][key], code, **fields)
    return pages


@pytest.mark.parametrize("code", ["en", "sv", "de", "pt"])
def test_every_page_type_renders_in_each_language_with_its_translated_text(client, tree, code):
    t = TEXT[code]
    for key, page in tree[code].items():
        response = client.get(page.url)
        assert response.status_code == 200, f"{key} in {code}: {response.status_code}"
        html = response.content.decode()
        assert f'<html lang="{code}">' in html, key
        assert t[key] in html if key != "home" else t["motto"] in html, f"{key} in {code} lacks its text"
    # Person profiles answer in every language too.
    person = tree["en"]["resource"].contributors.first().person
    response = client.get(f"/{code}/people/{person.slug}/")
    assert response.status_code == 200
    assert "Anna Lind" in response.content.decode()


def test_unit_page_shows_outcomes_duration_and_number_in_swedish(client, tree):
    html = client.get(tree["sv"]["unit"].url).content.decode()
    assert "Planera ett gemenskapsmöte" in html
    assert "90" in html


def test_resource_page_lists_translations_with_language_names(client, tree):
    html = client.get(tree["en"]["resource"].url).content.decode()
    assert "Also available in" in html
    for name in ("Svenska", "Deutsch", "Português"):
        assert name in html
    assert tree["sv"]["resource"].url in html


def test_language_switcher_links_to_the_translation_when_there_is_one(client, db):
    page = factories.resource("Photosynthesis")
    swedish = factories.translate(page, "sv", title="Fotosyntes")
    html = client.get(page.url).content.decode()
    assert f'href="{swedish.url}"' in html


def test_language_switcher_says_when_a_page_is_not_translated(client, db):
    page = factories.resource("Photosynthesis")
    german_home = factories.translate(factories.home("en"), "de", motto="Wenn wir teilen, gewinnen wir.")
    html = client.get(page.url).content.decode()
    assert "not translated yet" in html
    assert 'title="This page is not translated yet; go to the home page"' in html
    # The German entry leads to the German home page instead.
    assert f'href="{german_home.url}" hreflang="de" class="untranslated"' in html


def test_switcher_on_a_translated_page_is_not_marked_untranslated_for_that_language(client, db):
    page = factories.resource("Photosynthesis")
    factories.translate(page, "sv", title="Fotosyntes")
    html = client.get(page.url).content.decode()
    assert 'hreflang="sv" class="untranslated"' not in html
    assert 'hreflang="pt" class="untranslated"' in html


def test_hreflang_alternates_cover_live_translations_and_x_default(client, db):
    page = factories.resource("Photosynthesis")
    factories.translate(page, "sv", title="Fotosyntes")
    factories.translate(page, "de", title="Fotosynthese", live=False)
    html = client.get(page.url).content.decode()
    assert '<link rel="alternate" hreflang="en"' in html
    assert '<link rel="alternate" hreflang="sv"' in html
    assert '<link rel="alternate" hreflang="x-default"' in html
    # A draft translation is not announced to search engines.
    assert '<link rel="alternate" hreflang="de"' not in html


def test_main_navigation_points_to_sections_of_the_current_locale(client, tree):
    html = client.get(tree["pt"]["home"].url).content.decode()
    assert f'href="{tree["pt"]["materials"].url}"' in html
    assert f'href="{tree["pt"]["communities"].url}"' in html
    assert f'href="{tree["pt"]["curriculum"].url}"' in html
    assert 'href="/pt/search/"' in html


def test_resource_page_shows_its_metadata(client, db):
    author = factories.person("Anna Lind")
    original = factories.resource("Leaves and light")
    page = factories.resource(
        "Photosynthesis",
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
        authors=[author],
        duration_minutes=45,
        based_on=original,
        licence="https://creativecommons.org/licenses/by-sa/4.0/",
        resource_type=factories.resource_type("lesson-plan", "Lesson plan"),
    )
    factories.resource("Photosynthesis for beginners", based_on=page)
    html = client.get(page.url).content.decode()
    for text in (
        "Biology",
        "ISCED 2: Lower secondary education",
        "Lesson plan",
        "English",
        "plants",
        "45 minutes",
        "Anna Lind",
        "Author",
        "Adapted from",
        "Leaves and light",
        "Adaptations of this material",
        "Photosynthesis for beginners",
        'href="https://creativecommons.org/licenses/by-sa/4.0/"',
        "CC BY-SA 4.0",
    ):
        assert text in html, text


def test_resource_page_counts_contributors_who_keep_their_profile_private(client, db):
    public = factories.person("Anna Lind")
    private = [factories.person(discoverability="nobody") for _ in range(2)]
    page = factories.resource("Photosynthesis", authors=[public, *private])
    html = client.get(page.url).content.decode()
    assert "Anna Lind" in html
    assert "and 2 more people who keep their profile private" in html
    for person in private:
        assert person.display_name not in html


def test_resource_page_names_owning_community_and_project(client, db):
    community = factories.community("Biology circle")
    project = factories.project(community, "Rivers project")
    page = factories.resource("Photosynthesis", community=community, project=project)
    html = client.get(page.url).content.decode()
    assert "Biology circle" in html and "Rivers project" in html
    # The community and the project list the material in return.
    assert "Photosynthesis" in client.get(community.url).content.decode()
    assert "Photosynthesis" in client.get(project.url).content.decode()


def test_community_page_shows_country_facilitators_and_private_member_count(client, db):
    community = factories.community("Lisbon science teachers", country="PT", region="Lisboa")
    factories.join(factories.person("Rita Facilitator", country="PT"), community, role="facilitator")
    factories.join(factories.person(discoverability="nobody"), community)
    factories.join(factories.person(discoverability="nobody"), community)
    html = client.get(community.url).content.decode()
    assert "Portugal" in html and "Lisboa" in html and "Rita Facilitator" in html
    assert "2 members keep their profile private." in html


def test_community_country_name_is_translated(client, db):
    community = factories.community("Lisbon science teachers", country="PT")
    swedish = factories.translate(community, "sv", title="Lissabons lärare")
    html = client.get(swedish.url).content.decode()
    assert "Portugal" in html  # same in Swedish; check a country whose name differs below
    germany = factories.community("Berliner Lehrkräfte", country="DE")
    swedish_de = factories.translate(germany, "sv", title="Berlins lärare")
    assert "Tyskland" in client.get(swedish_de.url).content.decode()


def test_project_page_shows_partner_badge_and_status(client, db):
    community = factories.community()
    project = factories.project(community, "Rivers", looking_for_partners=True)
    html = client.get(project.url).content.decode()
    assert "Looking for partners" in html and "Ongoing" in html and "Climate and water" in html


def test_resource_index_paginates_cards_with_language_badges(client, db):
    for i in range(26):
        factories.resource(f"Material number {i}", subjects=["biology"])
    index = factories.resource_index()
    first = client.get(index.url).content.decode()
    assert "26 materials" in first and "Page 1 of 2" in first and "badge--language" in first
    second = client.get(index.url + "?page=2").content.decode()
    assert "Page 2 of 2" in second


def test_curriculum_lists_units_in_order(client, db):
    factories.unit(2, "Second unit")
    factories.unit(1, "First unit")
    html = client.get(factories.curriculum().url).content.decode()
    assert html.index("First unit") < html.index("Second unit")


def test_search_finds_materials(client, db):
    factories.resource("Photosynthesis with leaves")
    html = client.get("/en/search/?q=photosynthesis").content.decode()
    assert "Photosynthesis with leaves" in html


@pytest.mark.parametrize("path", ["/xx/", "/xx/materials/", "/en/no-such-page/"])
def test_unknown_paths_and_locale_prefixes_are_404_not_500(client, db, path):
    factories.resource_index()
    response = client.get(path, follow=True)
    assert response.status_code == 404
