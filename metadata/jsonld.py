"""schema.org LearningResource descriptions (LRMI) of materials and curriculum units.

`learning_resource(page, request)` is a pure description: a dict ready for
json.dumps, built only from what an anonymous visitor may see (see public.py).
`script_json(data)` serialises it for a <script type="application/ld+json">
element so that no text (a title holding "</script>") can close the element.
"""

import json

from django.utils import translation

from resources.models import CurriculumUnitPage, ResourcePage
from vocabularies.levels import ISCED_NAMES

from . import public

ISCED_SET = "http://uis.unesco.org/en/topic/international-standard-classification-education-isced"


def iso_duration(minutes):
    if not minutes:
        return None
    hours, mins = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins or not hours else "")


def _person(name, person, request):
    data = {"@type": "Person", "name": name}
    if person is not None:
        data["url"] = public.absolute(person.get_absolute_url(), request)
    return data


def _ref(page, request, type_="LearningResource"):
    url = public.page_url(page, request)
    return {"@type": type_, "@id": url, "url": url, "name": page.title, "inLanguage": public.page_language(page)}


def _translation_group(page, request):
    """workTranslation on the source page, translationOfWork on every other translation."""
    source = public.translation_source(page)
    if source is None or source.pk == page.pk:
        others = public.public_translations(page)
        return {"workTranslation": [_ref(p, request) for p in others]} if others else {}
    if public.is_public(source):
        return {"translationOfWork": _ref(source.specific, request)}
    return {}


def learning_resource(page, request=None):
    """The LRMI description of a material or curriculum unit, in the page's own language."""
    page = page.specific
    url = public.page_url(page, request)
    language = page.locale.language_code
    with translation.override(language):
        data = {
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "@id": url,
            "url": url,
            "name": page.title,
            "description": page.summary or None,
            "inLanguage": public.page_language(page),
            "isAccessibleForFree": True,
            "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
            "dateModified": (page.last_published_at or page.latest_revision_created_at).isoformat()
            if (page.last_published_at or page.latest_revision_created_at)
            else None,
            "timeRequired": iso_duration(page.duration_minutes),
        }
        if isinstance(page, ResourcePage):
            data.update(_material(page, request))
        elif isinstance(page, CurriculumUnitPage):
            data.update(_unit(page, request))
        data.update(_translation_group(page, request))
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _material(page, request):
    authors, others = public.authors_and_contributors(page)
    subjects = list(page.subjects.all())
    levels = list(page.levels.all())
    data = {
        "educationalLevel": [
            {
                "@type": "DefinedTerm",
                "termCode": f"ISCED {level.code}",
                "name": str(ISCED_NAMES[level.code]),
                "inDefinedTermSet": ISCED_SET,
            }
            for level in levels
        ],
        "learningResourceType": (
            {
                "@type": "DefinedTerm",
                "termCode": page.resource_type.slug,
                "name": label_in_locale(page.resource_type, page),
            }
            if page.resource_type
            else None
        ),
        "teaches": [{"@type": "DefinedTerm", "termCode": s.slug, "name": label_in_locale(s, page)} for s in subjects],
        "license": page.licence or None,
        "keywords": [t.name for t in page.tags.all()],
        "author": [_person(name, person, request) for _role, name, person in authors],
        "contributor": [_person(name, person, request) for _role, name, person in others],
    }
    original = public.public_original(page)
    if original is not None:
        data["isBasedOn"] = _ref(original, request)
    community = public.public_community(page)
    if community is not None:
        data["isPartOf"] = {
            "@type": "Collection",
            "@id": public.page_url(community, request),
            "url": public.page_url(community, request),
            "name": community.title,
        }
    return data


def _unit(page, request):
    competences = [t.name for t in page.competences.all()]
    data = {
        "learningResourceType": "curriculum unit",
        "position": page.number,
        "teaches": competences + [block.value for block in page.learning_outcomes],
        "keywords": competences,
    }
    curriculum = page.get_parent()
    if curriculum is not None and public.is_public(curriculum):
        curriculum = curriculum.specific
        data["isPartOf"] = {
            "@type": "Course",
            "@id": public.page_url(curriculum, request),
            "url": public.page_url(curriculum, request),
            "name": curriculum.title,
        }
    return data


def label_in_locale(entry, page):
    """A vocabulary entry's name in the page's locale when translated."""
    translated = entry.get_translations(inclusive=True).filter(locale_id=page.locale_id).first()
    return (translated or entry).name


def script_json(data):
    """JSON for inside a <script> element: <, > and & escaped as JSON unicode escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
