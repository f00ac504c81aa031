"""related_resources and related_people: what a visitor sees in the sidebars, and why."""

import pytest

from recommender.services import related_people, related_resources
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

GARDEN = "Pupils measure how plants use light, water and carbon dioxide to grow in the school garden."
LIGHT = "An experiment where pupils measure how light changes plant growth and photosynthesis."
REVOLUTION = "Causes of the revolution of 1789 in France and the end of the monarchy."


@pytest.fixture
def corpus():
    anna = f.person("Anna Berg", country="SE", subjects=[])
    jonas = f.person("Jonas Weber", country="DE")
    rita = f.person("Rita Sousa", country="PT")
    garden = f.resource(
        "Photosynthesis in the school garden",
        summary=GARDEN,
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
        authors=[anna],
    )
    light = f.resource(
        "Plants and light: a photosynthesis experiment",
        summary=LIGHT,
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
        authors=[jonas],
    )
    revolution = f.resource(
        "The French Revolution", summary=REVOLUTION, subjects=["history"], levels=[3], authors=[rita]
    )
    return {"anna": anna, "jonas": jonas, "rita": rita, "garden": garden, "light": light, "revolution": revolution}


def test_a_similar_material_is_suggested_with_reasons_and_an_unrelated_one_is_not(corpus):
    index_all()
    suggestions = related_resources(corpus["garden"])
    titles = [s.object.title for s in suggestions]
    assert titles[0] == "Plants and light: a photosynthesis experiment"
    assert "The French Revolution" not in titles
    reasons = [str(r) for r in suggestions[0].reasons]
    assert "Also about Biology at ISCED 2" in reasons
    assert any("plants" in r for r in reasons)
    assert 0 < suggestions[0].score


def test_the_author_of_a_similar_material_is_suggested_but_not_the_pages_own_author(corpus):
    index_all()
    people = [s.object.display_name for s in related_people(corpus["garden"])]
    assert "Jonas Weber" in people
    assert "Anna Berg" not in people
    reasons = [str(r) for r in related_people(corpus["garden"])[0].reasons]
    assert any("Plants and light" in r for r in reasons)


def test_a_pages_own_translations_are_not_listed_as_related_materials(corpus):
    sv = f.translate(corpus["garden"], "sv", title="Fotosyntes i skolträdgården", summary=GARDEN)
    index_all()
    keys = {s.object.translation_key for s in related_resources(corpus["garden"])}
    assert sv.translation_key not in keys
    assert corpus["garden"].translation_key not in {s.object.translation_key for s in related_resources(sv)}


def test_a_work_in_several_languages_counts_once_and_shows_in_the_readers_language(corpus):
    from django.utils import translation

    light_sv = f.translate(corpus["light"], "sv", title="Växter och ljus", summary=LIGHT)
    index_all()
    with translation.override("sv"):
        suggestions = related_resources(corpus["garden"])
    groups = [s.object.translation_key for s in suggestions]
    assert groups.count(light_sv.translation_key) == 1
    shown = [s for s in suggestions if s.object.translation_key == light_sv.translation_key][0]
    assert shown.object.pk == light_sv.pk and shown.language == "sv"


def test_the_translator_is_credited_with_a_cross_language_reason(corpus):
    maria = f.person("Maria Lind", country="SE")
    sv = f.translate(corpus["garden"], "sv", title="Fotosyntes i skolträdgården", summary=GARDEN)
    from resources.models import ResourceContributor

    ResourceContributor.objects.filter(page=sv).delete()
    ResourceContributor.objects.create(page=sv, person=maria, role="translator")
    index_all()
    suggestions = {s.object.display_name: s for s in related_people(corpus["garden"])}
    assert "Maria Lind" in suggestions
    assert "Translated this into Swedish" in [str(r) for r in suggestions["Maria Lind"].reasons]


def test_an_adaptation_is_related_both_ways_with_its_reason(corpus):
    adaptation = f.resource(
        "Photosynthesis for younger pupils",
        summary="A simpler garden lesson on plants and light.",
        subjects=["biology"],
        levels=[1],
        based_on=corpus["garden"],
        authors=[corpus["rita"]],
    )
    index_all()
    forward = {s.object.pk: s for s in related_resources(corpus["garden"])}
    assert adaptation.pk in forward
    assert "An adaptation of this material" in [str(r) for r in forward[adaptation.pk].reasons]
    backward = {s.object.pk: s for s in related_resources(adaptation)}
    assert "This material adapts it" in [str(r) for r in backward[corpus["garden"].pk].reasons]
    people = {s.object.display_name: s for s in related_people(corpus["garden"])}
    assert "Adapted this material into English" in [str(r) for r in people["Rita Sousa"].reasons]


def test_reasons_are_rendered_in_the_readers_language(corpus):
    from django.utils import translation

    index_all()
    suggestion = related_resources(corpus["garden"])[0]
    with translation.override("de"):
        german = [str(r) for r in suggestion.reasons]
    with translation.override("en"):
        english = [str(r) for r in suggestion.reasons]
    assert german != english


def test_not_relevant_hides_the_suggestion_for_that_viewer_only(corpus, client):
    viewer = f.person("Viewer", country="SE")
    index_all()
    client.force_login(viewer.user)
    light_key = f"resource:{corpus['light'].pk}"
    response = client.post("/en/recommendations/dismiss/", {"key": light_key, "next": corpus["garden"].url})
    assert response.status_code == 302
    assert light_key not in [s.key for s in related_resources(corpus["garden"], viewer=viewer.user)]
    assert light_key in [s.key for s in related_resources(corpus["garden"])]


def test_not_relevant_lowers_similar_suggestions(corpus):
    from recommender.services import dismiss

    similar = f.resource(
        "Light and plant growth in the garden",
        summary=LIGHT + " " + GARDEN,
        subjects=["biology"],
        levels=[2],
        authors=[corpus["rita"]],
    )
    viewer = f.person("Viewer", country="SE")
    index_all()
    before = {s.key: s.score for s in related_resources(corpus["garden"], viewer=viewer.user)}
    dismiss(viewer.user, f"resource:{corpus['light'].pk}")
    after = {s.key: s.score for s in related_resources(corpus["garden"], viewer=viewer.user)}
    key = f"resource:{similar.pk}"
    assert after[key] < before[key]


def test_dismissing_a_malformed_key_is_a_clear_error(client):
    viewer = f.person("Viewer", country="SE")
    client.force_login(viewer.user)
    response = client.post("/en/recommendations/dismiss/", {"key": "<script>", "next": "/en/"})
    assert response.status_code == 400


def test_colleagues_with_similar_work_on_a_profile(corpus):
    index_all()
    people = [s.object.display_name for s in related_people(corpus["anna"])]
    assert "Jonas Weber" in people
    assert "Anna Berg" not in people
    materials = [s.object.title for s in related_resources(corpus["anna"])]
    assert "Photosynthesis in the school garden" not in materials  # her own work is on her profile already
    assert "Plants and light: a photosynthesis experiment" in materials


def test_project_looking_for_partners_puts_open_people_first(corpus):
    community = f.community("Baltic schools")
    project = f.project(
        community,
        title="Photosynthesis across borders",
        theme="Plants, light and photosynthesis",
        summary=GARDEN,
        looking_for_partners=True,
    )
    corpus["rita"].open_to_collaboration = True
    corpus["rita"].save()
    f.resource("Photosynthesis quiz", summary=LIGHT, subjects=["biology"], levels=[2], authors=[corpus["rita"]])
    index_all()
    people = related_people(project)
    assert people[0].object.display_name == "Rita Sousa"
    assert "Open to collaboration" in [str(r) for r in people[0].reasons]
