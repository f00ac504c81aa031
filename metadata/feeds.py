"""RSS and Atom feeds of the latest public materials, per locale and per community.

Feed readers fetch without a session, so feeds are built for an anonymous
visitor: a members-only community's feed does not exist (404) for anyone.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from communities.choices import Visibility
from communities.models import CommunityPage
from resources.models import ResourceIndexPage, ResourcePage

from . import public

FEED_LENGTH = 30


class LatestMaterialsFeed(Feed):
    """/<lang>/feeds/resources.rss: the latest public materials in the reader's locale."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return None

    def locale(self):
        return Locale.get_active()

    def title(self, obj):
        return _("Kollega: latest materials")

    def description(self, obj):
        return _("Learning materials recently shared by teachers on Kollega.")

    def link(self, obj):
        index = public.public_pages(ResourceIndexPage.objects.filter(locale=self.locale())).first()
        if index is not None:
            return index.get_url()
        return f"/{self.locale().language_code}/"

    def base_items(self, obj):
        return ResourcePage.objects.filter(locale=self.locale())

    def items(self, obj):
        materials = public.public_pages(self.base_items(obj))
        return materials.order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        authors, _others = public.authors_and_contributors(item)
        return ", ".join(name for _role, name, _person in authors) or None

    def item_categories(self, item):
        return [s.label for s in item.subjects.all()]


class LatestMaterialsAtomFeed(LatestMaterialsFeed):
    feed_type = Atom1Feed
    subtitle = LatestMaterialsFeed.description


class CommunityMaterialsFeed(LatestMaterialsFeed):
    """/<lang>/feeds/community/<slug>.rss: a public community's latest materials in the locale."""

    def get_object(self, request, slug):
        community = CommunityPage.objects.filter(locale=self.locale(), slug=slug).first()
        if community is None or community.visibility != Visibility.PUBLIC or not public.is_public(community):
            raise Http404("No such public community")
        return community

    def title(self, obj):
        return _("Kollega: latest materials from %(community)s") % {"community": obj.title}

    def description(self, obj):
        return _("Learning materials recently shared in the community %(community)s.") % {"community": obj.title}

    def link(self, obj):
        return obj.get_url()

    def base_items(self, obj):
        return ResourcePage.objects.of_community(obj).filter(locale=self.locale())


class CommunityMaterialsAtomFeed(CommunityMaterialsFeed):
    feed_type = Atom1Feed
    subtitle = CommunityMaterialsFeed.description
