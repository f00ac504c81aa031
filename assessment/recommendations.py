"""Curriculum units and materials for a school's weakest areas, always through communities.privacy."""

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale

from communities.privacy import visible_pages
from core.pages import one_per_translation
from resources.models import CurriculumUnitPage, ResourcePage

from .questionnaire import AREAS_BY_CODE


def _reader_first(qs):
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    mine = list(qs.filter(locale=locale)) if locale else []
    # Reader's language first, so each group keeps its translation in that language when visible.
    return one_per_translation(
        mine + list(qs.exclude(pk__in=[p.pk for p in mine])), prefer_locale=locale or Locale.get_default()
    )


def units_for(viewer, area_code, limit=4):
    area = AREAS_BY_CODE[area_code]
    match = Q()
    for name in area.competences:
        match |= Q(tagged_items__tag__name__iexact=name)
    units = visible_pages(viewer, CurriculumUnitPage.objects.filter(match).distinct()).specific().order_by("number")
    return _reader_first(units)[:limit]


def resources_for(viewer, area_code, limit=5):
    area = AREAS_BY_CODE[area_code]
    match = Q(subjects__slug__in=area.subjects) if area.subjects else Q(pk__in=[])
    for name in area.tags:
        match |= Q(tagged_items__tag__name__iexact=name)
    resources = visible_pages(viewer, ResourcePage.objects.filter(match).distinct()).order_by("-first_published_at")
    return _reader_first(resources)[:limit]


def recommendations(viewer, weakest):
    return [
        {"area": AREAS_BY_CODE[code], "units": units_for(viewer, code), "resources": resources_for(viewer, code)}
        for code in weakest
    ]
