"""core.pages: free slugs, a locale's index page, one page per translation group."""

import pytest
from wagtail.models import Locale

from core.pages import available_slug, index_page_for, one_per_translation
from resources.models import ResourceIndexPage
from tests import factories as f


@pytest.mark.parametrize("title", ["!!!", "🙂", "---", ""])
def test_a_title_without_letters_still_gets_a_slug(db, title):
    assert available_slug(f.home(), title, fallback="project") == "project"


def test_a_taken_slug_is_numbered_and_a_page_keeps_its_own(db):
    first = f.resource("Water cycle")
    index = first.get_parent()
    assert available_slug(index, "Water cycle") == f"{first.slug}-1"
    assert available_slug(index, "Water cycle", ignore_page_id=first.pk) == first.slug


def test_the_index_page_of_a_language(db):
    english = f.resource_index()
    assert index_page_for(ResourceIndexPage, "en").pk == english.pk
    assert index_page_for(ResourceIndexPage, "xx") is None


def test_one_page_per_translation_group_prefers_the_readers_language(db):
    english = f.resource("Fractions with pizza")
    swedish = f.translate(english, "sv", title="Bråk med pizza")
    other = f.resource("Photosynthesis")
    sv = Locale.objects.get(language_code="sv")
    assert one_per_translation([english, other, swedish], prefer_locale=sv) == [swedish, other]
    assert one_per_translation([english, other, swedish], prefer_locale=Locale.get_default()) == [english, other]


def test_every_translatable_page_type_translates_the_page_fields_once():
    """core.pages.PAGE_TRANSLATED is the one list of Page's own translated fields, used by every page type."""
    from wagtail.models import Page, get_translatable_models

    from core.pages import PAGE_TRANSLATED

    shared = [field.field_name for field in PAGE_TRANSLATED]
    assert shared == ["title", "slug", "seo_title", "search_description"]
    for model in get_translatable_models(include_subclasses=True):
        # Page types without a list of their own let wagtail-localize choose (all of Page's text).
        if issubclass(model, Page) and model is not Page and "translatable_fields" in vars(model):
            names = [field.field_name for field in model.translatable_fields]
            assert names[: len(shared)] == shared, model.__name__
            assert len(names) == len(set(names)), f"{model.__name__} lists a field twice"
