"""{% lrmi_jsonld page %}: the page's schema.org description for search engines and harvesters."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core.content_cache import cached

from .. import public
from ..jsonld import learning_resource, script_json

register = template.Library()


@register.simple_tag(takes_context=True)
def lrmi_jsonld(context, page):
    """A JSON-LD script element, only for live pages that anonymous visitors may open.

    A members-only material is shown to its members without any JSON-LD:
    nothing machine-readable about it should leave the community.
    """
    if page is None:
        return ""
    request = context.get("request")
    # The same for every viewer (asked as an anonymous visitor), so cached until content changes.
    return mark_safe(cached("jsonld", (page.pk, _host(request)), lambda: _jsonld_script(page, request)))


def _host(request):
    return request.get_host() if request is not None else ""


def _jsonld_script(page, request):
    if not public.is_public(page):
        return ""
    data = learning_resource(page, request)
    return str(format_html('<script type="application/ld+json">{}</script>', mark_safe(script_json(data))))


def _feeds_for(page):
    """(title, RSS URL, Atom URL) of the feeds a page offers: the locale's, and a public community's own."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from communities.choices import Visibility
    from communities.models import CommunityPage

    feeds = [
        (
            _("Kollega: latest materials"),
            reverse("metadata_feeds:resources_rss"),
            reverse("metadata_feeds:resources_atom"),
        )
    ]
    community = getattr(page, "specific", None)
    if (
        isinstance(community, CommunityPage)
        and community.visibility == Visibility.PUBLIC
        and public.is_public(community)
    ):
        feeds.append(
            (
                _("Kollega: latest materials from %(community)s") % {"community": community.title},
                reverse("metadata_feeds:community_rss", kwargs={"slug": community.slug}),
                reverse("metadata_feeds:community_atom", kwargs={"slug": community.slug}),
            )
        )
    return feeds


@register.inclusion_tag("metadata/feed_head_links.html")
def feed_head_links(page=None):
    """<link rel="alternate"> elements so that feed readers and browsers find the feeds."""
    return {"feeds": _feeds_for(page)}


@register.inclusion_tag("metadata/community_feed_links.html")
def community_feed_links(page):
    """A visible "follow" line on a public community page."""
    feeds = _feeds_for(page)
    return {"feed": feeds[1] if len(feeds) > 1 else None}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(hreflang, absolute URL) pairs for the page and its translations, plus x-default.

    Asked as an anonymous visitor (metadata.public), like the sitemap: crawlers
    read the head without a session, so a members-only page announces no
    alternates and no page announces a translation that only members may open.
    """
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    # Anonymous, so the same for everyone: cached until content changes (core.content_cache).
    return cached("alternates", (page.pk, _host(request)), lambda: _alternates(page, request))


def _alternates(page, request):
    if not public.is_public(page):
        return []
    pages = [page] + public.public_translations(page)
    links = [(item.locale.language_code, url) for item in pages if (url := item.get_full_url(request))]
    # x-default: the default-language version, or this page when there is none.
    return public.hreflang_alternates(links, links[0][1] if links else None)
