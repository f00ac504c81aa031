"""Short, localized reasons for each suggestion ("Also about Biology at ISCED 2").

Reasons are stored as a code and parameters and turned into words when a
page renders, in the reader's language, so cached suggestions serve every
locale.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

from vocabularies.languages import LANGUAGE_NAMES


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict = field(default_factory=dict)

    def __str__(self):
        return render(self)

    def __hash__(self):
        return hash((self.code, tuple(sorted((k, str(v)) for k, v in self.params.items()))))


def _subject_names(slugs):
    """Subject names in the reader's language (the default language's where untranslated), from the cached names."""
    from django.conf import settings
    from django.utils.translation import get_language

    from vocabularies.models import Subject, localized_names

    reader = localized_names(Subject, (get_language() or settings.LANGUAGE_CODE).split("-")[0])["slug"]
    default = localized_names(Subject, settings.LANGUAGE_CODE.split("-")[0])["slug"]
    return ", ".join(reader.get(slug) or default.get(slug) or slug for slug in slugs)


def _language(code):
    return str(LANGUAGE_NAMES.get(code, code))


def _levels(codes):
    return ", ".join(f"ISCED {c}" for c in codes)


def render(reason):
    p = reason.params
    code = reason.code
    if code == "adapted_from":
        return gettext("This material adapts it")
    if code == "adaptation":
        return gettext("An adaptation of this material")
    if code == "adapted_into":
        return gettext("Adapted this material into %(language)s") % {"language": _language(p["language"])}
    if code == "translated_into":
        return gettext("Translated this into %(language)s") % {"language": _language(p["language"])}
    if code == "wrote_original":
        return gettext("Wrote the material this one adapts")
    if code == "topic_level":
        return gettext("Also about %(subjects)s at %(levels)s") % {
            "subjects": _subject_names(p["subjects"]),
            "levels": _levels(p["levels"]),
        }
    if code == "teaches":
        if p.get("levels"):
            return gettext("Also teaches %(subjects)s at %(levels)s") % {
                "subjects": _subject_names(p["subjects"]),
                "levels": _levels(p["levels"]),
            }
        return gettext("Also teaches %(subjects)s") % {"subjects": _subject_names(p["subjects"])}
    if code == "teaches_levels":
        return gettext("Also teaches at %(levels)s") % {"levels": _levels(p["levels"])}
    if code == "speaks":
        return gettext("Also speaks %(languages)s") % {"languages": ", ".join(_language(c) for c in p["languages"])}
    if code == "subjects":
        return gettext("Also about %(subjects)s") % {"subjects": _subject_names(p["subjects"])}
    if code == "tags":
        return ngettext("Shared tag: %(tags)s", "Shared tags: %(tags)s", len(p["tags"])) % {
            "tags": ", ".join(p["tags"])
        }
    if code == "interests":
        return gettext("Interested in %(tags)s") % {"tags": ", ".join(p["tags"])}
    if code == "community":
        return gettext("From the same community")
    if code == "same_community":
        return gettext("Member of the same community")
    if code == "shared_community":
        return gettext("In a community with this work")
    if code == "similar_in":
        return gettext("Similar content in %(language)s") % {"language": _language(p["language"])}
    if code == "similar":
        return gettext("Similar content")
    if code == "wrote_similar":
        return gettext("Wrote “%(title)s”") % {"title": p["title"]}
    if code == "similar_work":
        return gettext("Works on similar topics")
    if code == "open":
        return gettext("Open to collaboration")
    if code == "coauthor":
        return gettext("Shares an author with this material")
    return code
