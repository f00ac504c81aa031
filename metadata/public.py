"""What the open metadata may show: everything here is asked as an anonymous visitor.

Every machine-readable output (JSON-LD, OAI-PMH, feeds, the sitemap) reads
pages and people through these helpers, which ask communities.privacy with
an AnonymousUser. Feeds, harvesters and crawlers fetch without a session, and
what one of them has seen may be copied anywhere: members-only content
(pages under a Wagtail view restriction) and drafts never appear.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page, Site

from communities.privacy import can_see_page, visible_pages
from resources.models import ContributorRole, CurriculumUnitPage, ResourcePage

ANONYMOUS = AnonymousUser()


def public_pages(queryset):
    """Narrow a page queryset to what an anonymous visitor may open."""
    return visible_pages(ANONYMOUS, queryset)


def is_public(page):
    return page is not None and page.live and can_see_page(ANONYMOUS, page)


def public_records():
    """Materials and curriculum units (every locale) that anyone may open, as plain Page rows."""
    return public_pages(Page.objects.type(ResourcePage, CurriculumUnitPage))


def site_root_url(request=None):
    """The site's scheme and host, for absolute links outside a page's own URL."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path, request=None):
    if path.startswith(("http://", "https://")):
        return path
    return urljoin(site_root_url(request) + "/", path.lstrip("/"))


def page_url(page, request=None):
    return page.get_full_url(request)


def credits(page):
    """(role, name, person or None) for a material's contributors, as an anonymous visitor may see them.

    Publicly discoverable people are credited by name; former members (deleted
    accounts) under the generic "Former member"; everyone else is left out.
    """
    if not isinstance(page, ResourcePage):
        return []
    # The page's own rule (what its template and API show), asked as an anonymous visitor.
    return [
        (c.role, str(c.person.public_name), None)
        if c.person.is_former_member
        else (c.role, c.person.display_name, c.person)
        for c in page.credited_contributors(ANONYMOUS)
    ]


def authors_and_contributors(page):
    """Split credits into authors and other contributors (adapters, translators)."""
    authors, others = [], []
    for role, name, person in credits(page):
        (authors if role == ContributorRole.AUTHOR else others).append((role, name, person))
    return authors, others


def public_community(page):
    """The material's community in the page's own locale (or as linked), when anyone may see it."""
    community = getattr(page, "community", None)
    if community is None:
        return None
    local = community.get_translations(inclusive=True).filter(locale_id=page.locale_id).first()
    for candidate in (local, community):
        if candidate is not None and is_public(candidate):
            return candidate.specific
    return None


def public_original(page):
    """The material this one was adapted from, when anyone may see it."""
    original = getattr(page, "based_on", None)
    if original is not None and is_public(original):
        return original.specific
    return None


def translation_source(page):
    """The page of the translation group that the others were translated from.

    wagtail-localize records it as the TranslationSource's locale; pages made
    without it (imports, tests) count the oldest page of the group as the work.
    """
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(object_id=page.translation_key).select_related("locale").first()
    group = page.get_translations(inclusive=True)
    if source is not None:
        found = group.filter(locale=source.locale).first()
        if found is not None:
            return found
    return group.order_by("pk").first()


def public_translations(page):
    """Live translations of the page (itself excluded) that anyone may see."""
    return list(public_pages(page.get_translations(inclusive=False)).select_related("locale").specific())


def page_language(page):
    """The language a page is written in: a material's own, otherwise its locale's."""
    return getattr(page, "material_language", None) or page.locale.language_code


def hreflang_alternates(translations, fallback):
    """[(hreflang, url)] for (language, url) pairs of a page's translations, plus x-default.

    x-default is the default language's version, or `fallback` when there is none.
    """
    translations = list(translations)
    if not translations:
        return []
    default = next((url for code, url in translations if code == settings.LANGUAGE_CODE), fallback)
    return translations + [("x-default", default)]
