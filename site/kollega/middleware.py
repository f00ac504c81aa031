"""Locale handling that leaves machine endpoints alone.

Django's LocaleMiddleware turns a 404 on an unprefixed URL into a redirect
to /en/<url> whenever the catch-all page route would match there, so an API
client asking for a missing page got a 302 and an HTML page. The API,
documents, admin and sitemap answer in their own right.
"""

from django.middleware.locale import LocaleMiddleware

UNLOCALIZED_PREFIXES = ("/api/", "/documents/", "/admin/", "/sitemap.xml", "/oai/", "/static/", "/media/", "/i18n/")


class KollegaLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNLOCALIZED_PREFIXES):
            return response
        return super().process_response(request, response)
