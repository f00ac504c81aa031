"""{% load navigation_tags %}: navigation, the language switcher and privacy-aware lists of the site's pages."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from communities.privacy import can_see_page, visible_pages
from core.pages import one_per_translation
from vocabularies.languages import LANGUAGE_NAMES

register = template.Library()


def _locales():
    """Site locales in the order of settings.LANGUAGES (English first)."""
    by_code = {locale.language_code: locale for locale in Locale.objects.all()}
    return [(code, name, by_code.get(code)) for code, name in settings.LANGUAGES]


def _home_for(locale):
    from ..models import HomePage

    if locale is None:
        return None
    return HomePage.objects.live().filter(locale=locale).order_by("pk").first()


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
        openable = {p.locale_id: p for p in visible_pages(viewer, page.get_translations(inclusive=False))}
        openable[page.locale_id] = page
    links = []
    for code, name, locale in _locales():
        link = {"code": code, "name": name, "current": code == current, "translated": True}
        if isinstance(page, Page) and locale is not None:
            target = openable.get(locale.pk)
            if target is not None and target.live:
                link["url"] = _url(target, request)
            else:
                link["translated"] = False
                link["url"] = _url(_home_for(locale), request) or f"/{code}/"
        elif request is not None:
            link["url"] = translate_url(request.get_full_path(), code)
        else:
            link["url"] = f"/{code}/"
        links.append(link)
    return links


@register.simple_tag(takes_context=True)
def main_nav(context):
    """Links to materials, communities and the curriculum in the current locale, then search."""
    from communities.models import CommunityIndexPage
    from resources.models import CurriculumPage, ResourceIndexPage

    request = context.get("request")
    locale = Locale.get_active()
    items = []
    for model, label in (
        (ResourceIndexPage, translation.gettext("Materials")),
        (CommunityIndexPage, translation.gettext("Communities")),
        (CurriculumPage, translation.gettext("Curriculum")),
    ):
        # Ordered by the page type's own key: "first by tree path" makes the
        # database walk every page of the site (slow with 100k materials).
        pages = model.objects.live().public().order_by("pk")
        target = pages.filter(locale=locale).first() or pages.first()
        if target is not None:
            items.append({"label": label, "url": _url(target, request), "page_id": target.pk})
    try:
        items.append({"label": translation.gettext("Search"), "url": reverse("search:search"), "page_id": None})
    except NoReverseMatch:
        pass
    return items


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    home = _home_for(Locale.get_active())
    return _url(home, request) or f"/{translation.get_language()}/"


@register.simple_tag(takes_context=True)
def community_resources(context, community, limit=24):
    """Materials owned by a community (any of its translations) that the viewer may open.

    One card per material, in the reader's language when a translation exists.
    """
    from resources.models import ResourcePage

    request = context["request"]
    pages = visible_pages(request.user, ResourcePage.objects.of_community(community))
    return _one_per_material(pages.order_by("-first_published_at"), limit)


@register.simple_tag(takes_context=True)
def project_outputs(context, project, limit=24):
    """Materials that came out of a project (any of its translations), within the privacy rule."""
    from resources.models import ResourcePage

    request = context["request"]
    pages = visible_pages(request.user, ResourcePage.objects.filter(project__translation_key=project.translation_key))
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
    localized = page.localized
    if localized.pk != page.pk and not can_see_page(user, localized):
        return page
    return localized.specific


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def page_url_for(page, request):
    return _url(page, request)
