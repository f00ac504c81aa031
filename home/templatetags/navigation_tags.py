"""{% load navigation_tags %}: navigation, the language switcher and privacy-aware lists of the site's pages."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from communities.privacy import can_see_page, visible_pages, visible_translations
from core.content_cache import cached
from core.pages import active_locale_id, one_per_translation
from vocabularies.languages import LANGUAGE_NAMES

register = template.Library()


def _active_code():
    """The language code of the active locale, without asking the database (Locale.get_active does)."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def _site_links(request):
    """What the header and footer link to, per language: published content only, so cached (core.content_cache).

    {"locales": [(code, name, locale id or None)] in the order of settings.LANGUAGES,
     "homes": {code: URL of that language's home page},
     "nav": {code: [(kind, URL, page id)]}} for the main navigation's public index pages.
    """
    host = request.get_host() if request is not None else ""
    return cached("site-links", (host,), lambda: _compute_site_links(request))


def _compute_site_links(request):
    from communities.models import CommunityIndexPage
    from resources.models import CurriculumPage, ResourceIndexPage

    from ..models import HomePage

    by_code = {locale.language_code: locale for locale in Locale.objects.all()}
    codes = [code for code, _name in settings.LANGUAGES]
    homes = {}
    for home in HomePage.objects.live().order_by("pk").select_related("locale"):
        homes.setdefault(home.locale.language_code, _url(home, request))
    nav = {code: [] for code in codes}
    for kind, model in (
        ("materials", ResourceIndexPage),
        ("communities", CommunityIndexPage),
        ("curriculum", CurriculumPage),
    ):
        # Ordered by the page type's own key: "first by tree path" makes the
        # database walk every page of the site (slow with 100k materials).
        pages = list(model.objects.live().public().order_by("pk").select_related("locale"))
        for code in codes:
            target = next((p for p in pages if p.locale.language_code == code), pages[0] if pages else None)
            if target is not None:
                nav[code].append((kind, _url(target, request), target.pk))
    return {
        "locales": [(code, name, by_code[code].pk if code in by_code else None) for code, name in settings.LANGUAGES],
        "homes": homes,
        "nav": nav,
    }


def _url(page, request):
    return page.get_url(request) if page is not None else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language for the switcher.

    On a Wagtail page, each entry links to the translation of the page when
    there is one the viewer may open (communities.privacy: live, and admitted
    by its view restrictions); otherwise to that language's home page, flagged
    `translated=False` so the template can say the page is not translated yet.
    On other views (search, profiles), the same path under the other prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    openable = {}
    if isinstance(page, Page):
        viewer = getattr(request, "user", None)
        openable = {p.locale_id: p for p in visible_translations(viewer, page)}
        openable[page.locale_id] = page
    site = _site_links(request)
    links = []
    for code, name, locale_id in site["locales"]:
        link = {"code": code, "name": name, "current": code == current, "translated": True}
        if isinstance(page, Page) and locale_id is not None:
            target = openable.get(locale_id)
            if target is not None and target.live:
                link["url"] = _url(target, request)
            else:
                link["translated"] = False
                link["url"] = site["homes"].get(code) or f"/{code}/"
        elif request is not None:
            link["url"] = translate_url(request.get_full_path(), code)
        else:
            link["url"] = f"/{code}/"
        links.append(link)
    return links


@register.simple_tag(takes_context=True)
def main_nav(context):
    """Links to materials, communities and the curriculum in the current locale, then search."""
    labels = {
        "materials": translation.gettext("Materials"),
        "communities": translation.gettext("Communities"),
        "curriculum": translation.gettext("Curriculum"),
    }
    request = context.get("request")
    items = [
        {"label": labels[kind], "url": url, "page_id": pk}
        for kind, url, pk in _site_links(request)["nav"].get(_active_code(), [])
    ]
    try:
        items.append({"label": translation.gettext("Search"), "url": reverse("search:search"), "page_id": None})
    except NoReverseMatch:
        pass
    return items


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    return _site_links(request)["homes"].get(_active_code()) or f"/{translation.get_language()}/"


@register.simple_tag(takes_context=True)
def community_resources(context, community, limit=24):
    """Materials owned by a community (any of its translations) that the viewer may open.

    One card per material, in the reader's language when a translation exists.
    """
    from resources.models import ResourcePage

    request = context["request"]
    pages = visible_pages(request.user, ResourcePage.objects.of_community(community).for_cards())
    return _one_per_material(pages.order_by("-first_published_at"), limit)


@register.simple_tag(takes_context=True)
def project_outputs(context, project, limit=24):
    """Materials that came out of a project (any of its translations), within the privacy rule."""
    from resources.models import ResourcePage

    request = context["request"]
    pages = visible_pages(
        request.user, ResourcePage.objects.filter(project__translation_key=project.translation_key).for_cards()
    )
    return _one_per_material(pages.order_by("-first_published_at"), limit)


def _one_per_material(pages, limit):
    """Collapse translations of the same material, preferring the active locale."""
    return one_per_translation(pages[: limit * 4])[:limit]


@register.filter
def visible_to(page, user):
    """The page when the user may open it, else None: `{% with c=page.community|visible_to:request.user %}`."""
    if page is None:
        return None
    return page if can_see_page(user, page) else None


@register.filter
def in_reader_language(page, user=None):
    """The translation of a page in the active language that `user` may open, or the page itself.

    `{{ page|in_reader_language:request.user }}`; without a user, as an anonymous visitor.
    """
    if page is None:
        return None
    if not isinstance(page, Page):
        return page
    if page.locale_id == active_locale_id():
        return page.specific  # already in the reader's language (Wagtail's `localized` asks the database first)
    localized = page.localized
    if localized.pk != page.pk and not can_see_page(user, localized):
        return page
    return localized.specific


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """[(title, URL)] of the live ancestors of `page` below the root, for includes/breadcrumbs.html.

    Published content only (the same for everyone who may open the page), so cached.
    """
    request = context.get("request")

    def trail():
        return [(a.title, _url(a, request)) for a in page.get_ancestors().live() if a.depth > 1]

    if page is None or page.pk is None:
        return []
    if getattr(request, "is_preview", False):
        return trail()
    return cached("breadcrumbs", (page.pk, request.get_host() if request is not None else ""), trail)


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def page_url_for(page, request):
    return _url(page, request)
