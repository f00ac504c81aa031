"""sitemap.xml: every page an anonymous visitor may open, in every locale, with hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page only
(the default locale's home) and without alternates. This one lists the
public pages under every translation of the root page; each entry names all
public translations of its page (`<xhtml:link rel="alternate" hreflang=...>`)
and an x-default (the default language's version, or the page itself).
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from . import public


class PublicSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        if not roots:
            return Page.objects.none()
        pages = Page.objects.filter(under_a_root)
        return public.public_pages(pages).select_related("locale").order_by("path").defer_streamfields().specific()

    def _alternates_by_group(self):
        """translation_key -> [(language, url)] over the pages listed, computed once per sitemap."""
        if getattr(self, "_groups", None) is None:
            groups = defaultdict(list)
            for page in self.items():
                url = page.get_full_url(self.request)
                if url:
                    groups[page.translation_key].append((page.locale.language_code, url))
            self._groups = groups
        return self._groups

    def _urls(self, page, protocol, domain):
        groups = self._alternates_by_group()
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                if not url_info.get("location"):
                    continue
                alternates = [
                    {"lang_code": code, "location": url}
                    for code, url in public.hreflang_alternates(
                        groups.get(item.translation_key, []), url_info["location"]
                    )
                ]
                url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PublicSitemap})
