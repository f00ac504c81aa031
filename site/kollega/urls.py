from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from events.views import PAGE_FILES, community_calendar_page, page_file
from home.views import favicon
from metadata.sitemaps import sitemap

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
    path("oai/", include("metadata.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its locale prefix: /en/, /sv/, /de/, /pt/.
urlpatterns += i18n_patterns(
    # Before "people/": /<lang>/people/<slug>/contact/ and /<lang>/messages/ are messaging's.
    path("", include("messaging.urls")),
    path("people/", include("communities.urls")),
    path("account/", include("accounts.urls")),
    path("take-part/", include("communities.participation_urls")),
    path("discussions/", include("discussions.urls")),
    path("notifications/", include("notifications.urls")),
    path("learning/", include("learning.urls")),
    path("events/", include("events.urls")),
    path("search/", include("search.urls")),
    path("contribute/", include("contributions.urls")),
    path("self-assessment/", include("assessment.urls")),
    path("recommendations/", include("recommender.urls")),
    path("feeds/", include("metadata.feed_urls")),
    path("", include("home.urls")),
    # `<event url>calendar.ics`: Wagtail's own pattern serves only paths that end in "/".
    re_path(rf"^(?P<path>(?:[\w\-]+/)+)(?P<name>{PAGE_FILES})$", page_file),
    # `<community url>events/`: the community's calendar (any other page's `events/` stays Wagtail's).
    re_path(r"^(?P<path>(?:[\w\-]+/)+)events/$", community_calendar_page),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
