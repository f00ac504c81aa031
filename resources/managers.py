"""Reusable queries over materials and curriculum units."""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ResourcePageQuerySet(PageQuerySet):
    def in_material_language(self, code):
        return self.filter(material_language=code)

    def of_community(self, community):
        return self.filter(community__translation_key=community.translation_key)

    def by_person(self, person):
        return self.filter(contributors__person=person).distinct()

    def for_cards(self):
        """What includes/resource_card.html reads of each material, fetched with the list (not per card)."""
        return self.select_related("resource_type").prefetch_related("subjects", "levels")

    def adaptations_of(self, page):
        return self.filter(based_on__translation_key=page.translation_key)


ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)
