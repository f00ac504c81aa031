"""The shell's own pages: the home page of each locale and standard pages (policy, about)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.content_cache import cached
from core.pages import PAGE_TRANSLATED
from resources.blocks import BodyBlock


class HomePage(Page):
    motto = models.CharField(_("motto"), max_length=200, blank=True, default="When we share, we win.")
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("motto"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "resources.ResourceIndexPage",
        "resources.CurriculumPage",
        "communities.CommunityIndexPage",
        "home.StandardPage",
    ]
    api_fields = [APIField("motto"), APIField("intro")]
    translatable_fields = PAGE_TRANSLATED + [TranslatableField("motto"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from communities.models import CommunityPage
        from communities.privacy import visible_pages

        context = super().get_context(request, *args, **kwargs)
        viewer = request.user
        context["latest_resources"] = self.latest_resources(viewer, 8)
        # Which communities are near the top of this locale is published content (cached: the
        # database would otherwise walk the locale's pages, 25,000 with 100k materials); their
        # member counts and what the viewer may open are read at each request.
        near_top = cached(
            "home-communities",
            (self.locale_id, self.depth),
            lambda: list(
                CommunityPage.objects.filter(locale_id=self.locale_id, depth__lte=self.depth + 2).values_list(
                    "pk", flat=True
                )
            ),
        )
        context["communities"] = visible_pages(
            viewer, CommunityPage.objects.filter(pk__in=near_top)
        ).with_member_counts()[:12]
        context["sections"] = cached(
            "home-sections",
            (self.pk, request.get_host()),
            lambda: [
                {"title": p.title, "url": p.get_url(request), "summary": getattr(p, "summary", "")}
                for p in self.get_children().live().public().in_menu().specific()
            ],
        )
        return context

    def latest_resources(self, viewer, count):
        """The `count` newest materials of this locale that the viewer may open.

        The newest live materials are published content, cached (core.content_cache) with
        some to spare; communities.privacy narrows them for the viewer. Only when the
        viewer may open too few of them is the database asked for the viewer's own list.
        """
        from communities.privacy import visible_among, visible_pages
        from resources.models import ResourcePage

        newest = (
            ResourcePage.objects.live().filter(locale_id=self.locale_id).order_by("-first_published_at").for_cards()
        )
        spare = count * 4
        candidates = cached("home-latest", (self.locale_id, spare), lambda: list(newest[:spare]))
        shown = visible_among(viewer, candidates)[:count]
        if len(shown) < count and len(candidates) == spare:
            shown = list(visible_pages(viewer, newest)[:count])
        return shown


class StandardPage(Page):
    """A document or about page, e.g. the policy document on European cooperation in education."""

    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    api_fields = [APIField("summary"), APIField("body")]
    translatable_fields = PAGE_TRANSLATED + [TranslatableField("summary"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")
